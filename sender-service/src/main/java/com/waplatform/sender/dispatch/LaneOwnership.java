package com.waplatform.sender.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.message.SendRequest;
import com.waplatform.sender.domain.MessageState;
import com.waplatform.sender.domain.RateSettings;
import com.waplatform.sender.store.Messages;
import com.waplatform.support.accounts.AccountDirectory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lanes this instance holds, by organization and number ({@link Lane.Key}), and the
 * partitions of {@code wa.send-requests} it owns: lanes are created on demand, dropped
 * when their partition is revoked, and filled from the {@code messages} table (the table
 * is the queue, the lanes a window on it). A lane full of messages spills: further
 * admissions stay in the table until a load has room for them. Assigned partitions and
 * the periodic sweep take over the rows no lane holds. Owned by the dispatcher thread.
 */
final class LaneOwnership {

	private static final Logger log = LoggerFactory.getLogger(LaneOwnership.class);

	private final Map<Lane.Key, Lane> lanes = new HashMap<>();

	/** The partitions of {@code wa.send-requests} this instance owns. */
	private final Set<Integer> owned = new HashSet<>();

	private final Dispatcher dispatcher;

	private final Messages messages;

	private final AccountDirectory accounts;

	private final SendMetrics metrics;

	private final RateLimitProperties rateLimit;

	private final RateSettings rateSettings;

	private final QueueProperties queue;

	private final RetryProperties retry;

	private final Verifications verifications;

	private final Verdicts verdicts;

	/** Sets the lane's next wake-up ({@link DispatchLoop#reschedule}). */
	private final Consumer<Lane> reschedule;

	LaneOwnership(Dispatcher dispatcher, Messages messages, AccountDirectory accounts, SendMetrics metrics,
			RateLimitProperties rateLimit, QueueProperties queue, RetryProperties retry, Verifications verifications,
			Verdicts verdicts, Consumer<Lane> reschedule) {
		this.dispatcher = dispatcher;
		this.messages = messages;
		this.accounts = accounts;
		this.metrics = metrics;
		this.rateLimit = rateLimit;
		this.rateSettings = rateLimit.settings();
		this.queue = queue;
		this.retry = retry;
		this.verifications = verifications;
		this.verdicts = verdicts;
		this.reschedule = reschedule;
	}

	/**
	 * The lane of the organization's number. Lanes are per organization and number, so a
	 * request naming another organization's number never joins that organization's lane
	 * (its pacing, its token): its own lane dead-letters it ({@link DispatchLoop}).
	 */
	Lane lane(String phoneNumberId, String organizationId, int partition) {
		Lane.Key key = new Lane.Key(organizationId, phoneNumberId);
		Lane lane = this.lanes.get(key);
		if (lane == null) {
			lane = new Lane(phoneNumberId, organizationId, partition, throughput(owned(key)), this.rateSettings);
			lane.registerGauges(this.metrics.registry(), this.metrics.organizationTag(organizationId, phoneNumberId));
			this.lanes.put(key, lane);
		}
		return lane;
	}

	/** The lanes held now (a copy). */
	List<Lane> lanes() {
		return List.copyOf(this.lanes.values());
	}

	/** The number's configuration, when the directory knows it as the organization's. */
	@Nullable PhoneNumberConfigured owned(Lane.Key key) {
		return this.accounts.phoneNumber(key.phoneNumberId())
			.filter((configured) -> configured.organizationId().equals(key.organizationId()))
			.orElse(null);
	}

	/** The number's throughput: as configured, else {@code default-throughput}. */
	double throughput(@Nullable PhoneNumberConfigured number) {
		return (number != null && number.throughputPerSecond() > 0) ? number.throughputPerSecond()
				: this.rateLimit.defaultThroughput();
	}

	/** Queues a message recorded PENDING, unless its lane holds it or is full. */
	void enqueue(QueuedMessage message) {
		SendRequest request = message.request;
		Lane lane = lane(request.phoneNumberId(), request.organizationId(), message.partition);
		if (lane.queue().holds(message.id())) {
			return;
		}
		if (lane.spilled() || lane.queue().size() >= this.queue.maxHeldPerNumber()) {
			// stays PENDING in the table; loaded when the lane has room
			lane.spill();
			lane.admittedWhileSpilled(message, this.queue.maxHeldPerNumber());
			return;
		}
		message.queuedAt = System.nanoTime();
		lane.queue().offer(message);
		this.reschedule.accept(lane);
	}

	/** Partitions assigned: their unsent messages are taken over. */
	void assigned(List<Integer> partitions) {
		this.owned.addAll(partitions);
		// a previous owner may have left calls in flight: every SENDING row
		takeOver(partitions, Instant.MAX, 1);
	}

	/**
	 * Partitions revoked: their numbers' lanes are dropped (calls in flight complete and
	 * are recorded; the new owner reloads the rest from the table).
	 */
	void revoked(Collection<Integer> partitions) {
		this.owned.removeAll(partitions);
		List<Lane> dropped = this.lanes.values()
			.stream()
			.filter((lane) -> partitions.contains(lane.partition()))
			.toList();
		for (Lane lane : dropped) {
			this.lanes.remove(lane.key());
			lane.drop(this.metrics.registry());
		}
		this.verifications.dropLanes(dropped);
	}

