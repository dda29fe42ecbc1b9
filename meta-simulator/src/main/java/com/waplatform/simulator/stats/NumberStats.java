package com.waplatform.simulator.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one business number received: totals, refusals by Meta code, injected faults by
 * kind, and accepted/refused sends per second over the last {@code capacity} seconds (a
 * ring indexed by epoch second).
 */
public final class NumberStats {

	private final LongAdder received = new LongAdder();

	private final LongAdder accepted = new LongAdder();

	private final Map<Integer, LongAdder> rejected = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> faults = new ConcurrentHashMap<>();

	private final int capacity;

	private final long[] seconds;

	private final long[] acceptedPerSecond;

	private final long[] rejectedPerSecond;

	private long firstSecond = Long.MIN_VALUE;

	public NumberStats(int capacity) {
		this.capacity = capacity;
		this.seconds = new long[capacity];
		this.acceptedPerSecond = new long[capacity];
		this.rejectedPerSecond = new long[capacity];
		Arrays.fill(this.seconds, Long.MIN_VALUE);
	}

	public void received() {
		this.received.increment();
	}

	public void accepted(long epochSecond) {
		this.accepted.increment();
		tick(epochSecond, true);
	}

	public void rejected(int code, long epochSecond) {
		this.rejected.computeIfAbsent(code, (key) -> new LongAdder()).increment();
		tick(epochSecond, false);
	}

	public void fault(String label) {
		this.faults.computeIfAbsent(label, (key) -> new LongAdder()).increment();
	}

	public long receivedCount() {
		return this.received.sum();
	}

	public long acceptedCount() {
		return this.accepted.sum();
	}

	/** Refusals by code, as strings (JSON keys), sorted. */
	public Map<String, Long> rejectedByCode() {
		Map<String, Long> counts = new TreeMap<>();
		this.rejected.forEach((code, count) -> counts.put(Integer.toString(code), count.sum()));
		return counts;
	}

	public Map<String, Long> faultsByKind() {
		Map<String, Long> counts = new TreeMap<>();
		this.faults.forEach((kind, count) -> counts.put(kind, count.sum()));
		return counts;
	}

	/**
	 * Accepted sends of each of the {@code count} seconds up to {@code nowSecond}, oldest
	 * first.
	 */
	public synchronized List<Long> acceptedPerSecond(long nowSecond, int count) {
		List<Long> series = new ArrayList<>(count);
		for (long second = nowSecond - count + 1; second <= nowSecond; second++) {
			int slot = slot(second);
			series.add((this.seconds[slot] == second) ? this.acceptedPerSecond[slot] : 0L);
		}
		return series;
	}

	/**
	 * Every second from the first one seen (at most {@code capacity} seconds back) to
	 * {@code nowSecond}, oldest first.
	 */
	public synchronized List<Second> timeline(long nowSecond) {
		List<Second> timeline = new ArrayList<>();
		if (this.firstSecond == Long.MIN_VALUE) {
			return timeline;
		}
		long from = Math.max(this.firstSecond, nowSecond - this.capacity + 1);
		for (long second = from; second <= nowSecond; second++) {
			int slot = slot(second);
			boolean known = this.seconds[slot] == second;
			timeline.add(new Second(second, known ? this.acceptedPerSecond[slot] : 0,
					known ? this.rejectedPerSecond[slot] : 0));
		}
		return timeline;
	}

	private synchronized void tick(long epochSecond, boolean accepted) {
		if (this.firstSecond == Long.MIN_VALUE) {
			this.firstSecond = epochSecond;
		}
		int slot = slot(epochSecond);
		if (this.seconds[slot] != epochSecond) {
			if (this.seconds[slot] > epochSecond) {
				return;
			}
			this.seconds[slot] = epochSecond;
			this.acceptedPerSecond[slot] = 0;
			this.rejectedPerSecond[slot] = 0;
		}
		if (accepted) {
			this.acceptedPerSecond[slot]++;
		}
		else {
			this.rejectedPerSecond[slot]++;
		}
	}

	private int slot(long second) {
		return (int) Math.floorMod(second, (long) this.capacity);
	}

	/** One second of the timeline. */
	public record Second(long second, long accepted, long rejected) {
	}

}
