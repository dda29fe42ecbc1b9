package com.waplatform.sender.domain;

/**
 * A token bucket kept as one "theoretical arrival time" (the generic cell rate
 * algorithm): one token per {@code interval}, and a send may happen up to
 * {@code tolerance} before its theoretical time. The tolerance is the burst: 0 paces
 * strictly, {@code (n - 1) × interval} allows bursts of n (a recipient's pair limit).
 * Times are monotonic nanoseconds.
 */
public final class GcraBucket {

	private long intervalNanos;

	private final long toleranceNanos;

	private long theoreticalArrival;

	private boolean used;

	public GcraBucket(long intervalNanos, long toleranceNanos) {
		if (intervalNanos <= 0 || toleranceNanos < 0) {
			throw new IllegalArgumentException("interval must be positive and tolerance not negative");
		}
		this.intervalNanos = intervalNanos;
		this.toleranceNanos = toleranceNanos;
	}

	/** Earliest time a token is available (at or before {@code now}: available now). */
	public long availableAt(long now) {
		return this.used ? this.theoreticalArrival - this.toleranceNanos : now;
	}

	public boolean available(long now) {
		return availableAt(now) <= now;
	}

	/** Takes a token if one is available; tells whether it did. */
	public boolean tryTake(long now) {
		if (!available(now)) {
			return false;
		}
		long arrival = this.used ? Math.max(this.theoreticalArrival, now) : now;
		this.theoreticalArrival = arrival + this.intervalNanos;
		this.used = true;
		return true;
	}

	/** No token before {@code until} (the far side refused a send: back off). */
	public void blockUntil(long until) {
		long arrival = until + this.toleranceNanos;
		if (!this.used || arrival > this.theoreticalArrival) {
			this.theoreticalArrival = arrival;
			this.used = true;
		}
	}

	/** Changes the rate from now on. */
	public void interval(long intervalNanos) {
		if (intervalNanos <= 0) {
			throw new IllegalArgumentException("interval must be positive");
		}
		this.intervalNanos = intervalNanos;
	}

	public long intervalNanos() {
		return this.intervalNanos;
	}

	/** Whether the bucket is as good as new (can be forgotten). */
	public boolean idle(long now) {
		return !this.used || this.theoreticalArrival <= now;
	}

}
