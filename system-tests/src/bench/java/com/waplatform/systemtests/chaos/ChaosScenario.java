package com.waplatform.systemtests.chaos;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.waplatform.systemtests.bench.BenchPlatform;
import org.jspecify.annotations.Nullable;

/**
 * A named chaos scenario: the fault, when it lasts, and what Meta does meanwhile.
 *
 * @param name the scenario's name ({@code system-tests/chaos <name>})
 * @param description one line for {@code --list} and the report
 * @param fault what is done to the platform
 * @param application the application killed ({@link Fault#KILL}), else null
 * @param downFor how long the fault lasts: the killed application restarts, the server or
 * Meta is back after it (for {@link Fault#META_PROFILE_DURING_LOAD}: the load)
 * @param metaLatency the simulator's answer time for the whole run
 * @param faultProfile the simulator's faults while the fault lasts (Meta faults only)
 * @param webhookDelay added to every status webhook while the fault lasts (zero if none)
 * @param ownBroker the broker runs in a process of its own (it is stopped)
 * @param senders sender instances
 */
record ChaosScenario(String name, String description, Fault fault, @Nullable String application, Duration downFor,
		Map<String, Object> metaLatency, Map<String, Object> faultProfile, Duration webhookDelay, boolean ownBroker,
		int senders) {

	/** Meta's answer time as seen from Europe: 100-500 ms (as in the benchmarks). */
	static final Map<String, Object> META_LATENCY = Map.of("latency", "100ms", "latencyJitter", "400ms");

	/** Calls in flight when the sender is killed: Meta answers after 2 s. */
	static final Map<String, Object> SLOW_META = Map.of("latency", "2s");

	/** The second sender instance of {@code two-senders}. */
	static final String SECOND_SENDER = "sender-2";

	static final List<String> NAMES = List.of("sender-kill", "sender-kill-long", "accepted-then-timeout",
			"gateway-kill", "webhook-kill", "workflow-kill", "postgres-restart", "kafka-restart", "meta-outage",
			"two-senders", "webhook-storm");

	static Optional<ChaosScenario> named(String name) {
		double scale = downScale();
		return Optional.ofNullable(switch (name) {
			case "sender-kill" -> kill(name, BenchPlatform.SENDER, seconds(10, scale), SLOW_META,
					"kill -9 of the sender at 50 % of the messages (Meta answers after 2 s), restarted after 10 s");
			case "sender-kill-long" -> kill(name, BenchPlatform.SENDER, seconds(180, scale), SLOW_META,
					"kill -9 of the sender at 50 % of the messages (Meta answers after 2 s), restarted after 3 min");
			case "accepted-then-timeout" -> new ChaosScenario(name,
					"during the load 20 % of Meta's calls time out after Meta accepted them and status webhooks "
							+ "come 3 min late",
					Fault.META_PROFILE_DURING_LOAD, null, Duration.ZERO, META_LATENCY,
					Map.of("acceptThenTimeoutRate", 0.2), seconds(180, scale), false, 1);
			case "gateway-kill" -> kill(name, BenchPlatform.GATEWAY, seconds(10, scale), META_LATENCY,
					"kill -9 of the gateway mid-load, restarted after 10 s (clients retry with their key)");
			case "webhook-kill" -> kill(name, BenchPlatform.WEBHOOK, seconds(10, scale), META_LATENCY,
					"kill -9 of the webhook service mid-load, restarted after 10 s");
			case "workflow-kill" -> kill(name, BenchPlatform.WORKFLOW, seconds(10, scale), META_LATENCY,
					"kill -9 of the workflow service mid-load, restarted after 10 s");
			case "postgres-restart" -> new ChaosScenario(name, "PostgreSQL stopped (fast shutdown) for 60 s mid-load",
					Fault.STOP_POSTGRES, null, seconds(60, scale), META_LATENCY, Map.of(), Duration.ZERO, false, 1);
			case "kafka-restart" ->
				new ChaosScenario(name, "the Kafka broker (its own process) stopped for 30 s mid-load",
						Fault.STOP_KAFKA, null, seconds(30, scale), META_LATENCY, Map.of(), Duration.ZERO, true, 1);
			case "meta-outage" -> new ChaosScenario(name,
					"Meta down for 3 min mid-load (the issue's 10 min, shortened): 70 % bare 503, 30 % no answer",
					Fault.META_PROFILE, null, seconds(180, scale), META_LATENCY, metaDown(), Duration.ZERO, false, 1);
			case "two-senders" -> new ChaosScenario(name,
					"two sender instances; kill -9 of one mid-load (the other takes its partitions), "
							+ "restarted after 30 s (back to two)",
					Fault.KILL, SECOND_SENDER, seconds(30, scale), META_LATENCY, Map.of(), Duration.ZERO, false, 2);
			case "webhook-storm" -> new ChaosScenario(name,
					"during the load every status webhook (3 per message) posted one by one, half of them twice, "
							+ "half of the messages with statuses out of order",
					Fault.META_PROFILE_DURING_LOAD, null, Duration.ZERO, META_LATENCY,
					Map.of("webhooks", Map.of("duplicateRate", 0.5, "reorderRate", 0.5)), Duration.ZERO, false, 1);
			default -> null;
		});
	}

	private static ChaosScenario kill(String name, String application, Duration downFor, Map<String, Object> latency,
			String description) {
		return new ChaosScenario(name, description, Fault.KILL, application, downFor, latency, Map.of(), Duration.ZERO,
				false, 1);
	}

	private static Map<String, Object> metaDown() {
		Map<String, Object> profile = new LinkedHashMap<>();
		profile.put("httpErrorRate", 0.7);
		profile.put("httpStatuses", List.of(503));
		profile.put("timeoutRate", 0.3);
		return profile;
	}

	/** {@code -Dchaos.down-scale}: shortens every fault (development runs). */
	private static double downScale() {
		return Double.parseDouble(System.getProperty("chaos.down-scale", "1"));
	}

	private static Duration seconds(long seconds, double scale) {
		return Duration.ofMillis((long) (seconds * 1000 * scale));
	}

	/**
	 * The status webhooks are posted one per POST (the simulator batches them otherwise).
	 */
	boolean unbatchedWebhooks() {
		return this.name.equals("webhook-storm");
	}

	/** The simulator's global fault profile while the fault lasts. */
	Map<String, Object> duringFault() {
		Map<String, Object> profile = new LinkedHashMap<>(this.metaLatency);
		profile.putAll(this.faultProfile);
		if (!this.webhookDelay.isZero()) {
			profile.put("webhooks", Map.of("delay", this.webhookDelay.toMillis() + "ms"));
		}
		return profile;
	}

	/** What the scenario does to the platform. */
	enum Fault {

		/** kill -9 of {@link #application()}, restarted after {@link #downFor()}. */
		KILL,

		/** PostgreSQL stopped (fast shutdown) and started again. */
		STOP_POSTGRES,

		/** The broker process stopped (SIGTERM) and started again with its data. */
		STOP_KAFKA,

		/** The simulator's fault profile for {@link #downFor()} from mid-load. */
		META_PROFILE,

		/** The simulator's fault profile for the whole load. */
		META_PROFILE_DURING_LOAD

	}

}
