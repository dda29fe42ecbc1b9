package com.waplatform.systemtests.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.waplatform.systemtests.bench.Ingestor.Outgoing;
import com.waplatform.systemtests.bench.Seeder.BenchNumber;

/**
 * One scenario from start to report. Preloaded (rate) scenarios: every message accepted
 * by the gateway before the sender starts, which then drains the backlog (the pacing,
 * measured at the simulator), then an end-to-end phase of 2,000 messages with the sender
 * running (throughput). Streamed scenarios: a warm-up message per number, then the
 * messages as fast as the gateway takes them. Both end with a latency probe below the
 * limit.
 */
final class ScenarioRun {

	static final String WARMUP = "warmup";

	static final String MAIN = "main";

	static final String END_TO_END = "end-to-end";

	static final String PROBE = "probe";

	/**
	 * Warm-up messages whose status webhooks go to the sink: the simulator's and the
	 * sender's paths of the pacing phase compiled before it is measured.
	 */
	static final String WARMUP_SINK = "warmup-sink";

	/** The messages that met the expired token (sent with the backlog once resumed). */
	static final String PAUSE = "pause";

	/** The parts sent while the status webhooks may go to the sink. */
	static final Set<String> SINK_PARTS = Set.of(WARMUP_SINK, PAUSE, MAIN);

	/** Messages through the whole platform before a preloaded run (JIT compilation). */
	private static final int WARMUP_MESSAGES = 1_500;

	private static final int WARMUP_SINK_MESSAGES = 1_000;

	/** Messages of the end-to-end phase that follows a preloaded run (all numbers). */
	private static final int END_TO_END_MESSAGES = 2_000;

	/** Requests in flight towards the gateway. */
	private static final int CONCURRENCY = 64;

	/** How long the finishing statuses may stall before the rest count as lost. */
	private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration PROBE_DURATION = Duration.ofSeconds(10);

	private final Scenario scenario;

	private final Path outputDirectory;

	private final PrintStream out;

	ScenarioRun(Scenario scenario, Path outputDirectory, PrintStream out) {
		this.scenario = scenario;
		this.outputDirectory = outputDirectory;
		this.out = out;
	}

	Report run() {
		long started = System.currentTimeMillis();
		log("starting the platform (logs in " + logDirectory() + ")");
		try (BenchPlatform platform = BenchPlatform.start(logDirectory()); WebhookSink sink = new WebhookSink()) {
			List<BenchNumber> numbers = Seeder.numbers(this.scenario);
			platform.startSender();
			Seeder seeder = new Seeder(platform);
			String apiKey = seeder.seed(numbers, this.scenario.faultProfileWithLatency(), null);
			log("platform ready after " + seconds(System.currentTimeMillis() - started) + " s");
			try (StatusTracker tracker = new StatusTracker(platform.kafkaBootstrapServers())) {
				return measure(platform, seeder, numbers, apiKey, tracker, sink);
			}
		}
	}

