package com.waplatform.systemtests.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The figures of the scheduler scenario, as {@code target/bench/scheduler.json}
 * (snake_case keys like the other reports), and its targets: nothing per pending message
 * in the heap, nothing lost or published twice, no application exiting.
 */
final class SchedulerReport {

	/**
	 * The most the live heap may grow with the pending messages: 16 bytes a message, far
	 * below any object kept per message (a boxed long alone takes 16), and at least 8 MB,
	 * the noise of two full collections minutes apart.
	 */
	static final long GROWTH_BYTES_PER_PENDING = 16;

	static final double MIN_GROWTH_LIMIT_MB = 8;

	private final SchedulerPlan plan;

	private final Map<String, Object> json = new LinkedHashMap<>();

	private final List<Map<String, Object>> phases = new ArrayList<>();

	private final List<Map<String, Object>> targets = new ArrayList<>();

	private final List<String> lost = new ArrayList<>();

	private final List<String> phaseSummaries = new ArrayList<>();

	private String heapSummary = "";

	SchedulerReport(SchedulerPlan plan) {
		this.plan = plan;
		this.json.put("scenario", SchedulerPlan.NAME);
		this.json.put("description", plan.description());
	}

	/**
	 * The workflow service's memory before and with the pending messages.
	 * @param insertSeconds how long the bulk insert took
	 * @param held rows in the table once inserted
	 */
	void pending(HeapProbe.Memory before, HeapProbe.Memory with, double insertSeconds, long held) {
		Map<String, Object> pending = new LinkedHashMap<>();
		pending.put("messages", this.plan.pending());
		pending.put("due_in_days", SchedulerPlan.PENDING_DUE_IN.toDays());
		pending.put("held", held);
		pending.put("insert_s", Figures.round(insertSeconds, 1));
		pending.put("insert_rows_per_s", Figures.round(this.plan.pending() / Math.max(insertSeconds, 0.001), 0));
		pending.put("before", before.json());
		pending.put("with_pending", with.json());
		Map<String, Object> growth = new LinkedHashMap<>();
		growth.put("heap_used_min", Figures.round(with.heap().min() - before.heap().min(), 1));
		growth.put("heap_used_avg", Figures.round(with.heap().avg() - before.heap().avg(), 1));
		growth.put("rss_avg", Figures.round(with.rss().avg() - before.rss().avg(), 1));
		Double liveGrowth = (with.liveHeap() != null && before.liveHeap() != null) ? with.liveHeap() - before.liveHeap()
				: null;
		growth.put("live_heap", (liveGrowth != null) ? Figures.round(liveGrowth, 1) : null);
		pending.put("growth_mb", growth);
		if (liveGrowth != null && this.plan.pending() > 0) {
			pending.put("live_heap_growth_bytes_per_pending_message",
					Figures.round(liveGrowth * 1024 * 1024 / this.plan.pending(), 2));
		}
		this.json.put("pending", pending);

		double limit = Math.max(MIN_GROWTH_LIMIT_MB, GROWTH_BYTES_PER_PENDING * this.plan.pending() / (1024.0 * 1024));
		target("live heap grows < %.1f MB with %,d pending".formatted(limit, this.plan.pending()),
				liveGrowth != null && liveGrowth < limit,
				(liveGrowth != null) ? Figures.round(liveGrowth, 1) : "not measured (jcmd GC.run failed)");
		this.heapSummary = String.format(Locale.ROOT,
				"%,d pending: live heap %s -> %s MB, heap used avg %.1f -> %.1f MB", this.plan.pending(),
				mb(before.liveHeap()), mb(with.liveHeap()), before.heap().avg(), with.heap().avg());
	}

	/** Adds a rate phase; answers its summary. */
	String phase(DuePhase.Result result) {
		this.phases.add(result.json());
		this.lost.addAll(result.lost());
		target("zero lost at " + result.rate() + "/s", result.lost().isEmpty(), result.lost().size());
		target("zero duplicates at " + result.rate() + "/s", result.duplicates() == 0, result.duplicates());
		Map<String, Object> json = result.json();
		Map<?, ?> delay = (Map<?, ?>) json.get("publish_delay_ms");
		String summary = "%d/s: %s released, %s/s in window, delay p50/p99/max %s/%s/%s ms, lost %s, duplicates %s%s"
			.formatted(result.rate(), json.get("released"), json.get("released_per_s_in_window"), delay.get("p50"),
					delay.get("p99"), delay.get("max"), json.get("lost"), json.get("duplicates"),
					result.keptUp() ? "" : " (did not keep up)");
		this.phaseSummaries.add(summary);
		return summary;
	}

	/** A rate not run because the one before did not keep up. */
	void skipped(int rate) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("rate_per_s", rate);
		json.put("skipped", "the previous rate did not keep up (lost messages or p99 publish delay over "
				+ this.plan.keepUpP99().toMillis() + " ms)");
		this.phases.add(json);
	}

	/**
	 * @param memory the applications' peaks over the whole run (as in the other reports)
	 * @param metrics the scheduler's and the outbox's Prometheus lines at the end
	 * @param exited applications that exited during the run
	 */
	void finish(Map<String, Object> memory, List<String> metrics, List<String> exited) {
		this.json.put("rates", this.phases);
		Map<String, Object> peaks = new LinkedHashMap<>(memory);
		if (peaks.get("harness") instanceof Map<?, ?> harness) {
			Map<Object, Object> described = new LinkedHashMap<>(harness);
			described.put("note", "harness JVM: embedded Kafka broker, wa.send-requests consumer");
			peaks.put("harness", described);
		}
		this.json.put("memory", peaks);
		this.json.put("scheduler_metrics", metrics);
		// the load averages at the end of the run, as the other reports
		this.json.put("machine", Machine.describe());
		target("no application exited", exited.isEmpty(), exited);
	}

	private void target(String name, boolean met, @Nullable Object value) {
		Map<String, Object> target = new LinkedHashMap<>();
		target.put("target", name);
		target.put("met", met);
		target.put("value", value);
		this.targets.add(target);
	}

	private static String mb(@Nullable Double value) {
		return (value != null) ? String.format(Locale.ROOT, "%.1f", value) : "?";
	}

	boolean passed() {
		return this.targets.stream().allMatch((target) -> Boolean.TRUE.equals(target.get("met")));
	}

	/** "id due=… held=…" of each message never seen on {@code wa.send-requests}. */
	List<String> lost() {
		return this.lost;
	}

	Map<String, Object> json() {
		Map<String, Object> all = new LinkedHashMap<>(this.json);
		all.put("targets", this.targets);
		all.put("passed", passed());
		return all;
	}

	String summary() {
		List<String> missed = this.targets.stream()
			.filter((target) -> !Boolean.TRUE.equals(target.get("met")))
			.map((target) -> target.get("target") + " (was " + target.get("value") + ")")
			.toList();
		return SchedulerPlan.NAME + ": " + this.heapSummary + "; " + String.join("; ", this.phaseSummaries) + "; "
				+ (missed.isEmpty() ? "PASSED" : "MISSED " + missed);
	}

}
