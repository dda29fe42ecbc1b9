package com.waplatform.systemtests.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What the {@code scheduler} scenario does, from {@code -Dbench.scheduler.*} (in
 * {@code BENCH_JAVA_OPTS}); the defaults are the full-size run.
 *
 * @param pending messages held far in the future while the heap is measured (and left
 * there for the rate phases, so that the due ones are found among them)
 * @param rates due messages per second of each rate phase; a phase runs only when the one
 * before kept up
 * @param window how long each rate phase's due times spread over
 * @param lead the least time from the start of a phase's insert to its first due time
 * @param heapWindow how long the heap is sampled (every second) before and with the
 * pending messages
 * @param lossWait how long after its window a phase waits for missing messages before
 * they count as lost
 * @param keepUpP99 a rate is kept up when nothing is lost and 99 % of the messages are
 * published within this time of their due time
 */
record SchedulerPlan(int pending, List<Integer> rates, Duration window, Duration lead, Duration heapWindow,
		Duration lossWait, Duration keepUpP99) {

	static final String NAME = "scheduler";

	/** How far in the future the pending messages are due (spread over one day). */
	static final Duration PENDING_DUE_IN = Duration.ofDays(30);

	static SchedulerPlan fromSystemProperties() {
		List<Integer> rates = Arrays.stream(System.getProperty("bench.scheduler.rates", "1000,3000").split(","))
			.map(String::trim)
			.filter((rate) -> !rate.isEmpty())
			.map(Integer::valueOf)
			.filter((rate) -> rate > 0)
			.toList();
		return new SchedulerPlan(Integer.getInteger("bench.scheduler.pending", 1_000_000), rates,
				seconds("window-s", 30), seconds("lead-s", 5), seconds("heap-window-s", 20), seconds("loss-wait-s", 60),
				Duration.ofMillis(Long.getLong("bench.scheduler.keep-up-p99-ms", 2_000)));
	}

	private static Duration seconds(String name, long defaultSeconds) {
		return Duration.ofSeconds(Long.getLong("bench.scheduler." + name, defaultSeconds));
	}

	/** Messages of a rate phase: the rate times the window. */
	int messages(int rate) {
		return (int) (rate * this.window.toMillis() / 1000);
	}

	String description() {
		List<String> rates = this.rates.stream().map((rate) -> "%,d/s".formatted(rate)).toList();
		return ("workflow-service's scheduler alone: heap with %,d messages pending (due in %d days), then "
				+ "messages falling due at %s, %d s each (a rate only if the one before kept up)")
			.formatted(this.pending, PENDING_DUE_IN.toDays(), String.join(" then ", rates), this.window.toSeconds());
	}

}
