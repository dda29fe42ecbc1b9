package com.waplatform.sender.dispatch;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import com.waplatform.sender.domain.Backoff;
import com.waplatform.sender.domain.RetryPolicy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sender.retry.*}: retries of messages Meta could not take now. Transient failures
 * (Meta errors marked retryable, outages, timeouts whose message Meta did not confirm)
 * count as attempts; throughput and pair limits are deferrals.
 *
 * @param maxAttempts failed calls of a message before it is dead-lettered
 * @param firstBackoff delay before the first retry, doubled on each further one
 * @param maxBackoff upper bound of the delay
 * @param jitter random share of each delay (0 to 1), so retries of many messages spread
 * @param maxDeferrals throughput and pair-limit refusals of a message before it is
 * dead-lettered (a safety net: the rate adapts long before)
 * @param throughputRetryDelay when a message refused with 130429 is tried again (Meta
 * measures throughput over one second)
 * @param unknownNumberTimeout how long a message of a number the account directory does
 * not know (yet) waits for it before it is dead-lettered
 * @param breakerWait how often a number whose circuit breaker is open checks it again
 */
@Validated
@ConfigurationProperties("sender.retry")
public record RetryProperties(@Min(1) @Max(50) @DefaultValue("5") int maxAttempts,
		@NotNull @DefaultValue("500ms") Duration firstBackoff, @NotNull @DefaultValue("30s") Duration maxBackoff,
		@DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.5") double jitter,
		@Min(1) @DefaultValue("200") int maxDeferrals, @NotNull @DefaultValue("1s") Duration throughputRetryDelay,
		@NotNull @DefaultValue("60s") Duration unknownNumberTimeout,
		@NotNull @DefaultValue("200ms") Duration breakerWait) {

	public Backoff backoff() {
		return new Backoff(this.firstBackoff, this.maxBackoff, this.jitter);
	}

	public RetryPolicy policy() {
		return new RetryPolicy(this.maxAttempts, this.maxDeferrals, backoff(), this.unknownNumberTimeout);
	}

}
