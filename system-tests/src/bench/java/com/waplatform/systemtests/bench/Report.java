package com.waplatform.systemtests.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.waplatform.common.message.ErrorInfo;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.systemtests.bench.Seeder.BenchNumber;
import com.waplatform.systemtests.bench.SimulatorView.Sent;
import com.waplatform.systemtests.bench.StatusTracker.Track;
import org.jspecify.annotations.Nullable;

/**
 * The figures of one run, as the JSON written to {@code target/bench/<scenario>.json}
 * (snake_case keys), and the scenario's targets.
 */
final class Report {

	private final Map<String, Object> json = new LinkedHashMap<>();

	private final List<Map<String, Object>> targets = new ArrayList<>();

	private final Scenario scenario;

	private final StatusTracker tracker;

	private final List<String> hotRecipients;

	/** First time Meta accepted each message id, and how often. */
	private final Map<String, Long> firstSent = new HashMap<>();

	private final Map<String, Integer> timesSent = new HashMap<>();

	private long duplicates;

	private long overLimit;

	private long rejected131056;

	private final List<Map<String, Object>> numberFigures = new ArrayList<>();

	private final List<String> lostIds = new ArrayList<>();

	private final boolean pacingSink;

	Report(Scenario scenario, List<BenchNumber> numbers, StatusTracker tracker, SimulatorView simulator,
			List<String> hotRecipients, boolean pacingSink) {
		this.pacingSink = pacingSink;
		this.scenario = scenario;
		this.tracker = tracker;
		this.hotRecipients = hotRecipients;
		this.json.put("scenario", scenario.name());
		this.json.put("description", scenario.description());
		this.json.put("machine", Machine.describe());
		Map<String, List<Sent>> ledgers = new LinkedHashMap<>();
		for (BenchNumber number : numbers) {
			List<Sent> ledger = simulator.ledger(number.phoneNumberId());
			ledgers.put(number.phoneNumberId(), ledger);
			for (Sent sent : ledger) {
				if (sent.callbackData() != null) {
					this.firstSent.merge(sent.callbackData(), sent.receivedAtMillis(), Math::min);
					this.timesSent.merge(sent.callbackData(), 1, Integer::sum);
				}
			}
		}
		this.duplicates = this.timesSent.values().stream().mapToLong((count) -> count - 1).sum();
		for (int i = 0; i < numbers.size(); i++) {
			BenchNumber number = numbers.get(i);
			this.numberFigures.add(number(number, ledgers.get(number.phoneNumberId()), simulator, i == 0));
		}
		this.json.put("ledger_entries", simulator.ledgerSize());
		this.json.put("simulator_webhooks", simulator.webhooks());
	}

