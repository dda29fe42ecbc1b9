package com.waplatform.systemtests.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import com.waplatform.systemtests.bench.SendRequestWatcher.Seen;

/**
 * One rate of the scheduler scenario: {@code rate × window} messages inserted with due
 * times spread evenly over the window, which starts {@code lead} from now; their send
 * requests are followed on {@code wa.send-requests} until all were seen or
 * {@code lossWait} after the window, while the scheduler's lag gauge is sampled. The
 * publish delay of a message is its record's Kafka timestamp minus its due time: the
 * scheduler's round, its transaction and the outbox relay.
 */
final class DuePhase {

	/** After the last message, how long duplicates still count. */
	private static final Duration SETTLE = Duration.ofSeconds(3);

	private static final Duration LAG_SAMPLING = Duration.ofMillis(500);

	private final BenchPlatform platform;

	private final ScheduledRows rows;

	private final SchedulerPlan plan;

	private final Consumer<String> log;

	DuePhase(BenchPlatform platform, ScheduledRows rows, SchedulerPlan plan, Consumer<String> log) {
		this.platform = platform;
		this.rows = rows;
		this.plan = plan;
		this.log = log;
	}

	Result run(int rate, Duration lead) {
		int count = this.plan.messages(rate);
		String prefix = "due-" + rate + "-";
		long spacingNanos = this.plan.window().toNanos() / count;
		ServiceProcess workflow = this.platform.process(BenchPlatform.WORKFLOW);
		try (SendRequestWatcher watcher = new SendRequestWatcher(this.platform.kafkaBootstrapServers(), prefix)) {
			Instant first = Instant.now().plus(lead);
			long insertStart = System.currentTimeMillis();
			this.rows.insert(prefix, count, first, spacingNanos, (done) -> {
			});
			long insertEnd = System.currentTimeMillis();
			this.log.accept("%,d messages due at %,d/s over %d s inserted in %.1f s, first due %.1f s later".formatted(
					count, rate, this.plan.window().toSeconds(), (insertEnd - insertStart) / 1000.0,
					(first.toEpochMilli() - insertEnd) / 1000.0));
			double cpuBefore = MemorySampler.cpuSeconds(workflow.pid());
			double maxLag = await(watcher, count, first.toEpochMilli() + this.plan.window().toMillis(), prefix);
			double cpu = MemorySampler.cpuSeconds(workflow.pid()) - cpuBefore;

			Result result = figures(rate, count, prefix, first, spacingNanos, watcher.seen());
			result.json().put("insert_s", Figures.round((insertEnd - insertStart) / 1000.0, 1));
			result.json().put("first_due_after_insert_ms", first.toEpochMilli() - insertEnd);
			result.json().put("lag_gauge_max_s", Figures.round(maxLag, 3));
			// from the end of the insert to the end of the phase, idle rounds included
			result.json().put("workflow_cpu_s", Figures.round(cpu, 1));
			result.json().put("workflow_cpu_ms_per_message", Figures.round(cpu * 1000 / count, 2));
			result.json().put("still_held", this.rows.held(prefix));
			result.json().put("outbox_rows_at_end", this.rows.outbox());
			result.json().put("unreadable_records", watcher.unreadable());
			if (!result.lost().isEmpty()) {
				// whether the scheduler never released them or they got lost after
				Set<String> held = this.rows.heldAmong(result.lost().stream().map(DuePhase::id).toList());
				result.lost().replaceAll((line) -> line + " held=" + held.contains(id(line)));
			}
			return result;
		}
	}

	/**
	 * Until every message was seen (then {@link #SETTLE} more for duplicates) or
	 * {@code lossWait} after the window; answers the highest lag gauge seen (s).
	 */
	private double await(SendRequestWatcher watcher, int count, long windowEnd, String prefix) {
		long deadline = windowEnd + this.plan.lossWait().toMillis();
		long nextLog = System.currentTimeMillis() + 10_000;
		double maxLag = 0;
		long settled = Long.MAX_VALUE;
		while (System.currentTimeMillis() < Math.min(deadline, settled)) {
			if (!this.platform.exited().isEmpty()) {
				throw new IllegalStateException("Exited during the run: " + this.platform.exited());
			}
			maxLag = Math.max(maxLag, lagSeconds());
			int seen = watcher.seen().size();
			if (seen >= count && settled == Long.MAX_VALUE) {
				settled = System.currentTimeMillis() + SETTLE.toMillis();
			}
			if (System.currentTimeMillis() > nextLog) {
				this.log
					.accept("%s: %,d of %,d published, lag gauge max %.2f s".formatted(prefix, seen, count, maxLag));
				nextLog += 10_000;
			}
			LockSupport.parkNanos(LAG_SAMPLING.toNanos());
		}
		return maxLag;
	}

