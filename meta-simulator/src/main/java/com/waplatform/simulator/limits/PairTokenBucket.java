package com.waplatform.simulator.limits;

/**
 * Meta's pair rate limit for one (business number, customer) pair: about one message per
 * interval (6 s), with bursts. A token bucket of capacity {@code burst} refilled with one
 * token per interval, kept as a single "theoretical arrival time" (the generic cell rate
 * algorithm): a message is allowed while that time is at most {@code (burst - 1) ×
 * interval} ahead of now, and each allowed message pushes it one interval further. After
 * a burst the pair is blocked for the borrowed time, as Meta describes it.
 */
public final class PairTokenBucket {

	private long theoreticalArrival;

	private boolean used;

	/** Takes a token if one is left; tells whether it did. */
	public synchronized boolean tryAcquire(int burst, long intervalNanos, long nowNanos) {
		long arrival = this.used ? Math.max(this.theoreticalArrival, nowNanos) : nowNanos;
		if (arrival - nowNanos > (burst - 1L) * intervalNanos) {
			return false;
		}
		this.theoreticalArrival = arrival + intervalNanos;
		this.used = true;
		return true;
	}

	/** Gives back a token taken by a send that was not accepted after all. */
	public synchronized void refund(long intervalNanos) {
		this.theoreticalArrival -= intervalNanos;
	}

	/** Whether the bucket is full again (and could be forgotten). */
	public synchronized boolean full(long nowNanos) {
		return !this.used || this.theoreticalArrival <= nowNanos;
	}

}