	/**
	 * A number's figures. The steady part is taken over the messages to ordinary
	 * recipients: those to hot recipients wait for the pair limit by design.
	 */
	private Map<String, Object> number(BenchNumber number, List<Sent> ledger, SimulatorView simulator, boolean first) {
		List<Track> main = this.tracker.part(ScenarioRun.MAIN)
			.stream()
			.filter((track) -> number.phoneNumberId().equals(track.message().from()))
			.toList();
		List<Track> ordinary = main.stream()
			.filter((track) -> !this.hotRecipients.contains(track.message().to()))
			.toList();
		Set<String> ordinaryIds = ordinary.stream().map(Track::id).collect(Collectors.toSet());
		long[] accepts = ordinary.stream().mapToLong(Track::acceptedAtMillis).toArray();
		long[] sends = ordinary.stream()
			.map((track) -> this.firstSent.get(track.id()))
			.filter((at) -> at != null)
			.mapToLong(Long::longValue)
			.toArray();
		List<Long> steady = Figures.steadySeconds(accepts, sends, number.limitPerSecond());
		Map<Long, Integer> timeline = simulator.timeline(number.phoneNumberId());
		double achieved = Figures.meanRate(timeline, steady);
		Map<String, Long> rejected = simulator.rejections(number.phoneNumberId());
		long throughputRefusals = rejected.getOrDefault("130429", 0L);
		long pairRefusals = rejected.getOrDefault("131056", 0L);
		this.overLimit += throughputRefusals + pairRefusals;
		this.rejected131056 += pairRefusals;

		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("phone_number_id", number.phoneNumberId());
		figures.put("limit_per_s", number.limitPerSecond());
		figures.put("messages", number.messages());
		figures.put("achieved_rate_per_s", Figures.round(achieved, 2));
		figures.put("achieved_share_of_limit", Figures.round(achieved / number.limitPerSecond(), 4));
		if (sends.length > 1) {
			long span = Arrays.stream(sends).max().getAsLong() - Arrays.stream(sends).min().getAsLong();
			figures.put("whole_run_rate_per_s", Figures.round(sends.length / Math.max(span / 1000.0, 1), 2));
		}
		figures.put("steady_seconds", steady.size());
		figures.put("rejected_130429", throughputRefusals);
		figures.put("rejected_131056", pairRefusals);
		figures.put("rejected_by_code", rejected);
		figures.put("faults_injected", simulator.faults(number.phoneNumberId()));
		figures.put("timeline", timeline(timeline, steady));
		if (!this.hotRecipients.isEmpty() && first) {
			long[] others = ledger.stream()
				.filter((sent) -> sent.callbackData() != null && ordinaryIds.contains(sent.callbackData()))
				.mapToLong(Sent::receivedAtMillis)
				.toArray();
			double othersRate = Figures.meanRate(Figures.perSecond(others), steady);
			figures.put("other_recipients_rate_per_s", Figures.round(othersRate, 2));
			figures.put("hot_recipients", this.hotRecipients.size());
			figures.put("hot_messages", main.size() - accepts.length);
			if (this.scenario.minOtherRecipientsShare() != null) {
				double min = this.scenario.minOtherRecipientsShare() * number.limitPerSecond();
				target("other recipients of " + number.phoneNumberId() + " >= " + Figures.round(min, 1) + " msg/s",
						othersRate >= min, Figures.round(othersRate, 2));
			}
		}
		if (this.scenario.minRateShare() != null) {
			double min = this.scenario.minRateShare() * number.limitPerSecond();
			target(number.phoneNumberId() + " achieved >= " + Figures.round(min, 1) + " msg/s",
					achieved >= min && !steady.isEmpty(), Figures.round(achieved, 2));
		}
		return figures;
	}

