package com.waplatform.sender.domain;

/**
 * Paces a business number's sends evenly: one slot per {@code interval}, never early. A
 * send that happens late (the dispatcher woke a little after its slot) does not move the
 * schedule, so the next slot comes sooner and the rate is kept; lateness beyond
 * {@code catchUp} is given up (after an idle spell the schedule restarts at the first
 * send, without a burst). So no window of length {@code L} holds more than
 * {@code (L + catchUp) / interval + 1} sends, and none right after idling. Times are
 * monotonic nanoseconds.
 */
public final class Pacer {

	private long intervalNanos;

	private final long catchUpNanos;

	private long next;

	private boolean started;

	public Pacer(long intervalNanos, long catchUpNanos) {
		if (intervalNanos <= 0 || catchUpNanos < 0) {
			throw new IllegalArgumentException("interval must be positive and catch-up not negative");
		}
		this.intervalNanos = intervalNanos;
		this.catchUpNanos = catchUpNanos;
	}

	/** The next slot (at or before {@code now}: a send may happen now). */
	public long availableAt(long now) {
		return this.started ? this.next : now;
	}

	public boolean available(long now) {
		return availableAt(now) <= now;
	}

	/** Takes the slot if it has come; tells whether it did. */
	public boolean tryTake(long now) {
		if (!available(now)) {
			return false;
		}
		long slot = (!this.started || now - this.next > this.catchUpNanos) ? now : this.next;
		this.next = slot + this.intervalNanos;
		this.started = true;
		return true;
	}

	/** Changes the rate from the next slot on. */
	public void interval(long intervalNanos) {
		if (intervalNanos <= 0) {
			throw new IllegalArgumentException("interval must be positive");
		}
		if (this.started && intervalNanos != this.intervalNanos) {
			this.next += intervalNanos - this.intervalNanos;
		}
		this.intervalNanos = intervalNanos;
	}

	public long intervalNanos() {
		return this.intervalNanos;
	}

}
