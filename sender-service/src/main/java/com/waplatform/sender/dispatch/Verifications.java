package com.waplatform.sender.dispatch;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The messages whose last call has no known outcome, each held until Meta's status
 * decides it: its verification window ({@code sender.verification.grace}) runs from the
 * call's recorded start, so a restart neither shortens nor lengthens it. A status seen
 * live ends a verification early; when windows end, one read back of
 * {@code wa.status-events} ({@link StatusHistory}) from the earliest of their calls'
 * start (less {@code clock-skew}) decides them all, one at a time. A call taken over from
 * an earlier process (found SENDING after a crash or a rebalance) is also read back at
 * once: its confirmation may already be on the topic, published while no instance was
 * listening, and it need not wait for its window to learn that; found nothing, it waits
 * for its window like any other. Owned by the dispatcher thread, except {@link #pending},
 * which the status listener asks.
 */
final class Verifications {

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final VerificationProperties properties;

	/** A read back is running. */
	private boolean reading;

	/** When the next read back may start (after one failed). */
	private long nextRead = System.nanoTime();

	Verifications(VerificationProperties properties, MeterRegistry registry) {
		this.properties = properties;
		Gauge.builder("sender.verifying", this.entries, Map::size)
			.description("Messages whose last call has no known outcome, waiting for Meta's status")
			.register(registry);
	}

	/**
	 * Starts the message's verification; its call started at {@code attemptStartedAt}.
	 * {@code takenOver}: the call was made by an earlier process, so the topic is read
	 * back for it at once, before its window ends.
	 */
	void start(Lane lane, QueuedMessage message, @Nullable Instant attemptStartedAt, boolean takenOver) {
		Instant started = (attemptStartedAt != null) ? attemptStartedAt : Instant.now();
		this.entries.put(message.id(),
				new Entry(lane, message, started, started.plus(this.properties.grace()), takenOver));
	}

	/** Whether the message is being verified (any thread). */
	boolean pending(String messageId) {
		return this.entries.containsKey(messageId);
	}

	/** Ends the message's verification, if it is being verified. */
	@Nullable Entry take(String messageId) {
		return this.entries.remove(messageId);
	}

	/** Forgets the verifications of lanes dropped (their partitions were revoked). */
	void dropLanes(Collection<Lane> dropped) {
		this.entries.values().removeIf((entry) -> dropped.contains(entry.lane()));
	}

	/**
	 * The verifications whose window ended (and those taken over, not read back for yet),
	 * to read back for, unless a read back is running or one failed less than
	 * {@code retry-interval} ago; null when none.
	 */
	@Nullable ReadBack ended(long now, Instant wallNow) {
		if (this.reading || now - this.nextRead < 0 || this.entries.isEmpty()) {
			return null;
		}
		List<Entry> ended = this.entries.values()
			.stream()
			.filter((entry) -> entry.readBackFirst() || !entry.deadline().isAfter(wallNow))
			.toList();
		if (ended.isEmpty()) {
			return null;
		}
		this.reading = true;
		Instant from = ended.stream()
			.map(Entry::attemptStartedAt)
			.min(Instant::compareTo)
			.orElse(wallNow)
			.minus(this.properties.clockSkew());
		return new ReadBack(ended, ended.stream().map((entry) -> entry.message().id()).collect(Collectors.toSet()),
				from);
	}

	/**
	 * The read back is done: ends the verifications it covered that are still running
	 * (not confirmed live meanwhile, not dropped) and returns them, to be decided by what
	 * it found.
	 */
	List<Entry> decided(ReadBack readBack) {
		this.reading = false;
		return readBack.ended().stream().filter((entry) -> this.entries.remove(entry.message().id(), entry)).toList();
	}

	/** The read back failed: its verifications go on, and it is tried again later. */
	void readFailed(long now) {
		this.reading = false;
		this.nextRead = now + this.properties.retryInterval().toNanos();
	}

	/**
	 * A message being verified, its call's start, when its window ends, and whether it is
	 * read back for before that (a call taken over).
	 */
	record Entry(Lane lane, QueuedMessage message, Instant attemptStartedAt, Instant deadline, boolean readBackFirst) {

		/** Whether its window is still running at {@code now}. */
		boolean windowRunning(Instant now) {
			return this.deadline.isAfter(now);
		}

	}

	/** One read back for the verifications {@code ended}, from {@code from}. */
	record ReadBack(List<Entry> ended, Set<String> ids, Instant from) {
	}

}
