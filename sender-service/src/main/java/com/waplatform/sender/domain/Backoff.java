package com.waplatform.sender.domain;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: {@code first × 2^(attempt - 1)}, at most {@code max},
 * of which a random share up to {@code jitter} is taken off so that retries of many
 * messages spread out.
 */
public record Backoff(Duration first, Duration max, double jitter) {

	public Backoff {
		if (first.isNegative() || max.compareTo(first) < 0 || jitter < 0 || jitter > 1) {
			throw new IllegalArgumentException("Invalid backoff " + first + ".." + max + " jitter " + jitter);
		}
	}

	/** The delay before retry number {@code attempt} (1 = first retry). */
	public Duration delay(int attempt, DoubleSupplier random) {
		double base = this.first.toNanos() * Math.pow(2, Math.max(0, attempt - 1));
		double capped = Math.min(base, this.max.toNanos());
		double jittered = capped * (1 - this.jitter * random.getAsDouble());
		return Duration.ofNanos((long) jittered);
	}

}
