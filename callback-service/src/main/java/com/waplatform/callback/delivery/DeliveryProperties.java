package com.waplatform.callback.delivery;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How callbacks are delivered ({@code callbacks.delivery.*}). Tests compress the backoff
 * to seconds; production retries for 24 hours.
 *
 * @param pollInterval how often due deliveries are claimed
 * @param batchSize deliveries claimed per round at most
 * @param maxInFlight attempts under way at once, over all endpoints
 * @param timeout the longest wait for one attempt (connect and answer); no answer in time
 * is a failed attempt
 * @param backoffBase the ceiling of the first retry's random wait (full jitter)
 * @param backoffCap the largest ceiling of a retry's random wait
 * @param giveUpAfter how long after its first attempt a delivery is retried before it is
 * given up
 * @param disableAfter consecutive failed attempts of an endpoint after which it is
 * disabled automatically
 * @param leaseMargin how long past the timeout a claimed delivery stays reserved to the
 * instance that claimed it (another instance takes it over after an instance died)
 * @param metricsInterval how often the backlog and disabled-endpoint gauges are measured
 * @param retention how long a finished delivery (delivered, given up, superseded) stays
 * in the delivery log after it was created; zero or negative keeps it forever
 */
@Validated
@ConfigurationProperties("callbacks.delivery")
public record DeliveryProperties(@NotNull @DefaultValue("250ms") Duration pollInterval,
		@Min(1) @Max(1000) @DefaultValue("100") int batchSize, @Min(1) @Max(1000) @DefaultValue("32") int maxInFlight,
		@NotNull @DefaultValue("10s") Duration timeout, @NotNull @DefaultValue("5s") Duration backoffBase,
		@NotNull @DefaultValue("1h") Duration backoffCap, @NotNull @DefaultValue("24h") Duration giveUpAfter,
		@Min(1) @DefaultValue("50") int disableAfter, @NotNull @DefaultValue("30s") Duration leaseMargin,
		@NotNull @DefaultValue("10s") Duration metricsInterval, @NotNull @DefaultValue("90d") Duration retention) {

}
