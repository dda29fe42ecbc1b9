package com.waplatform.sender.send;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sender.retry.*}: in-process retries of a call to Meta that may succeed later
 * (transient errors, throughput and pair limits). When they are exhausted the record is
 * handed to the Kafka error handler, which retries it and then dead-letters it.
 *
 * @param maxAttempts calls to Meta per delivery of a request, the first included
 * @param firstBackoff delay before the first retry, doubled on each further one
 * @param maxBackoff upper bound of the delay
 * @param jitter random share of each delay (0 to 1), so retries of many messages spread
 */
@Validated
@ConfigurationProperties("sender.retry")
public record RetryProperties(@Min(1) @Max(20) @DefaultValue("3") int maxAttempts,
		@NotNull @DefaultValue("200ms") Duration firstBackoff, @NotNull @DefaultValue("5s") Duration maxBackoff,
		@DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.5") double jitter) {

}
