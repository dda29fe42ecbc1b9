package com.waplatform.sender.domain;

/**
 * The calls of a business number in the last {@code window}, as Meta counts them for its
 * throughput limit: a call may start only while fewer than {@code limit} calls started
 * within the window before it. With it the {@link Pacer} can catch up after the
 * dispatcher woke late (several calls at once) and still never put more than the limit
 * into any window. Kept as a ring of the latest call times. Times are monotonic
 * nanoseconds.
 */
public final class CallWindow {

	private final long windowNanos;

	private long[] times = new long[16];

	/** Index of the latest call. */
	private int latest = -1;

	private int size;

	public CallWindow(long windowNanos) {
		if (windowNanos <= 0) {
			throw new IllegalArgumentException("window must be positive");
		}
		this.windowNanos = windowNanos;
	}

	/**
	 * The earliest time a call may start with at most {@code limit} calls per window (at
	 * or before {@code now}: it may start now).
	 */
	public long availableAt(long now, int limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be at least 1");
		}
		if (this.size < limit) {
			return now;
		}
		// the limit-th latest call leaves the window first
		long oldest = this.times[Math.floorMod(this.latest - (limit - 1), this.times.length)];
		return oldest + this.windowNanos;
	}

	/** A call started at {@code now}. */
	public void record(long now, int limit) {
		if (this.times.length < limit) {
			grow(limit);
		}
		this.latest = (this.latest + 1) % this.times.length;
		this.times[this.latest] = now;
		this.size = Math.min(this.size + 1, this.times.length);
	}

	private void grow(int capacity) {
		long[] grown = new long[Integer.highestOneBit(capacity - 1) << 1];
		for (int i = 0; i < this.size; i++) {
			grown[this.size - 1 - i] = this.times[Math.floorMod(this.latest - i, this.times.length)];
		}
		this.times = grown;
		this.latest = this.size - 1;
	}

}
