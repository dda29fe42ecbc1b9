package com.waplatform.sender.dispatch;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sender.queue.*}: how much is kept in memory and in flight.
 *
 * @param maxHeldPerNumber messages a number's lane holds in memory; further admissions
 * stay in the table only (PENDING) and are loaded when the lane has drained to
 * {@code reloadBelow}
 * @param reloadBelow lane size under which a lane with messages left in the table loads
 * them
 * @param maxInFlight database and Meta work in flight at once, all numbers together
 * (1,000 msg/s at 500 ms per call is 500 calls)
 * @param maxPerWake messages one dispatcher wake-up of a lane hands out at most
 * @param housekeeping how often expiries, verifications, reloads and pauses are checked
 * @param sweep how often the PENDING and SENDING rows of the owned partitions that no
 * lane holds (orphans of a database error, of a failed load) are given back to their
 * lanes
 */
@Validated
@ConfigurationProperties("sender.queue")
public record QueueProperties(@Min(10) @DefaultValue("5000") int maxHeldPerNumber,
		@Min(1) @DefaultValue("2500") int reloadBelow, @Min(1) @Max(100_000) @DefaultValue("4000") int maxInFlight,
		@Min(1) @DefaultValue("256") int maxPerWake, @NotNull @DefaultValue("250ms") Duration housekeeping,
		@NotNull @DefaultValue("1m") Duration sweep) {

}
