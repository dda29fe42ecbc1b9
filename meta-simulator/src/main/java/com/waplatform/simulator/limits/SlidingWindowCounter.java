package com.waplatform.simulator.limits;

import java.time.Duration;
import java.util.Arrays;

/**
 * Events in a sliding window (e.g. the last second), counted in equal time buckets (e.g.
 * 100 buckets of 10 ms): the window at time {@code t} is the bucket holding {@code t} and
 * the {@code buckets - 1} before it, so it spans a little less than the window length
 * ({@code window - bucket} to {@code window}).
 * <p>
 * Why this and not a library: resilience4j's {@code RateLimiter} hands out permits per
 * fixed refresh period and Bucket4j or Guava are token buckets; all of them let 2×limit
 * through across a period boundary or after an idle spell, which is not what a client
 * observes from Meta (a number's throughput is measured over time, not per calendar
 * second). A counter over the window is what "at most N per second" means from the
 * outside. A client pacing with a token bucket of capacity 1 at exactly N/s puts at most
 * {@code 1 + N × (window - ε)} &lt; N + 1 sends in the window, so it is never refused;
 * one sending 5% faster is.
 * <p>
 * The check and the increment must be one atomic step for the count to be exact under
 * concurrency, so the counter is guarded by its own monitor: one per business number, a
 * critical section of a few array updates, uncontended unless one number is hammered from
 * many threads (where a lock-free sum-then-add would overshoot the limit).
 */
public final class SlidingWindowCounter {

	private final long bucketNanos;

	private final int buckets;

	private final long[] counts;

	private long total;

	private long newestBucket = Long.MIN_VALUE;

	public SlidingWindowCounter(Duration window, int buckets) {
		if (buckets < 1 || window.toNanos() < buckets) {
			throw new IllegalArgumentException("window " + window + " cannot hold " + buckets + " buckets");
		}
		this.bucketNanos = window.toNanos() / buckets;
		this.buckets = buckets;
		this.counts = new long[buckets];
	}

	/**
	 * Counts an event unless the window already holds {@code limit}; tells which. Times
	 * may come slightly out of order (concurrent requests stamped at arrival): a late one
	 * is counted in its own bucket and checked against the window ending at the latest
	 * time seen; one older than that window counts in its oldest bucket.
	 */
	public synchronized boolean tryAcquire(long limit, long nowNanos) {
		advance(nowNanos);
		if (this.total >= limit) {
			return false;
		}
		add(nowNanos);
		return true;
	}

	/** Counts an event whatever the count. */
	public synchronized void record(long nowNanos) {
		advance(nowNanos);
		add(nowNanos);
	}

	/** Events in the window ending at {@code nowNanos}. */
	public synchronized long count(long nowNanos) {
		advance(nowNanos);
		return this.total;
	}

	/** How long until the window holds fewer than {@code limit} events (0: now). */
	public synchronized long nanosUntilBelow(long limit, long nowNanos) {
		advance(nowNanos);
		long remaining = this.total;
		if (remaining < limit) {
			return 0;
		}
		for (long bucket = this.newestBucket - this.buckets + 1; bucket <= this.newestBucket; bucket++) {
			remaining -= this.counts[slot(bucket)];
			if (remaining < limit) {
				return Math.max(0, (bucket + this.buckets) * this.bucketNanos - nowNanos);
			}
		}
		return (this.newestBucket + this.buckets) * this.bucketNanos - nowNanos;
	}

	private void add(long nowNanos) {
		long bucket = Math.max(Math.floorDiv(nowNanos, this.bucketNanos), this.newestBucket - this.buckets + 1);
		this.counts[slot(bucket)]++;
		this.total++;
	}

	private void advance(long nowNanos) {
		long current = Math.floorDiv(nowNanos, this.bucketNanos);
		if (this.newestBucket == Long.MIN_VALUE || current - this.newestBucket >= this.buckets) {
			Arrays.fill(this.counts, 0);
			this.total = 0;
			this.newestBucket = current;
			return;
		}
		for (long bucket = this.newestBucket + 1; bucket <= current; bucket++) {
			int slot = slot(bucket);
			this.total -= this.counts[slot];
			this.counts[slot] = 0;
		}
		if (current > this.newestBucket) {
			this.newestBucket = current;
		}
	}

	private int slot(long bucket) {
		return (int) Math.floorMod(bucket, (long) this.buckets);
	}

}
