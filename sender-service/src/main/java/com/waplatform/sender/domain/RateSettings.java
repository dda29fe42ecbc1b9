package com.waplatform.sender.domain;

/**
 * How a number's lane paces and adapts.
 *
 * @param utilization share of the allowed rate actually used (below 1 leaves room for
 * network jitter between our clock and Meta's window)
 * @param catchUpNanos how far the throughput pacing may run ahead of its schedule after
 * the dispatcher woke late (the throughput burst)
 * @param decreaseFactor the rate is multiplied by this on 130429
 * @param floor the rate never falls below this share of the configured rate
 * @param quietNanos time without 130429 before (and between) recovery steps
 * @param recoveryStep share of the configured rate regained per quiet period
 * @param holdNanos further 130429 within this time after a decrease do not lower the rate
 * again
 * @param pairIntervalNanos one message per this interval to the same recipient
 * @param pairBurst messages a recipient may get at once before the interval applies
 * @param maxPairHoldNanos the longest a recipient is held back after repeated 131056
 * @param leadNanos how far ahead of their calls messages are prepared (recorded SENDING):
 * the calls of this much time at the current rate are prepared at once
 * @param inFlightNanos a number has at most the calls of this much time at its current
 * rate in flight: the full rate while Meta answers within it, and a slow or overloaded
 * Meta gets fewer calls instead of a growing queue of them (which would end in timeouts,
 * and a timed-out call is one whose outcome is unknown)
 */
public record RateSettings(double utilization, long catchUpNanos, double decreaseFactor, double floor, long quietNanos,
		double recoveryStep, long holdNanos, long pairIntervalNanos, int pairBurst, long maxPairHoldNanos,
		long leadNanos, long inFlightNanos) {

	public RateSettings {
		if (utilization <= 0 || utilization > 1 || decreaseFactor <= 0 || decreaseFactor >= 1 || floor <= 0 || floor > 1
				|| quietNanos <= 0 || recoveryStep <= 0 || pairIntervalNanos <= 0 || pairBurst < 1 || leadNanos <= 0
				|| inFlightNanos <= 0) {
			throw new IllegalArgumentException("Invalid rate settings " + this);
		}
	}

	/** Nanoseconds between two sends at {@code perSecond} (after utilization). */
	long intervalNanos(double perSecond) {
		return Math.max(1, Math.round(1_000_000_000d / (perSecond * this.utilization)));
	}

	/**
	 * How long a recipient is held back after its {@code strikes}-th 131056 in a row:
	 * 4^(strikes-1) seconds (1, 4, 16, 64...: Meta's 4^X with X from 0), never less than
	 * the pair interval, at most the maximum.
	 */
	long pairHoldNanos(int strikes) {
		double seconds = Math.pow(4, Math.max(0, strikes - 1));
		long hold = (long) Math.min(this.maxPairHoldNanos, seconds * 1_000_000_000d);
		return Math.max(this.pairIntervalNanos, Math.min(hold, this.maxPairHoldNanos));
	}

}
