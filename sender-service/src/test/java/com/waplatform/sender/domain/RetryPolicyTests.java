package com.waplatform.sender.domain;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTests {

	private final RetryPolicy policy = new RetryPolicy(3, 2,
			new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 0.5), Duration.ofSeconds(60));

	@Test
	void aFailedAttemptIsRetriedWithBackoffUntilTheLimitThenDeadLettered() {
		assertThat(this.policy.afterFailure(1, "131000", () -> 0))
			.isEqualTo(new RetryPolicy.Decision.Retry(Duration.ofMillis(500)));
		assertThat(this.policy.afterFailure(2, "131000", () -> 1))
			.isEqualTo(new RetryPolicy.Decision.Retry(Duration.ofMillis(500)));
		assertThat(this.policy.afterFailure(3, "131000", () -> 0)).isEqualTo(new RetryPolicy.Decision.DeadLetter(
				DeadLetterReason.RETRIES_EXHAUSTED, "retries exhausted after 3 failed attempt(s), last: 131000"));
		// counted on the row: a restart does not start again from zero
		assertThat(this.policy.afterFailure(4, "http_503", () -> 0))
			.isInstanceOf(RetryPolicy.Decision.DeadLetter.class);
	}

	@Test
	void deferralsByMetasLimitsDeadLetterOnlyPastTheirOwnLimit() {
		assertThat(this.policy.afterDeferral(2, "130429")).isEqualTo(new RetryPolicy.Decision.Retry(Duration.ZERO));
		assertThat(this.policy.afterDeferral(3, "130429")).isEqualTo(new RetryPolicy.Decision.DeadLetter(
				DeadLetterReason.DEFERRALS_EXHAUSTED, "deferred 3 times by Meta's limits, last: 130429"));
	}

	@Test
	void aMessageOfAnUnknownNumberWaitsForTheDirectoryUntilTheTimeout() {
		assertThat(this.policy.unknownNumber(Duration.ofSeconds(59), "unknown"))
			.isEqualTo(new RetryPolicy.Decision.Retry(Duration.ofSeconds(1)));
		assertThat(this.policy.unknownNumber(Duration.ofSeconds(60), "unknown"))
			.isEqualTo(new RetryPolicy.Decision.DeadLetter(DeadLetterReason.UNKNOWN_NUMBER, "unknown"));
	}

	@Test
	void onlyAFailureWithTheBreakerClosedBeforeAndAfterCountsAsAnAttempt() {
		assertThat(RetryPolicy.countsAsAttempt(false, true)).isTrue();
		// a failed half-open trial: Meta is out, the message waits
		assertThat(RetryPolicy.countsAsAttempt(true, false)).isFalse();
		assertThat(RetryPolicy.countsAsAttempt(true, true)).isFalse();
		// the failure that opened the breaker
		assertThat(RetryPolicy.countsAsAttempt(false, false)).isFalse();
	}

}
