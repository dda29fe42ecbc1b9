package com.waplatform.systemtests.chaos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * What a chaos run did to its messages, from three independent views: the public status
 * feed (the harness's consumer of {@code wa.status-events}), the gateway's read model
 * ({@code GET /v1/messages/{id}}) and Meta's ledger (every send the simulator accepted,
 * by the message's unique text).
 */
final class Accounting {

	private Accounting() {
	}

	/**
	 * Tallies the run.
	 * @param messages every message the gateway accepted (202)
	 * @param acceptedByMetaPerText sends the simulator accepted, by text (the run's texts
	 * and any other)
	 * @param runPrefix the prefix of the run's texts, to find sends to Meta of messages
	 * whose 202 the client never saw
	 */
	static Tally tally(List<Facts> messages, Map<String, Integer> acceptedByMetaPerText, String runPrefix) {
		long lost = 0;
		long duplicates = 0;
		long duplicatedMessages = 0;
		long withoutReason = 0;
		long mismatches = 0;
		Map<String, Long> finalStatuses = new TreeMap<>();
		List<String> lostLines = new ArrayList<>();
		List<String> mismatchLines = new ArrayList<>();
		Map<String, Integer> texts = new HashMap<>();
		for (Facts message : messages) {
			texts.merge(message.text(), 1, Integer::sum);
			int sends = acceptedByMetaPerText.getOrDefault(message.text(), 0);
			if (sends > 1) {
				duplicates += sends - 1;
				duplicatedMessages++;
			}
			String seen = (message.finalStatus() != null) ? message.finalStatus() : message.lastStatus();
			finalStatuses.merge((message.finalStatus() != null) ? seen : "not final: " + seen, 1L, Long::sum);
			boolean inReadModel = message.apiStatus() != null;
			if (message.finalStatus() == null || !inReadModel) {
				lost++;
				lostLines.add(message.id() + " last=" + seen + " api=" + message.apiStatus() + " at_meta=" + sends);
			}
			if (message.terminalFailure() && !message.hasReason()) {
				withoutReason++;
			}
			if (inReadModel && !message.apiStatus().equals(seen)) {
				mismatches++;
				mismatchLines.add(message.id() + " api=" + message.apiStatus() + " status_events=" + seen);
			}
		}
		long unacknowledged = 0;
		for (Map.Entry<String, Integer> sent : acceptedByMetaPerText.entrySet()) {
			if (sent.getKey().startsWith(runPrefix) && !texts.containsKey(sent.getKey())) {
				unacknowledged++;
			}
		}
		return new Tally(messages.size(), lost, duplicates, duplicatedMessages, withoutReason, mismatches,
				unacknowledged, finalStatuses, lostLines, mismatchLines);
	}

	/** Counts texts (of the accepted sends in Meta's ledger). */
	static Map<String, Integer> countTexts(List<String> texts) {
		Map<String, Integer> counts = new HashMap<>();
		texts.forEach((text) -> counts.merge(text, 1, Integer::sum));
		return counts;
	}

	/** Statuses that end a message ({@code read} or a terminal failure). */
	static final Set<String> FAILURES = Set.of("failed", "expired", "rejected");

	/**
	 * One accepted message, as the run saw it.
	 *
	 * @param id our message id (the gateway's 202)
	 * @param text its unique text
	 * @param finalStatus {@code read} or a terminal failure seen on the status feed, or
	 * null
	 * @param lastStatus the furthest status seen on the feed ({@code queued} if none)
	 * @param terminalFailure whether the final status is a failure
	 * @param hasReason whether that failure carried Meta's code or our reason
	 * @param apiStatus the status {@code GET /v1/messages/{id}} answers, null when the
	 * read model does not know the message
	 */
	record Facts(String id, String text, @Nullable String finalStatus, String lastStatus, boolean terminalFailure,
			boolean hasReason, @Nullable String apiStatus) {
	}

	/**
	 * The tally.
	 *
	 * @param messages messages accepted by the gateway
	 * @param lost without a final status on the feed, or unknown to the read model
	 * @param duplicatesAtMeta sends accepted by Meta beyond the first, per message
	 * @param duplicatedMessages messages Meta accepted more than once
	 * @param terminalWithoutReason failed/expired/rejected without a code or reason
	 * @param apiMismatch messages whose API status differs from the feed's final one
	 * @param sentWithoutAcceptance texts of the run Meta accepted whose 202 the client
	 * never got (it gave up retrying)
	 * @param finalStatuses messages by final status (or "not final: last")
	 * @param lostLines one line per lost message
	 * @param mismatchLines one line per mismatch
	 */
	record Tally(long messages, long lost, long duplicatesAtMeta, long duplicatedMessages, long terminalWithoutReason,
			long apiMismatch, long sentWithoutAcceptance, Map<String, Long> finalStatuses, List<String> lostLines,
			List<String> mismatchLines) {
	}

}