	/**
	 * The simulator's accepted sends per second from the first to the last non-zero
	 * second, and where the steady part lies in it.
	 */
	private static Map<String, Object> timeline(Map<Long, Integer> perSecond, List<Long> steady) {
		List<Long> busy = perSecond.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() > 0)
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
		Map<String, Object> timeline = new LinkedHashMap<>();
		if (busy.isEmpty()) {
			return timeline;
		}
		long first = busy.get(0);
		List<Integer> accepted = new ArrayList<>();
		for (long second = first; second <= busy.get(busy.size() - 1); second++) {
			accepted.add(perSecond.getOrDefault(second, 0));
		}
		timeline.put("first_second", first);
		if (!steady.isEmpty()) {
			timeline.put("steady_from_index", steady.get(0) - first);
			timeline.put("steady_to_index", steady.get(steady.size() - 1) - first);
		}
		timeline.put("accepted_per_second", accepted);
		return timeline;
	}

	void ingestion(long ingestStart, long ingestEnd, Map<String, Integer> failures, @Nullable Long resumedAt) {
		List<Track> main = this.tracker.part(ScenarioRun.MAIN);
		long firstAccept = main.stream().mapToLong(Track::acceptedAtMillis).min().orElse(ingestStart);
		long lastAccept = main.stream().mapToLong(Track::acceptedAtMillis).max().orElse(ingestEnd);
		this.json.put("messages", main.size());
		boolean preloaded = resumedAt != null;
		// end to end: the run itself when statuses flowed back, else the phase after it
		List<Track> endToEnd = preloaded ? this.tracker.part(ScenarioRun.END_TO_END) : main;
		this.json.put("end_to_end_messages", endToEnd.size());
		this.json.putAll(throughput(endToEnd));
		this.json.put("ingest_rate_per_s",
				Figures.round(main.size() / Math.max((lastAccept - firstAccept) / 1000.0, 0.001), 1));
		this.json.put("ingest_failures", failures);
		this.json.put("preloaded", preloaded);
		if (resumedAt != null) {
			this.json.put("backlog_at_resume", main.stream().filter((track) -> {
				Long outcome = track.outcomeAt();
				return outcome == null || outcome > resumedAt;
			}).count());
		}
		this.json.put("numbers", this.numberFigures);
		this.json.put("aggregate_achieved_rate_per_s",
				Figures.round(this.numberFigures.stream()
					.mapToDouble((figures) -> ((Number) figures.get("achieved_rate_per_s")).doubleValue())
					.sum(), 1));
		this.json.put("over_limit_rejections", this.overLimit);
		this.json.put("duplicates_at_meta", this.duplicates);
		this.json.put("pacing_status_webhooks", this.pacingSink ? "sink" : "gateway");
		outcomes(this.pacingSink);
		this.json.put("latency_ms", latency(ScenarioRun.PROBE));
		this.json.put("backlog_latency_ms", latency(ScenarioRun.MAIN));

		if (this.scenario.noOverLimit()) {
			target("zero over-limit rejections (130429 + 131056)", this.overLimit == 0, this.overLimit);
		}
		if (this.scenario.minOtherRecipientsShare() != null) {
			target("zero 131056 at the simulator", this.rejected131056 == 0, this.rejected131056);
		}
		target("zero duplicates at Meta", this.duplicates == 0, this.duplicates);
		target("zero ingestion failures", failures.isEmpty(), failures);
	}

	/**
	 * Messages over the time from the first 202 to the last final status, and from the
	 * first send Meta accepted to the last final status.
	 */
	private Map<String, Object> throughput(List<Track> tracks) {
		Map<String, Object> figures = new LinkedHashMap<>();
		long firstAccept = tracks.stream().mapToLong(Track::acceptedAtMillis).min().orElse(0);
		long lastFinal = tracks.stream()
			.map(Track::finalAt)
			.filter((at) -> at != null)
			.mapToLong(Long::longValue)
			.max()
			.orElse(firstAccept);
		long firstSend = tracks.stream()
			.map((track) -> this.firstSent.get(track.id()))
			.filter((at) -> at != null)
			.mapToLong(Long::longValue)
			.min()
			.orElse(lastFinal);
		double duration = (lastFinal - firstAccept) / 1000.0;
		figures.put("duration_s", Figures.round(duration, 1));
		figures.put("throughput_per_s", (duration > 0) ? Figures.round(tracks.size() / duration, 1) : null);
		figures.put("delivery_throughput_per_s",
				(lastFinal > firstSend) ? Figures.round(tracks.size() / ((lastFinal - firstSend) / 1000.0), 1) : null);
		return figures;
	}

	/**
	 * Final statuses and losses. A message is lost when it never reached {@code read} or
	 * a terminal failure. In the pacing phase of a run whose status webhooks went to the
	 * sink ({@code -Dbench.pacing-sink=true}): when neither the sender published its
	 * outcome nor Meta accepted it; accepted by Meta without the sender's outcome is
	 * counted apart (the sender would have learnt it from the status webhooks).
	 */
	private void outcomes(boolean sink) {
		Map<String, Map<String, Long>> statuses = new TreeMap<>();
		Map<String, Long> unfinished = new TreeMap<>();
		Map<String, Long> unfinishedParts = new TreeMap<>();
		Map<String, Long> reasons = new TreeMap<>();
		long lost = 0;
		long unconfirmed = 0;
		long withoutReason = 0;
		for (Track track : this.tracker.all()) {
			String part = track.message().part();
			MessageStatus status = track.finalStatus();
			statuses.computeIfAbsent(part, (key) -> new TreeMap<>())
				.merge((status != null) ? status.wireName() : track.lastStatus(), 1L, Long::sum);
			boolean pacing = sink && ScenarioRun.SINK_PARTS.contains(part);
			boolean atMeta = this.timesSent.containsKey(track.id());
			if (pacing && !track.hasOutcome() && atMeta) {
				unconfirmed++;
			}
			boolean done = pacing ? (track.hasOutcome() || atMeta) : status != null;
			if (!done) {
				lost++;
				unfinished.merge(track.lastStatus(), 1L, Long::sum);
				unfinishedParts.merge(part, 1L, Long::sum);
				this.lostIds.add(track.id() + " " + part + " last=" + track.lastStatus() + " to=" + track.message().to()
						+ " at_meta=" + this.timesSent.getOrDefault(track.id(), 0));
			}
			if (status != null && status.isTerminalFailure()) {
				ErrorInfo error = track.error();
				if (error == null) {
					withoutReason++;
				}
				else {
					reasons.merge(error.code() + " " + error.title(), 1L, Long::sum);
				}
			}
		}
		this.json.put("tracked_messages", this.tracker.all().size());
		this.json.put("statuses_by_part", statuses);
		this.json.put("failure_reasons", reasons);
		this.json.put("lost", lost);
		this.json.put("lost_by_last_status", unfinished);
		this.json.put("lost_by_part", unfinishedParts);
		if (sink) {
			this.json.put("accepted_by_meta_without_sender_outcome", unconfirmed);
		}
		target("zero lost (every accepted message read or terminal)", lost == 0, lost);
		target("every terminal failure has a reason", withoutReason == 0, withoutReason);
	}

	private Map<String, Object> latency(String part) {
		List<Track> tracks = this.tracker.part(part);
		List<Long> toMeta = new ArrayList<>();
		List<Long> toRead = new ArrayList<>();
		for (Track track : tracks) {
			Long sent = this.firstSent.get(track.id());
			if (sent != null) {
				toMeta.add(sent - track.acceptedAtMillis());
			}
			Long read = track.seenAt(MessageStatus.READ);
			if (read != null) {
				toRead.add(read - track.acceptedAtMillis());
			}
		}
		Map<String, Object> latency = new LinkedHashMap<>();
		latency.put("accept_to_meta", Figures.percentiles(toMeta.stream().mapToLong(Long::longValue).toArray()));
		latency.put("accept_to_read", Figures.percentiles(toRead.stream().mapToLong(Long::longValue).toArray()));
		return latency;
	}

	void memory(Map<String, Object> peaks) {
		this.json.put("memory", peaks);
	}

	/** The sender's pacing timers (prepare time, call lateness), as Prometheus lines. */
	void senderPacing(List<String> lines) {
		this.json.put("sender_pacing", lines);
	}

	void exited(List<String> exited) {
		target("no application exited", exited.isEmpty(), exited);
	}

	private void target(String name, boolean met, Object value) {
		Map<String, Object> target = new LinkedHashMap<>();
		target.put("target", name);
		target.put("met", met);
		target.put("value", value);
		this.targets.add(target);
	}

	/** "id part last-status to recipient" of each lost message, for the logs. */
	List<String> lost() {
		return this.lostIds;
	}

	/** Adds what the platform's tables say about each lost message (by its id). */
	void explainLost(Function<String, String> explain) {
		this.lostIds.replaceAll((line) -> line + " | " + explain.apply(line.substring(0, line.indexOf(' '))));
	}

	boolean passed() {
		return this.targets.stream().allMatch((target) -> Boolean.TRUE.equals(target.get("met")));
	}

	List<String> missed() {
		return this.targets.stream()
			.filter((target) -> !Boolean.TRUE.equals(target.get("met")))
			.map((target) -> target.get("target") + " (was " + target.get("value") + ")")
			.toList();
	}

	Map<String, Object> json() {
		Map<String, Object> all = new LinkedHashMap<>(this.json);
		all.put("targets", this.targets);
		all.put("passed", passed());
		return all;
	}

	String summary() {
		return "%s: %s messages; achieved/limit %s; over-limit %s, duplicates %s, lost %s; end to end %s msg/s (%s messages); %s"
			.formatted(this.scenario.name(), this.json.get("messages"),
					this.numberFigures.stream()
						.map((figures) -> figures.get("achieved_rate_per_s") + "/" + figures.get("limit_per_s"))
						.toList(),
					this.json.get("over_limit_rejections"), this.json.get("duplicates_at_meta"), this.json.get("lost"),
					this.json.get("throughput_per_s"), this.json.get("end_to_end_messages"),
					passed() ? "PASSED" : "MISSED " + missed());
	}

}
