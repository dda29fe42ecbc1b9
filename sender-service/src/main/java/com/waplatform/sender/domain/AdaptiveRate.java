package com.waplatform.sender.domain;

/**
 * The rate a business number may send at: its configured throughput, lowered
 * multiplicatively when Meta answers 130429 and recovered additively after a quiet period
 * (AIMD). Refusals that arrive together (every call in flight sees the same full window)
 * count as one: after a decrease, further refusals within {@code hold} do not lower the
 * rate again. Times are monotonic nanoseconds.
 */
public final class AdaptiveRate {

	private final RateSettings settings;

	private double configured;

	private double reducedTo;

	private long lastDecrease;

	private boolean decreased;

	public AdaptiveRate(double configured, RateSettings settings) {
		this.settings = settings;
		this.configured = configured;
		this.reducedTo = configured;
	}

	/** The configured throughput changed (the number was upgraded or downgraded). */
	public void configure(double configured) {
		this.configured = configured;
		this.reducedTo = Math.min(this.reducedTo, configured);
	}

	public double configured() {
		return this.configured;
	}

	/** The rate allowed now, in messages per second. */
	public double current(long now) {
		if (!this.decreased) {
			return this.configured;
		}
		long since = now - this.lastDecrease - this.settings.quietNanos();
		if (since < 0) {
			return this.reducedTo;
		}
		long steps = 1 + since / this.settings.quietNanos();
		double recovered = this.reducedTo + steps * this.settings.recoveryStep() * this.configured;
		if (recovered >= this.configured) {
			this.decreased = false;
			this.reducedTo = this.configured;
			return this.configured;
		}
		return recovered;
	}

	/**
	 * Meta said the number sends too fast; tells whether the rate was lowered (false
	 * while the last decrease is still fresh).
	 */
	public boolean throttled(long now) {
		if (this.decreased && now - this.lastDecrease < this.settings.holdNanos()) {
			return false;
		}
		double floor = this.settings.floor() * this.configured;
		this.reducedTo = Math.max(floor, current(now) * this.settings.decreaseFactor());
		this.lastDecrease = now;
		this.decreased = true;
		return true;
	}

}
