package com.waplatform.simulator.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * Every message the simulator accepted and every send it refused, in memory, for tests
 * and benchmarks to check what reached "Meta". Keeps at most {@code maxEntries} of each,
 * dropping the oldest.
 */
public class Ledger {

	private final int maxEntries;

	private final Clock clock;

	private final Deque<LedgerEntry> entries = new ArrayDeque<>();

	private final Deque<Rejection> rejections = new ArrayDeque<>();

	private final Deque<ReadReceipt> reads = new ArrayDeque<>();

	private final Map<String, Long> countsByCallbackData = new HashMap<>();

	private long readSequence;

	private long acceptedSequence;

	private long rejectedSequence;

	public Ledger(int maxEntries, Clock clock) {
		this.maxEntries = maxEntries;
		this.clock = clock;
	}

	/** Records an accepted message and returns its entry (with sequence and time). */
	public LedgerEntry accept(String wamid, String phoneNumberId, String to, String waId, String type,
			@Nullable String templateName, @Nullable String templateLanguage, @Nullable String renderedText,
			@Nullable String bizOpaqueCallbackData, String requestJson) {
		return accept(wamid, phoneNumberId, to, waId, type, templateName, templateLanguage, renderedText,
				bizOpaqueCallbackData, requestJson, null, null);
	}

	/**
	 * Records an accepted message with its structured rendering and the W3C trace context
	 * its request carried (Meta ignores it; tests read it to follow a message's trace).
	 */
	public synchronized LedgerEntry accept(String wamid, String phoneNumberId, String to, String waId, String type,
			@Nullable String templateName, @Nullable String templateLanguage, @Nullable String renderedText,
			@Nullable String bizOpaqueCallbackData, String requestJson, @Nullable RenderedMessage rendered,
			@Nullable String traceparent) {
		LedgerEntry entry = new LedgerEntry(++this.acceptedSequence, wamid, phoneNumberId, to, waId, type, templateName,
				templateLanguage, renderedText, bizOpaqueCallbackData, Instant.now(this.clock), requestJson, rendered,
				traceparent);
		this.entries.addLast(entry);
		if (bizOpaqueCallbackData != null) {
			this.countsByCallbackData.merge(bizOpaqueCallbackData, 1L, Long::sum);
		}
		if (this.entries.size() > this.maxEntries) {
			LedgerEntry dropped = this.entries.removeFirst();
			if (dropped.bizOpaqueCallbackData() != null) {
				this.countsByCallbackData.computeIfPresent(dropped.bizOpaqueCallbackData(),
						(key, count) -> (count > 1) ? count - 1 : null);
			}
		}
		return entry;
	}

	public synchronized Rejection reject(String phoneNumberId, int code, @Nullable String details, String requestJson) {
		Rejection rejection = new Rejection(++this.rejectedSequence, phoneNumberId, code, details,
				Instant.now(this.clock), requestJson);
		this.rejections.addLast(rejection);
		if (this.rejections.size() > this.maxEntries) {
			this.rejections.removeFirst();
		}
		return rejection;
	}

	/** Records an accepted mark-as-read of the customer's message {@code messageId}. */
	public synchronized ReadReceipt read(String phoneNumberId, String messageId, boolean typingIndicator) {
		ReadReceipt receipt = new ReadReceipt(++this.readSequence, phoneNumberId, messageId, typingIndicator,
				Instant.now(this.clock));
		this.reads.addLast(receipt);
		if (this.reads.size() > this.maxEntries) {
			this.reads.removeFirst();
		}
		return receipt;
	}

	/** Accepted mark-as-reads matching all given criteria ({@code null}: any). */
	public synchronized List<ReadReceipt> reads(@Nullable String phoneNumberId, @Nullable String messageId) {
		return this.reads.stream()
			.filter((read) -> phoneNumberId == null || phoneNumberId.equals(read.phoneNumberId()))
			.filter((read) -> messageId == null || messageId.equals(read.messageId()))
			.toList();
	}

	public synchronized List<LedgerEntry> entries() {
		return List.copyOf(this.entries);
	}

	/** Accepted messages matching all given criteria ({@code null}: any). */
	public List<LedgerEntry> entries(@Nullable String phoneNumberId, @Nullable String to,
			@Nullable String callbackData) {
		Predicate<LedgerEntry> matches = (
				entry) -> (phoneNumberId == null || phoneNumberId.equals(entry.phoneNumberId()))
						&& (to == null || to.equals(entry.to()) || digits(to).equals(entry.waId()))
						&& (callbackData == null || callbackData.equals(entry.bizOpaqueCallbackData()));
		return entries().stream().filter(matches).toList();
	}

	public synchronized Optional<LedgerEntry> findByWamid(String wamid) {
		return this.entries.stream().filter((entry) -> entry.wamid().equals(wamid)).findFirst();
	}

	public synchronized long countByCallbackData(String callbackData) {
		return this.countsByCallbackData.getOrDefault(callbackData, 0L);
	}

	public synchronized long size() {
		return this.entries.size();
	}

	public synchronized List<Rejection> rejections() {
		return List.copyOf(this.rejections);
	}

	public List<Rejection> rejections(int code) {
		return rejections().stream().filter((rejection) -> rejection.code() == code).toList();
	}

	/** Forgets everything (sequences restart at 1). */
	public synchronized void clear() {
		this.entries.clear();
		this.rejections.clear();
		this.reads.clear();
		this.countsByCallbackData.clear();
		this.readSequence = 0;
		this.acceptedSequence = 0;
		this.rejectedSequence = 0;
	}

	private static String digits(String phone) {
		StringBuilder digits = new StringBuilder();
		phone.chars().filter(Character::isDigit).forEach((c) -> digits.append((char) c));
		return digits.toString();
	}

	@Override
	public String toString() {
		return "Ledger[entries=" + size() + ", rejections=" + rejections().size() + "]";
	}

}