	/**
	 * Gives every PENDING or SENDING row of the owned partitions that its lane does not
	 * hold back to its lane; a SENDING one whose call started before
	 * {@code startedBefore} through verification.
	 */
	void sweep(Instant startedBefore) {
		if (!this.owned.isEmpty()) {
			takeOver(List.copyOf(this.owned), startedBefore, 1);
		}
	}

	/**
	 * Loads the numbers with unsent rows of the partitions, each lane then taking over
	 * those rows it does not hold; a failed load is tried again (with backoff) while the
	 * partitions are still owned.
	 */
	private void takeOver(List<Integer> partitions, Instant startedBefore, int attempt) {
		this.dispatcher.submit("load partitions " + partitions,
				this.messages.numbersWithUnsent(partitions).collectList().map((numbers) -> () -> {
					for (Messages.NumberRef number : numbers) {
						if (!this.owned.contains(number.partition())) {
							continue;
						}
						Lane lane = lane(number.phoneNumberId(), number.organizationId(), number.partition());
						lane.spill();
						lane.takeOver(startedBefore);
						reload(lane);
					}
				}), (ex) -> () -> {
					Duration delay = this.retry.backoff().delay(attempt, ThreadLocalRandom.current()::nextDouble);
					log.warn("Could not load the unsent messages of partitions {} (attempt {}): {}; again in {}",
							partitions, attempt, ex.toString(), delay);
					this.dispatcher.runAfter(() -> {
						List<Integer> still = partitions.stream().filter(this.owned::contains).toList();
						if (!still.isEmpty()) {
							takeOver(still, startedBefore, attempt + 1);
						}
					}, delay.toMillis(), TimeUnit.MILLISECONDS);
				});
	}

	/** Loads the lane's messages left in the table, if it is spilled and has room. */
	void reload(Lane lane) {
		if (!lane.wantsLoad() || lane.queue().size() > this.queue.reloadBelow()) {
			return;
		}
		Instant takeOver = lane.loadStarted();
		int limit = this.queue.maxHeldPerNumber();
		this.dispatcher.submit("reload " + lane.phoneNumberId(),
				this.messages.unsent(lane.organizationId(), lane.phoneNumberId(), limit, takeOver != null)
					.collectList()
					.map((rows) -> () -> loaded(lane, rows, limit, takeOver)),
				(ex) -> () -> {
					// still spilled: the next load finds them in the table
					lane.loadFailed(takeOver);
					log.warn("Could not load the unsent messages of number {}: {}", lane.phoneNumberId(),
							ex.getMessage());
				});
	}

	/**
	 * Queues the loaded rows the lane does not hold; SENDING rows (loaded only to take
	 * them over) whose call started before {@code takeOver} are verified, later ones are
	 * in flight (a sweep read them while their outcome was being recorded).
	 */
	private void loaded(Lane lane, List<Messages.Unsent> rows, int limit, @Nullable Instant takeOver) {
		List<QueuedMessage> admittedDuringLoad = lane.loadArrived();
		boolean left = false;
		for (Messages.Unsent row : rows) {
			QueuedMessage message = new QueuedMessage(row.request(), row.partition(), row.offset(),
					(row.createdAt() != null) ? row.createdAt() : Instant.now(), row.traceparent());
			message.failures = row.failures();
			if (row.state() == MessageState.SENDING) {
				if (takeOver != null && (row.attemptStartedAt() == null || row.attemptStartedAt().isBefore(takeOver))
						&& lane.queue().holdOut(message)) {
					this.verdicts.takeOverVerifying(lane, message, row.attemptStartedAt());
				}
			}
			else {
				left |= !offerLoaded(lane, message, limit);
			}
		}
		for (QueuedMessage message : admittedDuringLoad) {
			left |= !offerLoaded(lane, message, limit);
		}
		// rows left for want of room keep the lane spilled: nothing else would load them
		lane.loadQueued(rows.size() < limit && !left);
		this.reschedule.accept(lane);
	}

	/** Queues a loaded message unless the lane holds it; false if there was no room. */
	private boolean offerLoaded(Lane lane, QueuedMessage message, int limit) {
		if (lane.queue().holds(message.id())) {
			return true;
		}
		if (lane.queue().size() >= limit) {
			return false;
		}
		message.queuedAt = System.nanoTime();
		lane.queue().offer(message);
		return true;
	}

	/**
	 * How each lane of a number this instance owns sends right now; lanes of a number the
	 * directory does not know as their organization's are left out (they never call
	 * Meta).
	 */
	List<SendEngine.LaneState> states(long now) {
		return this.lanes.values()
			.stream()
			.filter((lane) -> owned(lane.key()) != null)
			.map((lane) -> new SendEngine.LaneState(lane.organizationId(), lane.phoneNumberId(),
					lane.queue().allowedRate(now), lane.queue().configuredRate(), lane.queue().size(),
					lane.queue().retrying()))
			.toList();
	}

}
