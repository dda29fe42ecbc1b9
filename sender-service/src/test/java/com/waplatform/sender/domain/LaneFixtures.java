package com.waplatform.sender.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.waplatform.common.message.Priority;

/** Lanes, items and a virtual-time driver for the scheduling tests. */
final class LaneFixtures {

	static final long MS = 1_000_000L;

	static final long SECOND = 1_000_000_000L;

	private LaneFixtures() {
	}

	/**
	 * Utilization 1, no catch-up, pair limit 1 per 6 s with bursts of 3, calls prepared
	 * up to 500 ms ahead.
	 */
	static RateSettings exactSettings() {
		return settings(1.0, 0);
	}

	static RateSettings settings(double utilization, long catchUpNanos) {
		return new RateSettings(utilization, catchUpNanos, 0.8, 0.1, SECOND, 0.05, SECOND, 6 * SECOND, 3,
				Duration.ofMinutes(5).toNanos(), 500 * MS, 2 * SECOND);
	}

	/**
	 * One dispatcher wake-up whose preparations are recorded at once: prepares what it
	 * may, arms it, and fires what is due; the messages whose calls start now.
	 */
	static List<Item> poll(NumberLane<Item> lane, long now, int max) {
		for (Item item : lane.prepare(now, Integer.MAX_VALUE)) {
			lane.armed(item.id(), now);
		}
		return lane.fire(now, max);
	}

	/**
	 * Polls the lane every {@code step} from {@code from} until {@code until} (excluded)
	 * without answering any call; the messages whose calls started.
	 */
	static List<Item> pollEvery(NumberLane<Item> lane, long from, long until, long step) {
		List<Item> calls = new ArrayList<>();
		for (long now = from; now < until; now += step) {
			calls.addAll(poll(lane, now, Integer.MAX_VALUE));
		}
		return calls;
	}

	static Item item(String id, String recipient) {
		return new Item(id, recipient, Priority.TRANSACTIONAL);
	}

	static Item bulk(String id, String recipient) {
		return new Item(id, recipient, Priority.BULK);
	}

	/**
	 * Runs the lane in virtual time from {@code start} until {@code until}, waking
	 * exactly when it asks to; every dispatched message is accepted at once.
	 */
	static List<Dispatch> run(NumberLane<Item> lane, long start, long until) {
		List<Dispatch> dispatched = new ArrayList<>();
		long now = start;
		while (true) {
			long at = lane.nextWakeUp(now);
			if (at == Long.MAX_VALUE || at >= until) {
				return dispatched;
			}
			now = Math.max(now, at);
			for (Item item : poll(lane, now, Integer.MAX_VALUE)) {
				dispatched.add(new Dispatch(now, item));
				lane.accepted(item.id());
			}
		}
	}

	/** The most dispatches in any window of {@code length} starting at a dispatch. */
	static int maxInWindow(List<Dispatch> dispatched, long length) {
		int max = 0;
		for (int i = 0; i < dispatched.size(); i++) {
			long end = dispatched.get(i).at() + length;
			int count = 0;
			for (int j = i; j < dispatched.size() && dispatched.get(j).at() < end; j++) {
				count++;
			}
			max = Math.max(max, count);
		}
		return max;
	}

	record Item(String id, String recipient, Priority priority) implements LaneItem {
	}

	record Dispatch(long at, Item item) {
	}

}