	/** The scheduler's {@code workflow.scheduler.lag} gauge (s), 0 if unreadable. */
	private double lagSeconds() {
		return this.platform.metrics(BenchPlatform.WORKFLOW, "workflow_scheduler_lag")
			.stream()
			.filter((line) -> line.startsWith("workflow_scheduler_lag"))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.max()
			.orElse(0);
	}

	private Result figures(int rate, int count, String prefix, Instant first, long spacingNanos,
			Map<String, Seen> seen) {
		long firstDue = first.toEpochMilli();
		long windowEnd = firstDue + this.plan.window().toMillis();
		List<Long> publishDelays = new ArrayList<>();
		List<Long> seenDelays = new ArrayList<>();
		List<Long> published = new ArrayList<>();
		List<String> lostIds = new ArrayList<>();
		long duplicates = 0;
		for (int i = 0; i < count; i++) {
			String id = ScheduledRows.messageId(prefix, i);
			long dueMicros = ScheduledRows.dueMicros(first, spacingNanos, i);
			Seen one = seen.get(id);
			if (one == null) {
				lostIds.add(id + " due=" + Instant.EPOCH.plus(dueMicros, ChronoUnit.MICROS));
				continue;
			}
			publishDelays.add((one.publishedAt() * 1000 - dueMicros) / 1000);
			seenDelays.add((one.seenAt() * 1000 - dueMicros) / 1000);
			published.add(one.publishedAt());
			duplicates += one.times() - 1;
		}
		long inWindow = published.stream().filter((at) -> at >= firstDue && at < windowEnd).count();
		long lastPublished = published.stream().mapToLong(Long::longValue).max().orElse(firstDue);
		Map<String, Object> delays = Figures.percentiles(publishDelays.stream().mapToLong(Long::longValue).toArray());
		boolean keptUp = lostIds.isEmpty() && !publishDelays.isEmpty()
				&& ((Number) delays.get("p99")).longValue() <= this.plan.keepUpP99().toMillis();

		Map<String, Object> json = new LinkedHashMap<>();
		json.put("rate_per_s", rate);
		json.put("window_s", this.plan.window().toSeconds());
		json.put("messages", count);
		json.put("released", published.size());
		json.put("released_per_s_in_window", Figures.round(inWindow / (this.plan.window().toMillis() / 1000.0), 1));
		json.put("released_per_s_overall",
				Figures.round(published.size() / Math.max((lastPublished - firstDue) / 1000.0, 0.001), 1));
		json.put("publish_delay_ms", delays);
		json.put("seen_delay_ms", Figures.percentiles(seenDelays.stream().mapToLong(Long::longValue).toArray()));
		json.put("lost", lostIds.size());
		json.put("duplicates", duplicates);
		json.put("kept_up", keptUp);
		json.put("published_per_second", perSecond(published, firstDue));
		return new Result(rate, json, keptUp, lostIds, duplicates);
	}

	private static String id(String lostLine) {
		return lostLine.substring(0, lostLine.indexOf(' '));
	}

	/** Records published in each second from the first due time on. */
	private static List<Integer> perSecond(List<Long> published, long firstDue) {
		List<Integer> counts = new ArrayList<>();
		for (long at : published) {
			int second = (int) Math.max(0, Math.floorDiv(at - firstDue, 1000));
			while (counts.size() <= second) {
				counts.add(0);
			}
			counts.set(second, counts.get(second) + 1);
		}
		return counts;
	}

	/**
	 * @param json the phase's figures
	 * @param keptUp nothing lost and the p99 publish delay within the plan's bound
	 * @param lost "id due=…" of each message never seen
	 */
	record Result(int rate, Map<String, Object> json, boolean keptUp, List<String> lost, long duplicates) {

	}

}