	private Report measure(BenchPlatform platform, Seeder seeder, List<BenchNumber> numbers, String apiKey,
			StatusTracker tracker, WebhookSink sink) {
		Ingestor ingestor = new Ingestor(platform.gatewayUrl(), apiKey, tracker);
		SimulatorView simulator = new SimulatorView(platform.simulatorUrl());
		int warmUp = this.scenario.preload() ? WARMUP_MESSAGES : numbers.size();
		List<Outgoing> warm = messages(WARMUP, share(numbers, warmUp), 0);
		log("warm-up: " + warm.size() + " messages through the whole platform");
		ingestor.sendAll(warm, CONCURRENCY);
		awaitFinal(platform, tracker, WARMUP, Duration.ofMinutes(3), false);
		log("warm-up messages finished: " + (tracker.unfinished(WARMUP) == 0));
		if (pacingSink()) {
			// JFR showed the simulator recompiling for 10-20 s after the resume
			// when its webhooks first went to the sink: warm that path too
			seeder.pointWebhooks(numbers, sink.url());
			List<Outgoing> warmSink = messages(WARMUP_SINK, share(numbers, WARMUP_SINK_MESSAGES), 0);
			log("warm-up with the status webhooks to the sink: " + warmSink.size() + " messages");
			ingestor.sendAll(warmSink, CONCURRENCY);
			awaitFinal(platform, tracker, WARMUP_SINK, Duration.ofMinutes(2), true);
		}
		if (this.scenario.preload()) {
			pauseSending(platform, seeder, numbers, ingestor);
			if (pacingSink()) {
				seeder.pointWebhooks(numbers, sink.url());
			}
		}
		simulator.clearStats();

		List<Outgoing> main = messages(MAIN, numbers, this.scenario.hotShare());
		log("ingesting " + main.size() + " messages through POST /v1/messages (" + CONCURRENCY + " in flight)");
		long ingestStart = System.currentTimeMillis();
		ingestor.sendAll(main, CONCURRENCY);
		long ingestEnd = System.currentTimeMillis();
		log("ingested in " + seconds(ingestEnd - ingestStart) + " s, failures " + ingestor.failures());
		Long resumedAt = null;
		if (this.scenario.preload()) {
			awaitAdmitted(platform, main.size());
			log("rotating the access tokens: the sender resumes with the backlog waiting"
					+ (pacingSink() ? " (status webhooks go to a sink meanwhile)" : ""));
			seeder.rotateTokens(numbers, pacingSink() ? sink.url() : null);
			resumedAt = System.currentTimeMillis();
			awaitFinal(platform, tracker, PAUSE, Duration.ofMinutes(2), pacingSink());
		}
		Duration drain = drainEstimate(numbers).plus(Duration.ofMinutes(3));
		awaitFinal(platform, tracker, MAIN, drain, pacingSink());

		if (this.scenario.preload()) {
			if (pacingSink()) {
				seeder.pointWebhooks(numbers, null);
			}
			List<Outgoing> endToEnd = messages(END_TO_END, share(numbers, END_TO_END_MESSAGES), 0);
			log("end to end: " + endToEnd.size() + " messages, sender running, statuses flowing back");
			ingestor.sendAll(endToEnd, CONCURRENCY);
			awaitFinal(platform, tracker, END_TO_END, Duration.ofMinutes(5), false);
		}

		BenchNumber first = numbers.get(0);
		double probeRate = Math.min(first.limitPerSecond() / 2.0, 50);
		int probeCount = (int) (probeRate * PROBE_DURATION.toSeconds());
		List<Outgoing> probe = new ArrayList<>();
		for (int i = 0; i < probeCount; i++) {
			probe.add(message(PROBE, first, "+3461" + "%07d".formatted(i), i));
		}
		log("latency probe: " + probeCount + " messages at " + probeRate + " msg/s");
		ingestor.sendPaced(probe, probeRate);
		awaitFinal(platform, tracker, PROBE, Duration.ofMinutes(2), false);

		Report report = new Report(this.scenario, numbers, tracker, simulator, hotRecipients(), pacingSink());
		report.ingestion(ingestStart, ingestEnd, ingestor.failures(), resumedAt);
		report.memory(platform.memoryPeaks());
		report.senderPacing(platform.metrics(BenchPlatform.SENDER, "sender_prepare_time", "sender_call_lateness",
				"sender_meta_errors", "sender_retries", "sender_messages", "sender_lane"));
		report.exited(platform.exited());
		report.explainLost(platform::describe);
		return report;
	}

