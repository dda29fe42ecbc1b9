package com.waplatform.systemtests.chaos;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.waplatform.common.json.Json;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.systemtests.bench.BenchPlatform;
import com.waplatform.systemtests.bench.Broker;
import com.waplatform.systemtests.bench.Figures;
import com.waplatform.systemtests.bench.Ingestor;
import com.waplatform.systemtests.bench.Ingestor.Outgoing;
import com.waplatform.systemtests.bench.JsonHttp;
import com.waplatform.systemtests.bench.Machine;
import com.waplatform.systemtests.bench.Outcome;
import com.waplatform.systemtests.bench.Seeder;
import com.waplatform.systemtests.bench.Seeder.BenchNumber;
import com.waplatform.systemtests.bench.SimulatorView;
import com.waplatform.systemtests.bench.SimulatorView.Sent;
import com.waplatform.systemtests.bench.StatusTracker;
import com.waplatform.systemtests.bench.StatusTracker.Track;
import com.waplatform.systemtests.chaos.Accounting.Facts;
import com.waplatform.systemtests.chaos.Accounting.Tally;
import com.waplatform.systemtests.chaos.ChaosScenario.Fault;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One chaos scenario from start to report: the benchmarks' platform (a broker process of
 * its own for {@code kafka-restart}), a short warm-up, the messages at a steady rate
 * through {@code POST /v1/messages} (each with a unique text), the fault at half of them,
 * then a drain until every message is final or the deadline passes, and the accounting.
 */
final class ChaosRun {

	static final String WARMUP = "warmup";

	static final String MAIN = "main";

	private static final int WARMUP_MESSAGES = 40;

	/** One number, as the benchmarks' single-number scenarios. */
	private static final int LIMIT_PER_SECOND = 80;

	/** A customer keeps retrying for about 5 minutes (gateway down, PostgreSQL down). */
	private static final int CLIENT_ATTEMPTS = 300;

	private static final long CLIENT_MAX_BACKOFF_MILLIS = 1_000;

	private final ChaosScenario scenario;

	private final Path outputDirectory;

	private final PrintStream out;

	private final int messages;

	private final double rate;

	private final Duration drain;

	private final String runId = UUID.randomUUID().toString().substring(0, 8);

	private final Map<String, Object> json = new LinkedHashMap<>();

	private final List<Map<String, Object>> targets = new ArrayList<>();

	ChaosRun(ChaosScenario scenario, Path outputDirectory, PrintStream out) {
		this.scenario = scenario;
		this.outputDirectory = outputDirectory;
		this.out = out;
		this.messages = Math.max(20, (int) Math.round(Chaos.MESSAGES * scale()));
		this.rate = Double.parseDouble(System.getProperty("chaos.rate", Double.toString(Chaos.RATE_PER_SECOND)));
		this.drain = Duration.ofSeconds(Long.getLong("chaos.drain-s", 240));
	}

	private static double scale() {
		return Double.parseDouble(System.getProperty("chaos.scale", "1"));
	}

	Outcome run() {
		long started = System.currentTimeMillis();
		Path logs = this.outputDirectory.resolve("logs").resolve(this.scenario.name());
		log("starting the platform (logs in " + logs + ")");
		String previousPerPost = System.getProperty("bench.statuses-per-post");
		if (this.scenario.unbatchedWebhooks()) {
			System.setProperty("bench.statuses-per-post", "1");
		}
		KafkaProcess kafkaProcess = this.scenario.ownBroker() ? KafkaProcess.start(logs) : null;
		Broker broker = (kafkaProcess != null) ? kafkaProcess : Broker.embedded();
		PostgresControl[] postgres = new PostgresControl[1];
		try (BenchPlatform platform = BenchPlatform.start(logs, broker)) {
			restore("bench.statuses-per-post", previousPerPost);
			platform.startSender();
			for (int i = 2; i <= this.scenario.senders(); i++) {
				platform.startSender(ChaosScenario.SECOND_SENDER);
			}
			BenchNumber number = new BenchNumber("109000000000000", "109100000000000", "+15550100000",
					"chaos-access-token", LIMIT_PER_SECOND, this.messages);
			Seeder seeder = new Seeder(platform);
			String apiKey = seeder.seed(List.of(number), this.scenario.metaLatency(), null);
			log("platform ready after " + seconds(System.currentTimeMillis() - started) + " s");
			try (StatusTracker tracker = new StatusTracker(platform.kafkaBootstrapServers())) {
				if (this.scenario.fault() == Fault.STOP_POSTGRES) {
					postgres[0] = new PostgresControl(platform.postgres(), logs);
				}
				List<String> lost = measure(platform, kafkaProcess, postgres[0], number, apiKey, tracker);
				return outcome(lost);
			}
		}
		finally {
			restore("bench.statuses-per-post", previousPerPost);
			if (postgres[0] != null) {
				postgres[0].close();
			}
		}
	}

