package com.waplatform.systemtests.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A named benchmark: the business numbers with their limits and message counts, how the
 * backlog is built, the faults injected at the simulator and the targets that decide the
 * exit code.
 *
 * @param numbers the numbers' throughput limits and message counts
 * @param preload accept every message at the gateway before the sender starts, so the
 * backlog exists even when the gateway ingests slower than the numbers' limits
 * @param hotShare share of the first number's messages addressed to {@code hotRecipients}
 * recipients (the others each get one message)
 * @param faults extra fault profile for the simulator (merged with Meta-like latency)
 * @param minRateShare each number's achieved rate must be at least this share of its
 * limit, or null when the rate is not a target
 * @param noOverLimit no 130429 and no 131056 may reach the simulator
 * @param minOtherRecipientsShare with hot recipients: the other recipients' rate must be
 * at least this share of the limit
 */
record Scenario(String name, String description, List<NumberPlan> numbers, boolean preload, double hotShare,
		int hotRecipients, Map<String, Object> faults, @Nullable Double minRateShare, boolean noOverLimit,
		@Nullable Double minOtherRecipientsShare) {

	/** Meta's answer time as seen from Europe: 100-500 ms. */
	static final Map<String, Object> META_LATENCY = Map.of("latency", "100ms", "latencyJitter", "400ms");

	static final List<String> NAMES = List.of("single-number-80", "single-number-1000", "many-numbers", "faults",
			"hot-recipient");

	static Optional<Scenario> named(String name) {
		return Optional.ofNullable(switch (name) {
			case "single-number-80" -> new Scenario(name, "one number at 80 msg/s, 4,000 messages (preloaded)",
					List.of(new NumberPlan(80, 4_000)), true, 0, 0, Map.of(), 0.97, true, null);
			case "single-number-1000" -> new Scenario(name, "one number at 1,000 msg/s, 30,000 messages (preloaded)",
					List.of(new NumberPlan(1_000, 30_000)), true, 0, 0, Map.of(), 0.97, true, null);
			case "many-numbers" -> new Scenario(name,
					"20 numbers at 80 msg/s (1,000 messages each) and 2 at 1,000 msg/s (12,000 each), preloaded",
					manyNumbers(), true, 0, 0, Map.of(), 0.95, false, null);
			case "faults" -> new Scenario(name,
					"one number at 80 msg/s, 2,000 messages; 10 % transient errors, 10 % duplicated and 10 % "
							+ "reordered status webhooks",
					List.of(new NumberPlan(80, 2_000)), false, 0, 0, faultProfile(), null, false, null);
			case "hot-recipient" ->
				new Scenario(name, "one number at 80 msg/s, 3,000 messages (preloaded), 2 % of them to 3 recipients",
						List.of(new NumberPlan(80, 3_000)), true, 0.02, 3, Map.of(), null, false, 0.95);
			default -> null;
		});
	}

	private static List<NumberPlan> manyNumbers() {
		List<NumberPlan> numbers = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			numbers.add(new NumberPlan(80, 1_000));
		}
		numbers.add(new NumberPlan(1_000, 12_000));
		numbers.add(new NumberPlan(1_000, 12_000));
		return numbers;
	}

	private static Map<String, Object> faultProfile() {
		Map<String, Object> faults = new LinkedHashMap<>();
		faults.put("errorRate", 0.05);
		faults.put("errorCodes", List.of(131000, 1, 2, 131016));
		faults.put("httpErrorRate", 0.05);
		faults.put("httpStatuses", List.of(500, 503));
		faults.put("webhooks", Map.of("duplicateRate", 0.1, "reorderRate", 0.1));
		return faults;
	}

	int messages() {
		return this.numbers.stream().mapToInt(NumberPlan::messages).sum();
	}

	/** The simulator's global fault profile for the run. */
	Map<String, Object> faultProfileWithLatency() {
		Map<String, Object> profile = new LinkedHashMap<>(META_LATENCY);
		profile.putAll(this.faults);
		return profile;
	}

	/** Throughput limit and message count of one business number. */
	record NumberPlan(int limitPerSecond, int messages) {
	}

}
