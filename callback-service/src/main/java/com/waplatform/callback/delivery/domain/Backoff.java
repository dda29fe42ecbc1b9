package com.waplatform.callback.delivery.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

import org.jspecify.annotations.Nullable;

/**
 * When a failed delivery is tried again: exponential backoff with full jitter (a random
 * wait between zero and {@code min(cap, base * 2^(attempts - 1))}, so that receivers
 * coming back from an outage are not hit by every retry at once), until
 * {@code giveUpAfter} has passed since the first attempt; then the delivery is given up.
 * The last retry is never scheduled past that deadline.
 *
 * @param base the ceiling of the first wait
 * @param cap the largest ceiling
 * @param giveUpAfter how long after its first attempt a delivery is retried
 */
public record Backoff(Duration base, Duration cap, Duration giveUpAfter) {

	public Backoff {
		if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0 || giveUpAfter.isNegative()) {
			throw new IllegalArgumentException("Backoff needs 0 < base <= cap and giveUpAfter >= 0");
		}
	}

	/**
	 * When to try again after a failed attempt, or null to give up.
	 * @param attempts attempts made so far, the failed one included (1 or more)
	 * @param firstAttempt when the first attempt was made
	 * @param now when the failed attempt ended
	 * @param random a value in [0, 1)
	 */
	public @Nullable Instant next(int attempts, Instant firstAttempt, Instant now, DoubleSupplier random) {
		Instant deadline = firstAttempt.plus(this.giveUpAfter);
		if (!now.isBefore(deadline)) {
			return null;
		}
		long wait = (long) (random.getAsDouble() * ceiling(attempts).toMillis());
		Instant next = now.plusMillis(wait);
		return next.isAfter(deadline) ? deadline : next;
	}

	/** {@code min(cap, base * 2^(attempts - 1))}, without overflow. */
	Duration ceiling(int attempts) {
		long cap = this.cap.toMillis();
		long ceiling = this.base.toMillis();
		// doubles until it reaches the cap: at most 63 rounds
		for (int i = 1; i < attempts && ceiling < cap; i++) {
			ceiling *= 2;
		}
		return Duration.ofMillis(Math.min(ceiling, cap));
	}

}