	private List<String> measure(BenchPlatform platform, @Nullable KafkaProcess kafka,
			@Nullable PostgresControl postgres, BenchNumber number, String apiKey, StatusTracker tracker) {
		Ingestor ingestor = new Ingestor(platform.gatewayUrl(), apiKey, tracker, CLIENT_ATTEMPTS,
				CLIENT_MAX_BACKOFF_MILLIS);
		SimulatorView simulator = new SimulatorView(platform.simulatorUrl());
		JsonHttp http = new JsonHttp();
		List<Outgoing> warm = messages(WARMUP, number, WARMUP_MESSAGES);
		log("warm-up: " + warm.size() + " messages");
		ingestor.sendAll(warm, 16);
		awaitFinal(tracker, WARMUP, System.currentTimeMillis() + Duration.ofMinutes(3).toMillis(),
				Duration.ofMinutes(1));

		List<Outgoing> main = messages(MAIN, number, this.messages);
		log(main.size() + " messages at " + this.rate + " msg/s; " + this.scenario.description());
		long loadStart = System.currentTimeMillis();
		boolean duringLoad = this.scenario.fault() == Fault.META_PROFILE_DURING_LOAD;
		if (duringLoad) {
			setFaults(http, platform, this.scenario.duringFault());
		}
		CompletableFuture<Void> load = CompletableFuture.runAsync(() -> ingestor.sendPaced(main, this.rate));
		long faultStart;
		long faultEnd;
		Map<String, Object> fault = new LinkedHashMap<>();
		if (duringLoad) {
			faultStart = loadStart;
			load.join();
			faultEnd = System.currentTimeMillis();
			setFaults(http, platform, this.scenario.metaLatency());
		}
		else {
			while (tracker.part(MAIN).size() < main.size() / 2 && !load.isDone()) {
				pause(Duration.ofMillis(100));
			}
			faultStart = System.currentTimeMillis();
			log("fault at " + tracker.part(MAIN).size() + " accepted messages");
			faultEnd = inject(platform, kafka, postgres, http, fault);
			log("fault over after " + seconds(faultEnd - faultStart) + " s");
			load.join();
		}
		long loadEnd = System.currentTimeMillis();
		log("load done in " + seconds(loadEnd - loadStart) + " s, " + tracker.part(MAIN).size()
				+ " accepted, client failures " + ingestor.failures());
		long lastAccept = tracker.part(MAIN).stream().mapToLong(Track::acceptedAtMillis).max().orElse(loadEnd);
		Duration idle = Duration.ofSeconds(120).plus(this.scenario.webhookDelay());
		long deadline = Math.max(lastAccept, faultEnd) + this.drain.plus(this.scenario.webhookDelay()).toMillis();
		awaitFinal(tracker, MAIN, deadline, idle);
		long drained = System.currentTimeMillis();

		// the read model may trail the status feed by a moment
		pause(Duration.ofSeconds(3));
		List<Track> tracks = tracker.part(MAIN);
		Map<String, String> api = apiStatuses(platform.gatewayUrl(), apiKey, tracks);
		List<Sent> ledger = simulator.ledger(number.phoneNumberId());
		Tally tally = Accounting.tally(facts(tracks, api),
				Accounting.countTexts(ledger.stream().map(Sent::text).toList()), textPrefix(MAIN));
		Map<String, Map<String, Long>> deadLetters = DeadLetterReader.read(platform.kafkaBootstrapServers());
		long deadLettered = deadLetters.values()
			.stream()
			.flatMap((reasons) -> reasons.values().stream())
			.mapToLong(Long::longValue)
			.sum();

		this.json.put("scenario", this.scenario.name());
		this.json.put("description", this.scenario.description());
		this.json.put("machine", Machine.describe());
		Map<String, Object> scale = new LinkedHashMap<>();
		scale.put("messages", this.messages);
		scale.put("rate_per_s", this.rate);
		scale.put("fault_lasts_s", this.scenario.downFor().toSeconds());
		scale.put("webhook_delay_s", this.scenario.webhookDelay().toSeconds());
		scale.put("meta_latency", this.scenario.metaLatency());
		scale.put("senders", this.scenario.senders());
		this.json.put("scale", scale);
		this.json.put("messages", tally.messages());
		this.json.put("lost", tally.lost());
		this.json.put("duplicates_at_meta", tally.duplicatesAtMeta());
		this.json.put("duplicated_messages", tally.duplicatedMessages());
		this.json.put("dead_lettered", deadLettered);
		this.json.put("dead_letters", deadLetters);
		this.json.put("terminal_without_reason", tally.terminalWithoutReason());
		this.json.put("api_mismatch", tally.apiMismatch());
		this.json.put("api_mismatch_examples", tally.mismatchLines().stream().limit(10).toList());
		this.json.put("final_statuses", tally.finalStatuses());
		this.json.put("failure_reasons", failureReasons(tracks));
		this.json.put("sent_to_meta_without_client_acceptance", tally.sentWithoutAcceptance());
		this.json.put("ingest_failures", ingestor.failures());
		Map<String, Object> timing = new LinkedHashMap<>();
		timing.put("load_s", round(loadEnd - loadStart));
		timing.put("fault_starts_after_s", round(faultStart - loadStart));
		timing.put("fault_lasts_s", round(faultEnd - faultStart));
		timing.putAll(fault);
		timing.put("recovery_to_first_send_s", firstSendAfter(ledger, faultEnd));
		timing.put("recovery_to_backlog_drained_s", drainedAfter(tracks, faultEnd));
		timing.put("drain_wait_s", round(drained - loadEnd));
		this.json.put("timing", timing);
		this.json.put("ledger_entries", simulator.ledgerSize());
		this.json.put("simulator_webhooks", simulator.webhooks());
		this.json.put("simulator_faults", simulator.faults(number.phoneNumberId()));
		Map<String, Object> memory = new LinkedHashMap<>(platform.memoryPeaks());
		if (kafka != null) {
			memory.put("kafka", kafka.figures());
		}
		this.json.put("memory", memory);
		this.json.put("sender_metrics", platform.metrics(BenchPlatform.SENDER, "sender_meta_errors", "sender_retries",
				"sender_messages", "sender_dead_letters"));

		target("every message of the load accepted by the gateway (202)", tally.messages() == main.size(),
				tally.messages() + " of " + main.size());
		target("zero lost (every accepted message final and in the read model)", tally.lost() == 0, tally.lost());
		target("zero duplicates at Meta", tally.duplicatesAtMeta() == 0, tally.duplicatesAtMeta());
		target("zero dead letters (no poison input is sent: each comes from the fault)", deadLettered == 0,
				deadLettered);
		target("every failed/expired message has Meta's code or our reason", tally.terminalWithoutReason() == 0,
				tally.terminalWithoutReason());
		target("API status equals the final status on wa.status-events", tally.apiMismatch() == 0, tally.apiMismatch());
		target("every application running at the end", platform.exited().isEmpty(), platform.exited());
		List<String> lost = new ArrayList<>();
		for (String line : tally.lostLines()) {
			lost.add(line + " | " + platform.describe(line.substring(0, line.indexOf(' '))));
		}
		return lost;
	}

