package com.waplatform.systemtests.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The {@code scheduler} scenario: the workflow service's scheduler alone, on PostgreSQL
 * and Kafka. First its memory with nothing pending and with {@code pending} messages due
 * in 30 days (the scheduler keeps them in its table, none in the heap); then, with those
 * still pending, each rate of the plan: due messages spread over the window and how late
 * their send requests reach {@code wa.send-requests}.
 */
final class SchedulerRun {

	private static final String PENDING_PREFIX = "pending-";

	/** A rate phase's lead is at least this many times its insert's estimated time. */
	private static final int LEAD_PER_INSERT_TIME = 2;

	private final SchedulerPlan plan;

	private final Path outputDirectory;

	private final PrintStream out;

	SchedulerRun(SchedulerPlan plan, Path outputDirectory, PrintStream out) {
		this.plan = plan;
		this.outputDirectory = outputDirectory;
		this.out = out;
	}

	SchedulerReport run() {
		Path logs = this.outputDirectory.resolve("logs").resolve(SchedulerPlan.NAME);
		log("starting PostgreSQL, Kafka and the workflow service (logs in " + logs + ")");
		try (BenchPlatform platform = BenchPlatform.startWorkflowOnly(logs)) {
			ScheduledRows rows = new ScheduledRows(platform.database());
			HeapProbe probe = new HeapProbe(platform.process(BenchPlatform.WORKFLOW));
			SchedulerReport report = new SchedulerReport(this.plan);

			log("memory with nothing pending: sampling for " + this.plan.heapWindow().toSeconds() + " s");
			HeapProbe.Memory before = probe.measure(this.plan.heapWindow());
			double insertSeconds = insertPending(rows);
			log("memory with %,d pending: sampling for %d s".formatted(rows.held(),
					this.plan.heapWindow().toSeconds()));
			HeapProbe.Memory with = probe.measure(this.plan.heapWindow());
			report.pending(before, with, insertSeconds, rows.held());
			log("live heap after a full GC: %s MB before, %s MB with the pending messages".formatted(before.liveHeap(),
					with.liveHeap()));

			DuePhase phase = new DuePhase(platform, rows, this.plan, this::log);
			List<Integer> rates = this.plan.rates();
			for (int i = 0; i < rates.size(); i++) {
				DuePhase.Result result = phase.run(rates.get(i), lead(insertSeconds, rates.get(i)));
				log(report.phase(result));
				if (!result.keptUp()) {
					rates.subList(i + 1, rates.size()).forEach(report::skipped);
					break;
				}
			}
			report.finish(platform.memoryPeaks(),
					platform.metrics(BenchPlatform.WORKFLOW, "workflow_scheduler", "outbox_published"),
					platform.exited());
			return report;
		}
	}

	/** Inserts the pending messages (due in 30 days, over one day); answers seconds. */
	private double insertPending(ScheduledRows rows) {
		if (this.plan.pending() == 0) {
			return 0;
		}
		log("inserting %,d messages due in %d days".formatted(this.plan.pending(),
				SchedulerPlan.PENDING_DUE_IN.toDays()));
		long started = System.currentTimeMillis();
		long spacingNanos = Duration.ofDays(1).toNanos() / this.plan.pending();
		rows.insert(PENDING_PREFIX, this.plan.pending(), Instant.now().plus(SchedulerPlan.PENDING_DUE_IN), spacingNanos,
				(done) -> log("  %,d inserted".formatted(done)));
		rows.analyze();
		double seconds = (System.currentTimeMillis() - started) / 1000.0;
		log(String.format(Locale.ROOT, "inserted in %.1f s", seconds));
		return seconds;
	}

	/**
	 * Time from the start of a phase's insert to its first due time: the plan's lead, or
	 * twice the insert's time estimated from the pending insert's speed when longer, so
	 * that the insert is done before the first message falls due and does not compete
	 * with the scheduler for the cores during the window.
	 */
	private Duration lead(double pendingInsertSeconds, int rate) {
		if (this.plan.pending() == 0) {
			return this.plan.lead();
		}
		double estimate = pendingInsertSeconds * this.plan.messages(rate) / this.plan.pending();
		Duration needed = Duration.ofMillis((long) (estimate * 1000 * LEAD_PER_INSERT_TIME));
		return (needed.compareTo(this.plan.lead()) > 0) ? needed : this.plan.lead();
	}

	private void log(String line) {
		this.out.println("[" + SchedulerPlan.NAME + "] " + line);
		this.out.flush();
	}

}
