package com.waplatform.systemtests.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The arithmetic of the report: steady-state rates and percentiles. */
public final class Figures {

	/**
	 * Seconds left out at the start of the steady part: the partial first second and the
	 * ramp-up of a sender that starts (cold) with the backlog waiting.
	 */
	static final int SKIP_HEAD = 5;

	/** Seconds left out at the end of the steady part (the backlog running dry). */
	static final int SKIP_TAIL = 2;

	private Figures() {
	}

	/**
	 * The seconds during which the number had a backlog waiting: from the first send
	 * ({@link #SKIP_HEAD} seconds later) to the last second ({@link #SKIP_TAIL} seconds
	 * earlier), the seconds that ended with at least {@code backlog} messages accepted by
	 * the gateway but not yet sent to Meta. Only in those seconds does the rate show the
	 * sender's pacing rather than the supply of messages. (Messages in transit between
	 * the gateway and the sender count as backlog too, hence a threshold of a second's
	 * worth of sending rather than one message.)
	 * @param accepts when the gateway accepted each message (epoch ms)
	 * @param sends when Meta accepted each message (epoch ms)
	 * @param backlog the smallest backlog that counts
	 */
	static List<Long> steadySeconds(long[] accepts, long[] sends, int backlog) {
		List<Long> steady = new ArrayList<>();
		if (sends.length == 0) {
			return steady;
		}
		long[] a = accepts.clone();
		long[] s = sends.clone();
		Arrays.sort(a);
		Arrays.sort(s);
		long lastSend = s[s.length - 1];
		for (long second = s[0] / 1000 + SKIP_HEAD; (second + 1) * 1000 <= lastSend; second++) {
			long end = (second + 1) * 1000;
			if (countAtOrBefore(a, end) - countAtOrBefore(s, end) >= backlog) {
				steady.add(second);
			}
		}
		return steady.subList(0, Math.max(0, steady.size() - SKIP_TAIL));
	}

	/** Mean of the per-second counts over the given seconds (0 when there are none). */
	static double meanRate(Map<Long, Integer> perSecond, List<Long> seconds) {
		if (seconds.isEmpty()) {
			return 0;
		}
		long total = 0;
		for (long second : seconds) {
			total += perSecond.getOrDefault(second, 0);
		}
		return (double) total / seconds.size();
	}

	/** Per-second counts of epoch-millisecond instants. */
	static Map<Long, Integer> perSecond(long[] instants) {
		Map<Long, Integer> counts = new LinkedHashMap<>();
		for (long instant : instants) {
			counts.merge(instant / 1000, 1, Integer::sum);
		}
		return counts;
	}

	/** p50, p95, p99 and max (nearest rank) of durations in ms, with the sample size. */
	public static Map<String, Object> percentiles(long[] values) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("count", values.length);
		if (values.length == 0) {
			return result;
		}
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		result.put("p50", rank(sorted, 0.50));
		result.put("p95", rank(sorted, 0.95));
		result.put("p99", rank(sorted, 0.99));
		result.put("max", sorted[sorted.length - 1]);
		return result;
	}

	public static double round(double value, int decimals) {
		double scale = Math.pow(10, decimals);
		return Math.round(value * scale) / scale;
	}

	private static long rank(long[] sorted, double quantile) {
		int index = (int) Math.ceil(quantile * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	private static int countAtOrBefore(long[] sorted, long instant) {
		int low = 0;
		int high = sorted.length;
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (sorted[mid] <= instant) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return low;
	}

}