	/** Injects the scenario's fault, waits out its duration, ends it; answers the end. */
	private long inject(BenchPlatform platform, @Nullable KafkaProcess kafka, @Nullable PostgresControl postgres,
			JsonHttp http, Map<String, Object> figures) {
		Duration down = this.scenario.downFor();
		long end;
		switch (this.scenario.fault()) {
			case KILL -> {
				String application = this.scenario.application();
				platform.kill(application);
				log("killed " + application + " (kill -9)");
				pause(down);
				platform.restart(application);
				end = System.currentTimeMillis();
				platform.awaitReady(application);
				figures.put("restarted_ready_after_s", round(System.currentTimeMillis() - end));
			}
			case STOP_POSTGRES -> {
				if (postgres == null) {
					throw new IllegalStateException("postgres-restart needs its control");
				}
				postgres.stop();
				log("PostgreSQL stopped");
				pause(down);
				postgres.start();
				end = System.currentTimeMillis();
			}
			case STOP_KAFKA -> {
				if (kafka == null) {
					throw new IllegalStateException("kafka-restart needs the broker process");
				}
				kafka.stop();
				log("Kafka broker stopped");
				pause(down);
				long starting = System.currentTimeMillis();
				kafka.startAgain();
				end = System.currentTimeMillis();
				figures.put("broker_started_in_s", round(end - starting));
			}
			case META_PROFILE -> {
				setFaults(http, platform, this.scenario.duringFault());
				log("Meta faults on: " + this.scenario.duringFault());
				pause(down);
				setFaults(http, platform, this.scenario.metaLatency());
				end = System.currentTimeMillis();
			}
			default -> throw new IllegalStateException("not a mid-load fault: " + this.scenario.fault());
		}
		return end;
	}