	/**
	 * Makes the warm sender hold every message of the organization, the way it does when
	 * Meta rejects the access token (190): the simulator answers 190 to one message per
	 * number, the sender pauses the organization and keeps its messages queued until the
	 * token is rotated ({@link Seeder#rotateTokens}). So the backlog waits for a sender
	 * whose code is compiled (a cold JVM on two cores runs at a fraction of its speed for
	 * its first seconds), and the rate shows its pacing.
	 */
	private void pauseSending(BenchPlatform platform, Seeder seeder, List<BenchNumber> numbers, Ingestor ingestor) {
		seeder.expireTokens(numbers);
		ingestor.sendAll(numbers.stream().map((number) -> message(PAUSE, number, "+34690000000", 0)).toList(),
				CONCURRENCY);
		long deadline = System.currentTimeMillis() + Duration.ofMinutes(1).toMillis();
		while (platform.metrics(BenchPlatform.SENDER, "sender_organizations_paused")
			.stream()
			.noneMatch((line) -> line.endsWith(" 1.0"))) {
			if (System.currentTimeMillis() > deadline) {
				throw new IllegalStateException("The sender did not pause on 190");
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
		}
		seeder.restoreFaults(numbers);
		log("sending paused (190 on the access token); the backlog waits");
	}

	/**
	 * Waits until the paused sender holds the whole backlog: the gateway answers 202 once
	 * a message is in its outbox, and its relay, Kafka and the sender's admission take a
	 * few more seconds. Resuming before would measure the pacing while the sender still
	 * admits the tail of the backlog on the same cores. Waits too until every consumer
	 * group has caught up: the other services' share of the ingest (the gateway's read
	 * model of every send request) is done, as it would be on their own machines.
	 */
	private void awaitAdmitted(BenchPlatform platform, int backlog) {
		long started = System.currentTimeMillis();
		long deadline = started + Duration.ofMinutes(2).toMillis();
		while (platform.pendingInSender() < backlog || platform.consumerLag() > 0) {
			if (System.currentTimeMillis() > deadline) {
				throw new IllegalStateException("The sender holds " + platform.pendingInSender() + " of " + backlog
						+ " messages, the consumers lag by " + platform.consumerLag() + " records");
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
		}
		log("the sender holds the backlog and every consumer caught up after "
				+ seconds(System.currentTimeMillis() - started) + " s more");
	}

	/**
	 * A rate scenario's status webhooks go to a sink while the sender drains the backlog
	 * (unless {@code -Dbench.pacing-sink=false}): the pacing is measured apart from the
	 * end-to-end phase, as the issue asks, and the platform's status path (three webhooks
	 * per message through gateway, webhook service and read model) does not take the two
	 * cores from the sender being measured. The sender learns its outcomes from Meta's
	 * answers; only calls without an answer wait for a status, and the rate scenarios
	 * inject no such faults.
	 */
	private boolean pacingSink() {
		return this.scenario.preload() && Boolean.parseBoolean(System.getProperty("bench.pacing-sink", "true"));
	}

	/**
	 * The numbers with their message counts scaled down to about {@code total} in all.
	 */
	private static List<BenchNumber> share(List<BenchNumber> numbers, int total) {
		int all = numbers.stream().mapToInt(BenchNumber::messages).sum();
		return numbers.stream()
			.map((number) -> new BenchNumber(number.phoneNumberId(), number.wabaId(), number.displayPhoneNumber(),
					number.accessToken(), number.limitPerSecond(),
					Math.max(1, (int) ((long) number.messages() * Math.min(total, all) / all))))
			.toList();
	}

	/** Interleaves the numbers' messages in proportion, as many customers would. */
	private List<Outgoing> messages(String part, List<BenchNumber> numbers, double hotShare) {
		List<Outgoing> messages = new ArrayList<>();
		List<Double> order = new ArrayList<>();
		int hotEvery = (hotShare > 0) ? (int) Math.round(1 / hotShare) : 0;
		List<String> hot = hotRecipients();
		int hotSent = 0;
		// each part its own recipients: +346<part><number><index>
		int partDigit = part.equals(MAIN) ? 0 : part.equals(WARMUP) ? 8 : part.equals(WARMUP_SINK) ? 7 : 5;
		for (int n = 0; n < numbers.size(); n++) {
			BenchNumber number = numbers.get(n);
			for (int j = 0; j < number.messages(); j++) {
				boolean isHot = n == 0 && hotEvery > 0 && j % hotEvery == hotEvery / 2;
				String to = isHot ? hot.get(hotSent++ % hot.size()) : "+346%d%02d%05d".formatted(partDigit, n, j);
				messages.add(message(part, number, to, j));
				order.add((double) j / number.messages());
			}
		}
		List<Integer> indexes = new ArrayList<>();
		for (int i = 0; i < messages.size(); i++) {
			indexes.add(i);
		}
		indexes.sort(Comparator.comparingDouble(order::get));
		return indexes.stream().map(messages::get).toList();
	}

	private List<String> hotRecipients() {
		List<String> hot = new ArrayList<>();
		for (int k = 0; k < this.scenario.hotRecipients(); k++) {
			hot.add("+3471000000" + k);
		}
		return hot;
	}

	private static Outgoing message(String part, BenchNumber number, String to, int index) {
		return new Outgoing(part, number.phoneNumberId(), to,
				"Bench " + part + " #" + index + ": your tour starts tomorrow at 9:00, meet at the harbour.");
	}

	private Duration drainEstimate(List<BenchNumber> numbers) {
		double seconds = numbers.stream()
			.mapToDouble((number) -> (double) number.messages() / number.limitPerSecond())
			.max()
			.orElse(0);
		return Duration.ofSeconds((long) seconds);
	}

	/**
	 * Until every message of the part has a final status (with {@code senderOnly}: the
	 * sender's outcome), the statuses stop coming for {@link #IDLE_TIMEOUT}, or the
	 * deadline passes; fails if an application died.
	 */
	private void awaitFinal(BenchPlatform platform, StatusTracker tracker, String part, Duration timeout,
			boolean senderOnly) {
		long start = System.currentTimeMillis();
		long deadline = start + timeout.toMillis();
		long nextLog = start + 10_000;
		while ((senderOnly ? tracker.unsent(part) : tracker.unfinished(part)) > 0) {
			long now = System.currentTimeMillis();
			if (!platform.exited().isEmpty()) {
				throw new IllegalStateException("Exited during the run: " + platform.exited());
			}
			long lastProgress = Math.max(start, tracker.lastProgressMillis());
			if (now > deadline || now - lastProgress > IDLE_TIMEOUT.toMillis()) {
				log((senderOnly ? tracker.unsent(part) : tracker.unfinished(part)) + " " + part
						+ " messages without a final status, giving up");
				return;
			}
			if (now > nextLog) {
				log(part + ": " + (senderOnly ? tracker.unsent(part) : tracker.unfinished(part))
						+ " messages not final yet");
				nextLog = now + 10_000;
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
		}
	}

	private Path logDirectory() {
		return this.outputDirectory.resolve("logs").resolve(this.scenario.name());
	}

	private void log(String line) {
		this.out.println("[" + this.scenario.name() + "] " + line);
		this.out.flush();
	}

	private static String seconds(long millis) {
		return String.format(Locale.ROOT, "%.1f", millis / 1000.0);
	}

}
