package com.waplatform.sender.domain;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * What becomes of a message Meta did not take now, from its history: retried after a
 * delay, or dead-lettered with the reason. Pure: the dispatch loop applies the
 * {@link Decision}, the counts come from the message's row.
 *
 * @param maxAttempts failed attempts before a message is dead-lettered
 * @param maxDeferrals limit deferrals (throughput, pair limit) before it is dead-lettered
 * @param backoff the delay before each retry of a failed attempt
 * @param unknownNumberTimeout how long a message of a number the account directory does
 * not know waits for it
 */
public record RetryPolicy(int maxAttempts, int maxDeferrals, Backoff backoff, Duration unknownNumberTimeout) {

	/**
	 * Whether a failed call counts as one of the message's attempts: only when its
	 * number's circuit breaker was closed for the call and still is after it. A failed
	 * half-open trial, or the failure that opened the breaker, is an outage of Meta, not
	 * a fault of the message: it waits for Meta instead.
	 */
	public static boolean countsAsAttempt(boolean halfOpenTrial, boolean breakerClosedAfter) {
		return !halfOpenTrial && breakerClosedAfter;
	}

	/** After its {@code failures}-th failed attempt (counted already). */
	public Decision afterFailure(int failures, String reason, DoubleSupplier random) {
		if (failures >= this.maxAttempts) {
			return new Decision.DeadLetter(DeadLetterReason.RETRIES_EXHAUSTED,
					"retries exhausted after " + failures + " failed attempt(s), last: " + reason);
		}
		return new Decision.Retry(this.backoff.delay(failures, random));
	}

	/**
	 * After its {@code deferrals}-th deferral by Meta's limits (counted already); a retry
	 * is then due when the limit allows, which the lane knows (delay zero here).
	 */
	public Decision afterDeferral(int deferrals, String reason) {
		if (deferrals > this.maxDeferrals) {
			return new Decision.DeadLetter(DeadLetterReason.DEFERRALS_EXHAUSTED,
					"deferred " + deferrals + " times by Meta's limits, last: " + reason);
		}
		return new Decision.Retry(Duration.ZERO);
	}

	/**
	 * A message of a number the account directory does not know, admitted {@code waited}
	 * ago: checked again in a second, dead-lettered once the timeout passed.
	 */
	public Decision unknownNumber(Duration waited, String reason) {
		if (waited.compareTo(this.unknownNumberTimeout) >= 0) {
			return new Decision.DeadLetter(DeadLetterReason.UNKNOWN_NUMBER, reason);
		}
		return new Decision.Retry(Duration.ofSeconds(1));
	}

	/** What to do with the message. */
	public sealed interface Decision {

		/** Try it again after {@code delay}. */
		record Retry(Duration delay) implements Decision {
		}

		/** Give it up: to the dead-letter topic, with the reason. */
		record DeadLetter(DeadLetterReason why, String reason) implements Decision {
		}

	}

}