	private static void setFaults(JsonHttp http, BenchPlatform platform, Map<String, Object> profile) {
		http.delete(platform.simulatorUrl() + "/admin/faults");
		http.post(platform.simulatorUrl() + "/admin/faults", profile, Map.of());
	}

	/**
	 * The status {@code GET /v1/messages/{id}} answers for each message (404: absent).
	 */
	private static Map<String, String> apiStatuses(String gatewayUrl, String apiKey, List<Track> tracks) {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		Map<String, String> statuses = new LinkedHashMap<>();
		for (Track track : tracks) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/v1/messages/" + track.id()))
				.timeout(Duration.ofSeconds(30))
				.header("Authorization", "Bearer " + apiKey)
				.GET()
				.build();
			try {
				HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					JsonNode message = Json.mapper().readTree(response.body());
					statuses.put(track.id(), message.path("status").asString());
				}
			}
			catch (java.io.IOException ex) {
				// counted as absent from the read model
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted", ex);
			}
		}
		return statuses;
	}

	private static List<Facts> facts(List<Track> tracks, Map<String, String> api) {
		List<Facts> facts = new ArrayList<>();
		for (Track track : tracks) {
			MessageStatus status = track.finalStatus();
			boolean failure = status != null && status.isTerminalFailure();
			facts.add(new Facts(track.id(), track.message().text(), (status != null) ? status.wireName() : null,
					track.lastStatus(), failure, failure && track.error() != null, api.get(track.id())));
		}
		return facts;
	}

	private static Map<String, Long> failureReasons(List<Track> tracks) {
		Map<String, Long> reasons = new java.util.TreeMap<>();
		for (Track track : tracks) {
			MessageStatus status = track.finalStatus();
			if (status != null && status.isTerminalFailure()) {
				String reason = (track.error() != null) ? track.error().code() + " " + track.error().title()
						: "no reason";
				reasons.merge(status.wireName() + ": " + reason, 1L, Long::sum);
			}
		}
		return reasons;
	}

	/** Seconds from the fault's end to the first send Meta accepted after it. */
	private static @Nullable Double firstSendAfter(List<Sent> ledger, long faultEnd) {
		return ledger.stream()
			.mapToLong(Sent::receivedAtMillis)
			.filter((at) -> at >= faultEnd)
			.min()
			.stream()
			.mapToObj((at) -> round(at - faultEnd))
			.findFirst()
			.orElse(null);
	}

	/**
	 * Seconds from the fault's end until every message accepted before it was final; null
	 * when some never were.
	 */
	private static @Nullable Double drainedAfter(List<Track> tracks, long faultEnd) {
		long last = faultEnd;
		for (Track track : tracks) {
			if (track.acceptedAtMillis() <= faultEnd) {
				Long at = track.finalAt();
				if (at == null) {
					return null;
				}
				last = Math.max(last, at);
			}
		}
		return round(last - faultEnd);
	}

	private List<Outgoing> messages(String part, BenchNumber number, int count) {
		List<Outgoing> outgoing = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			// a unique text per message: Meta's ledger counts the sends of each
			outgoing.add(new Outgoing(part, number.phoneNumberId(),
					"+3462%07d".formatted(i + (part.equals(MAIN) ? 0 : 5_000_000)),
					textPrefix(part) + i + ": your tour starts tomorrow at 9:00."));
		}
		return outgoing;
	}

	private String textPrefix(String part) {
		return "Chaos " + this.scenario.name() + " " + this.runId + " " + part + " #";
	}

	/**
	 * Until every message of the part is final, no status came for {@code idle}, or the
	 * deadline.
	 */
	private void awaitFinal(StatusTracker tracker, String part, long deadline, Duration idle) {
		long start = System.currentTimeMillis();
		long nextLog = start + 15_000;
		while (tracker.unfinished(part) > 0) {
			long now = System.currentTimeMillis();
			long lastProgress = Math.max(start, tracker.lastProgressMillis());
			if (now > deadline || now - lastProgress > idle.toMillis()) {
				log(tracker.unfinished(part) + " " + part + " messages not final, giving up");
				return;
			}
			if (now > nextLog) {
				log(part + ": " + tracker.unfinished(part) + " messages not final yet");
				nextLog = now + 15_000;
			}
			pause(Duration.ofMillis(250));
		}
	}

	private void target(String name, boolean met, Object value) {
		Map<String, Object> target = new LinkedHashMap<>();
		target.put("target", name);
		target.put("met", met);
		target.put("value", value);
		this.targets.add(target);
	}

	private Outcome outcome(List<String> lost) {
		boolean passed = this.targets.stream().allMatch((target) -> Boolean.TRUE.equals(target.get("met")));
		Map<String, Object> all = new LinkedHashMap<>(this.json);
		all.put("targets", this.targets);
		all.put("passed", passed);
		Map<?, ?> timing = (Map<?, ?>) this.json.get("timing");
		String summary = String.format(Locale.ROOT,
				"%s: %s messages, lost %s, duplicates at Meta %s, dead-lettered %s, without reason %s, "
						+ "API mismatch %s, recovery to first send %s s, to drained %s s: %s",
				this.scenario.name(), this.json.get("messages"), this.json.get("lost"),
				this.json.get("duplicates_at_meta"), this.json.get("dead_lettered"),
				this.json.get("terminal_without_reason"), this.json.get("api_mismatch"),
				timing.get("recovery_to_first_send_s"), timing.get("recovery_to_backlog_drained_s"),
				passed ? "PASSED"
						: "MISSED " + this.targets.stream()
							.filter((target) -> !Boolean.TRUE.equals(target.get("met")))
							.map((target) -> String.valueOf(target.get("target")))
							.toList());
		return new Outcome(all, lost, summary, passed);
	}

	private static void restore(String property, @Nullable String value) {
		if (value == null) {
			System.clearProperty(property);
		}
		else {
			System.setProperty(property, value);
		}
	}

	static void pause(Duration duration) {
		long until = System.nanoTime() + duration.toNanos();
		for (long wait = until - System.nanoTime(); wait > 0; wait = until - System.nanoTime()) {
			LockSupport.parkNanos(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(500)));
		}
	}

	private static double round(long millis) {
		return Figures.round(millis / 1000.0, 1);
	}

	private static String seconds(long millis) {
		return String.format(Locale.ROOT, "%.1f", millis / 1000.0);
	}

	private void log(String line) {
		this.out.println("[" + this.scenario.name() + "] " + line);
		this.out.flush();
	}

}
