package com.waplatform.sender.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.message.ErrorInfo;
import com.waplatform.common.message.SendRequest;
import com.waplatform.sender.domain.DeadLetterReason;
import com.waplatform.sender.domain.MessageState;
import com.waplatform.sender.domain.NumberOwnership;
import com.waplatform.sender.domain.RateSettings;
import com.waplatform.sender.domain.RetryPolicy;
import com.waplatform.sender.meta.MetaCircuitBreakers;
import com.waplatform.sender.store.Messages;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.support.lifecycle.PipelineSubscription;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the admitted messages of the business numbers this instance owns (the partitions
 * of {@code wa.send-requests} assigned to it), each number at its full allowed rate.
 * <p>
 * All scheduling state (one {@link Lane} per organization and number, {@link Lane.Key})
 * is confined to one dispatcher thread: admissions, outcomes and timers are handed to it
 * as tasks, so no lock is needed. A lane wakes exactly when its next message may go
 * (throughput token, a recipient's pair token, a retry due) and hands the due messages to
 * the work pipeline, where many database and Meta calls are in flight at once
 * ({@code sender.queue.max-in-flight}). The pipeline is one subscription for the engine's
 * lifetime ({@link PipelineSubscription}), opened in {@link #start()} and disposed in
 * {@link #stop()}; each piece of work reports a {@link Verdict} back to the dispatcher
 * thread. A piece of work that fails unexpectedly is logged and its message retried, so
 * that one bad message can never stop the pipeline (the fault barrier of
 * {@link #execute}).
 */
@Component
public class SendEngine implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SendEngine.class);

	private final Scheduler loop = Schedulers.newSingle("sender-dispatch", true);

	private final Map<Lane.Key, Lane> lanes = new HashMap<>();

	private final Verifications verifications;

	/** The partitions of {@code wa.send-requests} this instance owns. */
	private final Set<Integer> owned = new HashSet<>();

	/** The account directory has read {@code wa.accounts} to its end once. */
	private boolean directoryReady;

	private final Sinks.Many<Job> jobs = Sinks.many().unicast().onBackpressureBuffer();

	private final MessageSender sender;

	private final Messages messages;

	private final AccountDirectory accounts;

	private final MetaCircuitBreakers breakers;

	private final OrganizationPauses pauses;

	private final StatusHistory history;

	private final SendMetrics metrics;

	private final RateLimitProperties rateLimit;

	private final RateSettings rateSettings;

	private final RetryProperties retry;

	private final RetryPolicy policy;

	private final QueueProperties queue;

	private final VerificationProperties verification;

	private final PipelineSubscription pipeline;

	SendEngine(MessageSender sender, Messages messages, AccountDirectory accounts, MetaCircuitBreakers breakers,
			OrganizationPauses pauses, StatusHistory history, SendMetrics metrics, RateLimitProperties rateLimit,
			RetryProperties retry, QueueProperties queue, VerificationProperties verification) {
		this.sender = sender;
		this.messages = messages;
		this.accounts = accounts;
		this.breakers = breakers;
		this.pauses = pauses;
		this.history = history;
		this.metrics = metrics;
		this.rateLimit = rateLimit;
		this.rateSettings = rateLimit.settings();
		this.retry = retry;
		this.policy = retry.policy();
		this.queue = queue;
		this.verification = verification;
		this.pipeline = new PipelineSubscription(SendEngine.class, "The send pipeline",
				// nothing is prepared, called or dead-lettered before the directory has
				// read wa.accounts: a message of a number it has not read yet would be
				// taken for one of an unknown number
				() -> this.accounts.ready()
					.doOnSuccess((ready) -> this.loop.schedule(this::directoryReady))
					.thenMany(this.jobs.asFlux().flatMap(this::execute, this.queue.maxInFlight())));
		this.verifications = new Verifications(verification, metrics.registry());
	}

	// --- entry points (any thread) ---

	/** Queues a message recorded PENDING. */
	public void enqueue(SendRequest request, int partition, long offset, Instant admittedAt, int failures,
			@Nullable String traceparent) {
		QueuedMessage message = new QueuedMessage(request, partition, offset, admittedAt, traceparent);
		message.failures = failures;
		this.loop.schedule(() -> enqueueNow(message));
	}

	/**
	 * Takes over a message found SENDING (its last call has no recorded outcome): it is
	 * verified against Meta's statuses before it is sent again.
	 */
	public void verify(SendRequest request, int partition, long offset, @Nullable Instant attemptStartedAt,
			int failures, @Nullable String traceparent) {
		this.loop.schedule(() -> {
			QueuedMessage message = new QueuedMessage(request, partition, offset, Instant.now(), traceparent);
			message.failures = failures;
			Lane lane = lane(request.phoneNumberId(), request.organizationId(), partition);
			if (lane.queue.holdOut(message)) {
				startVerifying(lane, message, attemptStartedAt);
			}
		});
	}

	/** Meta confirmed a message (a status webhook for it arrived). */
	public void confirmed(String messageId, String wamid) {
		if (this.verifications.pending(messageId)) {
			this.loop.schedule(() -> confirm(messageId, wamid));
		}
	}

	/**
	 * Partitions of {@code wa.send-requests} assigned: take over their unsent messages.
	 */
	public void assigned(Collection<Integer> partitions) {
		List<Integer> assigned = List.copyOf(partitions);
		this.loop.schedule(() -> {
			this.owned.addAll(assigned);
			// a previous owner may have left calls in flight: every SENDING row
			takeOver(assigned, Instant.MAX, 1);
		});
	}

	/**
	 * Every {@code sender.queue.sweep}: gives every PENDING or SENDING row of the owned
	 * partitions that its lane does not hold back to its lane, a SENDING one through
	 * verification. Rows are orphaned when a database error hit the work that should have
	 * put them back (a confirmation, a release), or a load failed.
	 */
	@Scheduled(fixedDelayString = "${sender.queue.sweep:1m}", initialDelayString = "${sender.queue.sweep:1m}")
	public Mono<Void> sweep() {
		return Mono.fromRunnable(() -> this.loop.schedule(() -> {
			if (!this.owned.isEmpty()) {
				// a SENDING row whose call started a sweep ago is not in flight: its
				// outcome was lost
				takeOver(List.copyOf(this.owned), Instant.now().minus(this.queue.sweep()), 1);
			}
		}));
	}

	/**
	 * Loads the numbers with unsent rows of the partitions, each lane then taking over
	 * those rows it does not hold; a failed load is tried again (with backoff) while the
	 * partitions are still owned.
	 */
	private void takeOver(List<Integer> partitions, Instant startedBefore, int attempt) {
		submit("load partitions " + partitions,
				this.messages.numbersWithUnsent(partitions).collectList().map((numbers) -> () -> {
					for (Messages.NumberRef number : numbers) {
						if (!this.owned.contains(number.partition())) {
							continue;
						}
						Lane lane = lane(number.phoneNumberId(), number.organizationId(), number.partition());
						lane.spilled = true;
						lane.takeOver(startedBefore);
						reload(lane);
					}
				}), (ex) -> () -> {
					Duration delay = this.retry.backoff().delay(attempt, ThreadLocalRandom.current()::nextDouble);
					log.warn("Could not load the unsent messages of partitions {} (attempt {}): {}; again in {}",
							partitions, attempt, ex.toString(), delay);
					this.loop.schedule(() -> {
						List<Integer> still = partitions.stream().filter(this.owned::contains).toList();
						if (!still.isEmpty()) {
							takeOver(still, startedBefore, attempt + 1);
						}
					}, delay.toMillis(), TimeUnit.MILLISECONDS);
				});
	}

	/**
	 * Partitions revoked: their numbers' lanes are dropped (calls in flight complete and
	 * are recorded; the new owner reloads the rest from the table).
	 */
	public void revoked(Collection<Integer> partitions) {
		List<Integer> revoked = List.copyOf(partitions);
		this.loop.schedule(() -> {
			this.owned.removeAll(revoked);
			List<Lane> dropped = this.lanes.values()
				.stream()
				.filter((lane) -> revoked.contains(lane.partition))
				.toList();
			for (Lane lane : dropped) {
				this.lanes.remove(lane.key);
				if (lane.wake != null) {
					lane.wake.dispose();
				}
				lane.removeGauges(this.metrics.registry());
			}
			this.verifications.dropLanes(dropped);
		});
	}

	/**
	 * Every {@code sender.queue.housekeeping}: reads the pauses once, resumes
	 * organizations whose credentials were updated, and on the dispatcher thread expires
	 * queued messages, decides verifications whose window ended, reloads lanes from the
	 * table and wakes lanes that should be running.
	 */
	@Scheduled(fixedDelayString = "${sender.queue.housekeeping:250ms}")
	public Mono<Void> housekeeping() {
		// deferred: Spring invokes the method once and subscribes to its Mono on every
		// tick
		return Mono.defer(() -> this.pauses.ensureLoaded()
			.then(this.pauses.resumeUpdated())
			.doOnNext((resumed) -> this.loop.schedule(() -> housekeepNow(resumed)))
			.then());
	}

	/**
	 * How each lane of a number this instance owns sends right now, read on the
	 * dispatcher thread (the lanes' only thread); lanes of a number the directory does
	 * not know as their organization's are left out (they never call Meta).
	 */
	Mono<List<LaneState>> lanesNow() {
		return Mono.create((sink) -> {
			try {
				this.loop.schedule(() -> {
					long now = System.nanoTime();
					sink.success(this.lanes.values()
						.stream()
						.filter((lane) -> owned(lane.key) != null)
						.map((lane) -> new LaneState(lane.organizationId, lane.phoneNumberId,
								lane.queue.allowedRate(now), lane.queue.configuredRate(), lane.queue.size(),
								lane.queue.retrying()))
						.toList());
				});
			}
			catch (RejectedExecutionException ex) {
				// stopping: the dispatcher is gone, and so are the lanes
				sink.success(List.of());
			}
		});
	}

	// --- dispatcher thread ---

	private void enqueueNow(QueuedMessage message) {
		SendRequest request = message.request;
		Lane lane = lane(request.phoneNumberId(), request.organizationId(), message.partition);
		if (lane.queue.holds(message.id())) {
			return;
		}
		if (lane.spilled || lane.queue.size() >= this.queue.maxHeldPerNumber()) {
			// stays PENDING in the table; loaded when the lane has room
			lane.spilled = true;
			if (lane.reloading) {
				if (lane.admittedDuringLoad.size() < this.queue.maxHeldPerNumber()) {
					lane.admittedDuringLoad.add(message);
				}
				else {
					lane.missedDuringLoad = true;
				}
			}
			return;
		}
		message.queuedAt = System.nanoTime();
		lane.queue.offer(message);
		reschedule(lane);
	}

	/**
	 * The lane of the organization's number. Lanes are per organization and number, so a
	 * request naming another organization's number never joins that organization's lane
	 * (its pacing, its token): its own lane dead-letters it (see {@link #drain}).
	 */
	private Lane lane(String phoneNumberId, String organizationId, int partition) {
		Lane.Key key = new Lane.Key(organizationId, phoneNumberId);
		Lane lane = this.lanes.get(key);
		if (lane == null) {
			lane = new Lane(phoneNumberId, organizationId, partition, throughput(owned(key)), this.rateSettings);
			lane.registerGauges(this.metrics.registry(), this.metrics.organizationTag(organizationId, phoneNumberId));
			this.lanes.put(key, lane);
		}
		return lane;
	}

	/** The number's configuration, when the directory knows it as the organization's. */
	private @Nullable PhoneNumberConfigured owned(Lane.Key key) {
		return this.accounts.phoneNumber(key.phoneNumberId())
			.filter((configured) -> configured.organizationId().equals(key.organizationId()))
			.orElse(null);
	}

	private double throughput(@Nullable PhoneNumberConfigured number) {
		return (number != null && number.throughputPerSecond() > 0) ? number.throughputPerSecond()
				: this.rateLimit.defaultThroughput();
	}

	private void reschedule(Lane lane) {
		long now = System.nanoTime();
		long at = lane.queue.nextWakeUp(now);
		if (at == Lane.NEVER || this.lanes.get(lane.key) != lane) {
			return;
		}
		if (lane.wake != null && lane.wakeAt <= at) {
			return;
		}
		if (lane.wake != null) {
			lane.wake.dispose();
		}
		lane.wakeAt = at;
		lane.wake = this.loop.schedule(() -> drain(lane), Math.max(0, at - now), TimeUnit.NANOSECONDS);
	}

	private void drain(Lane lane) {
		lane.wake = null;
		lane.wakeAt = Lane.NEVER;
		if (this.lanes.get(lane.key) != lane || !this.directoryReady || !this.pauses.loaded()
				|| this.pauses.isPaused(lane.organizationId)) {
			// a resume (or the housekeeping after the directory and the pauses are
			// loaded) wakes the lane again
			return;
		}
		long now = System.nanoTime();
		Optional<PhoneNumberConfigured> configured = this.accounts.phoneNumber(lane.phoneNumberId);
		NumberOwnership ownership = NumberOwnership.of(lane.organizationId,
				configured.map(PhoneNumberConfigured::organizationId).orElse(null));
		// only the organization's own number is ever called; another organization's is
		// refused below, an unknown one waited for
		PhoneNumberConfigured number = (ownership == NumberOwnership.OWN) ? configured.get() : null;
		lane.registerGauges(this.metrics.registry(),
				(number != null) ? lane.organizationId : SendMetrics.UNKNOWN_ORGANIZATION);
		lane.queue.configure(throughput(number));
		int max = this.queue.maxPerWake();
		CircuitBreaker.State breaker = this.breakers.forNumber(lane.phoneNumberId).getState();
		boolean breakerClosed = breaker == CircuitBreaker.State.CLOSED || breaker == CircuitBreaker.State.DISABLED;
		// open: Meta is not called; half-open: one trial call per check
		int maxCalls = breakerClosed ? max : (breaker == CircuitBreaker.State.HALF_OPEN) ? 1 : 0;
		Instant wallNow = Instant.now();
		long due = lane.queue.callDueSince(now);
		List<QueuedMessage> calls = (maxCalls > 0) ? lane.queue.fire(now, maxCalls) : List.of();
		if (!calls.isEmpty()) {
			this.metrics.lateness(lane.organizationId, lane.phoneNumberId, Duration.ofNanos(Math.max(0, now - due)));
		}
		for (QueuedMessage message : calls) {
			if (message.expired(wallNow)) {
				submitVerdict(lane, message, "expire", this.sender.expire(message, MessageState.SENDING));
			}
			else if (number == null) {
				// back to PENDING: the next preparation waits for the number or refuses
				// it
				submitVerdict(lane, message, "unprepare",
						this.sender.unprepare(message,
								(ownership == NumberOwnership.FOREIGN)
										? ErrorInfo.reason("Business number of another organization",
												"The account directory knows the number as another organization's")
										: ErrorInfo.reason("Unknown business phone number",
												"The account directory lost the number")));
			}
			else {
				this.metrics.waited(lane.organizationId, lane.phoneNumberId, Duration.ofNanos(now - message.queuedAt));
				message.trial = breaker == CircuitBreaker.State.HALF_OPEN;
				call(lane, message, number);
			}
		}
		List<QueuedMessage> prepared = lane.queue.prepare(now, max);
		for (QueuedMessage message : prepared) {
			if (message.expired(wallNow)) {
				submitVerdict(lane, message, "expire", this.sender.expire(message, MessageState.PENDING));
			}
			else if (ownership == NumberOwnership.FOREIGN) {
				foreignNumber(lane, message);
			}
			else if (number == null) {
				unknownNumber(lane, message, now);
			}
			else {
				message.preparingSince = now;
				message.attemptStartedAt = wallNow;
				prepare(lane, message, number);
			}
		}
		lane.refreshGauges(now);
		if (!breakerClosed && lane.queue.staged() > 0) {
			scheduleAt(lane, now + this.retry.breakerWait().toNanos());
		}
		else if (calls.size() == max || prepared.size() == max) {
			scheduleAt(lane, now);
		}
		else {
			reschedule(lane);
		}
	}

	private void scheduleAt(Lane lane, long at) {
		if (lane.wake != null) {
			lane.wake.dispose();
		}
		lane.wakeAt = at;
		lane.wake = this.loop.schedule(() -> drain(lane), Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS);
	}

	private void prepare(Lane lane, QueuedMessage message, PhoneNumberConfigured number) {
		submit("prepare " + message.id(),
				this.sender.prepare(message, number).map((verdict) -> () -> apply(lane, message, verdict)),
				(ex) -> () -> requeue(lane, message,
						this.retry.backoff().delay(1, ThreadLocalRandom.current()::nextDouble), "database"));
	}

	private void call(Lane lane, QueuedMessage message, PhoneNumberConfigured number) {
		submit("send " + message.id(),
				this.sender.call(message, number).map((verdict) -> () -> apply(lane, message, verdict)),
				// the call may have happened: its outcome is verified like a crash
				(ex) -> () -> {
					startVerifying(lane, message, message.attemptStartedAt);
					reschedule(lane);
				});
	}

	private void unknownNumber(Lane lane, QueuedMessage message, long now) {
		decide(lane, message, "unknown_number", this.policy.unknownNumber(
				Duration.between(message.admittedAt, Instant.now()), DeadLetters.unknownNumber(message.request)));
	}

	private void decide(Lane lane, QueuedMessage message, String retryReason, RetryPolicy.Decision decision) {
		if (decision instanceof RetryPolicy.Decision.DeadLetter dead) {
			deadLetter(lane, message, dead.why(), dead.reason());
		}
		else if (decision instanceof RetryPolicy.Decision.Retry again) {
			requeue(lane, message, again.delay(), retryReason);
		}
	}

	/**
	 * The directory knows the lane's number as another organization's (it learnt the
	 * number after the message's admission, or the number moved): final, at once.
	 */
	private void foreignNumber(Lane lane, QueuedMessage message) {
		log.warn("Message {} of organization {} names business number {} of organization {}: dead-lettered",
				message.id(), lane.organizationId, lane.phoneNumberId,
				this.accounts.phoneNumber(lane.phoneNumberId).map(PhoneNumberConfigured::organizationId).orElse("?"));
		deadLetter(lane, message, DeadLetterReason.FOREIGN_NUMBER, DeadLetters.foreignNumber(message.request));
	}

	/** What the lane does after a piece of work on a message reported its verdict. */
	private void apply(Lane lane, QueuedMessage message, Verdict verdict) {
		long now = System.nanoTime();
		switch (verdict.kind()) {
			case ARMED -> {
				this.metrics.prepared(lane.organizationId, lane.phoneNumberId,
						Duration.ofNanos(now - message.preparingSince));
				lane.queue.armed(message.id(), now);
			}
			case ACCEPTED -> lane.queue.accepted(message.id());
			case DONE -> lane.queue.release(message.id());
			case RETRY -> failed(lane, message, verdict.reason());
			case THROTTLED -> {
				if (lane.queue.throttled(now)) {
					log.warn("Meta throttled business number {}: its rate is lowered to {} msg/s", lane.phoneNumberId,
							String.format("%.1f", lane.queue.allowedRate(now)));
				}
				deferred(lane, message, "throughput", verdict.reason(),
						() -> lane.queue.requeue(message.id(), now + this.retry.throughputRetryDelay().toNanos(), now));
			}
			case PAIR_LIMITED -> deferred(lane, message, "pair_limit", verdict.reason(),
					() -> lane.queue.pairLimited(message.id(), now));
			case PAUSED -> {
				this.metrics.retry(lane.organizationId, lane.phoneNumberId, "paused");
				lane.queue.requeue(message.id(), now, now);
			}
			case CIRCUIT_OPEN -> requeue(lane, message, this.retry.breakerWait(), "circuit_open");
			case UNCONFIRMED -> startVerifying(lane, message, message.attemptStartedAt);
			case REQUEUE -> requeue(lane, message, Duration.ZERO, "requeue");
		}
		lane.refreshGauges(now);
		if (lane.spilled) {
			reload(lane);
		}
		reschedule(lane);
	}

	/**
	 * A failed attempt, already counted on the message's row ({@code failures}): the
	 * limit holds across restarts.
	 */
	private void failed(Lane lane, QueuedMessage message, String reason) {
		message.failures++;
		decide(lane, message, "transient",
				this.policy.afterFailure(message.failures, reason, ThreadLocalRandom.current()::nextDouble));
	}

	private void deferred(Lane lane, QueuedMessage message, String kind, String reason, Runnable requeue) {
		message.deferrals++;
		RetryPolicy.Decision decision = this.policy.afterDeferral(message.deferrals, reason);
		if (decision instanceof RetryPolicy.Decision.DeadLetter dead) {
			deadLetter(lane, message, dead.why(), dead.reason());
			return;
		}
		// due when the limit allows: the lane knows when
		this.metrics.retry(lane.organizationId, lane.phoneNumberId, kind);
		requeue.run();
	}

	private void requeue(Lane lane, QueuedMessage message, Duration delay, String reason) {
		this.metrics.retry(lane.organizationId, lane.phoneNumberId, reason);
		long now = System.nanoTime();
		lane.queue.requeue(message.id(), now + delay.toNanos(), now);
		reschedule(lane);
	}

	private void deadLetter(Lane lane, QueuedMessage message, DeadLetterReason why, String reason) {
		submit("dead-letter " + message.id(), this.sender.deadLetter(message, why, reason).map((verdict) -> () -> {
			log.warn("Message {} dead-lettered: {}", message.id(), reason);
			apply(lane, message, verdict);
		}), (ex) -> () -> requeue(lane, message, this.retry.maxBackoff(), "dead_letter_failed"));
	}

	/**
	 * Holds the message until Meta's status decides its last call
	 * ({@link Verifications}).
	 */
	private void startVerifying(Lane lane, QueuedMessage message, @Nullable Instant attemptStartedAt) {
		this.verifications.start(lane, message, attemptStartedAt);
		// its outcome may take the whole window to learn: the call no longer waits on
		// Meta
		lane.queue.callEnded(message.id());
		this.metrics.retry(lane.organizationId, lane.phoneNumberId, "unconfirmed");
	}

	private void confirm(String messageId, String wamid) {
		Verifications.Entry entry = this.verifications.take(messageId);
		if (entry != null) {
			confirmed(entry, wamid);
		}
	}

	private void confirmed(Verifications.Entry entry, String wamid) {
		log.info("Message {} was confirmed by Meta's status: accepted without a second call", entry.message().id());
		submitVerdict(entry.lane(), entry.message(), "confirm", this.sender.confirm(entry.message(), wamid));
	}

	/**
	 * Decides the verifications whose window ended by one read back of
	 * {@code wa.status-events}: a message Meta confirmed there is accepted; one it did
	 * not is sent again. A read that fails decides nothing: they stay held, and it is
	 * tried again.
	 */
	private void verifyEnded(long now) {
		Verifications.ReadBack readBack = this.verifications.ended(now, Instant.now());
		if (readBack == null) {
			return;
		}
		submit("verify " + readBack.ids().size() + " message(s)",
				this.history.confirmations(readBack.ids(), readBack.from()).map((found) -> () -> {
					for (Verifications.Entry entry : this.verifications.decided(readBack)) {
						String wamid = found.get(entry.message().id());
						if (wamid != null) {
							confirmed(entry, wamid);
						}
						else {
							log.warn(
									"Message {}: Meta neither answered its call started at {} nor sent a status "
											+ "of it within {}; sending it again",
									entry.message().id(), entry.attemptStartedAt(), this.verification.grace());
							submitVerdict(entry.lane(), entry.message(), "unconfirmed",
									this.sender.unconfirmed(entry.message()));
						}
					}
				}), (ex) -> () -> {
					this.verifications.readFailed(System.nanoTime());
					log.warn("Could not read back wa.status-events for {} verification(s): {}; they wait",
							readBack.ids().size(), ex.toString());
				});
	}

	private void reload(Lane lane) {
		if (lane.reloading || !lane.spilled || lane.queue.size() > this.queue.reloadBelow()
				|| this.lanes.get(lane.key) != lane) {
			return;
		}
		lane.reloading = true;
		Instant takeOver = lane.takeOver;
		lane.takeOver = null;
		int limit = this.queue.maxHeldPerNumber();
		submit("reload " + lane.phoneNumberId,
				this.messages.unsent(lane.organizationId, lane.phoneNumberId, limit, takeOver != null)
					.collectList()
					.map((rows) -> () -> loaded(lane, rows, limit, takeOver)),
				(ex) -> () -> {
					lane.reloading = false;
					if (takeOver != null) {
						lane.takeOver(takeOver);
					}
					// still spilled: the next load finds them in the table
					lane.admittedDuringLoad.clear();
					lane.missedDuringLoad = false;
					log.warn("Could not load the unsent messages of number {}: {}", lane.phoneNumberId,
							ex.getMessage());
				});
	}

	/**
	 * Queues the loaded rows the lane does not hold; SENDING rows (loaded only to take
	 * them over) whose call started before {@code takeOver} are verified, later ones are
	 * in flight (a sweep read them while their outcome was being recorded).
	 */
	private void loaded(Lane lane, List<Messages.Unsent> rows, int limit, @Nullable Instant takeOver) {
		lane.reloading = false;
		boolean left = false;
		for (Messages.Unsent row : rows) {
			QueuedMessage message = new QueuedMessage(row.request(), row.partition(), row.offset(),
					(row.createdAt() != null) ? row.createdAt() : Instant.now(), row.traceparent());
			message.failures = row.failures();
			if (row.state() == MessageState.SENDING) {
				if (takeOver != null && (row.attemptStartedAt() == null || row.attemptStartedAt().isBefore(takeOver))
						&& lane.queue.holdOut(message)) {
					startVerifying(lane, message, row.attemptStartedAt());
				}
			}
			else {
				left |= !offerLoaded(lane, message, limit);
			}
		}
		for (QueuedMessage message : lane.admittedDuringLoad) {
			left |= !offerLoaded(lane, message, limit);
		}
		// rows left for want of room keep the lane spilled: nothing else would load them
		if (rows.size() < limit && !left && !lane.missedDuringLoad) {
			lane.spilled = false;
		}
		lane.admittedDuringLoad.clear();
		lane.missedDuringLoad = false;
		reschedule(lane);
	}

	/** Queues a loaded message unless the lane holds it; false if there was no room. */
	private boolean offerLoaded(Lane lane, QueuedMessage message, int limit) {
		if (lane.queue.holds(message.id())) {
			return true;
		}
		if (lane.queue.size() >= limit) {
			return false;
		}
		message.queuedAt = System.nanoTime();
		lane.queue.offer(message);
		return true;
	}

	private void housekeepNow(List<String> resumed) {
		long now = System.nanoTime();
		Instant wallNow = Instant.now();
		for (Lane lane : List.copyOf(this.lanes.values())) {
			if (resumed.contains(lane.organizationId)) {
				lane.spilled = true;
			}
			for (QueuedMessage expired : lane.queue.removeIf((message) -> message.expired(wallNow))) {
				lane.queue.holdOut(expired);
				submitVerdict(lane, expired, "expire", this.sender.expire(expired, MessageState.PENDING));
			}
			lane.queue.prune(now);
			lane.registerGauges(this.metrics.registry(),
					this.metrics.organizationTag(lane.organizationId, lane.phoneNumberId));
			lane.refreshGauges(now);
			reload(lane);
			if (lane.wake == null && !this.pauses.isPaused(lane.organizationId)) {
				reschedule(lane);
			}
		}
		verifyEnded(now);
	}

	/** The directory has read {@code wa.accounts}: lanes may send. */
	private void directoryReady() {
		this.directoryReady = true;
		log.info("The account directory has read wa.accounts: dispatch starts");
		this.lanes.values().forEach(this::reschedule);
	}

	private void submitVerdict(Lane lane, QueuedMessage message, String what, Mono<Verdict> work) {
		submit(what + " " + message.id(), work.map((verdict) -> () -> apply(lane, message, verdict)),
				(ex) -> () -> requeue(lane, message,
						this.retry.backoff()
							.delay(Math.max(1, message.failures), ThreadLocalRandom.current()::nextDouble),
						"database"));
	}

	private void submit(String what, Mono<Runnable> work, Function<Throwable, Runnable> recover) {
		this.jobs.emitNext(new Job(what, work, recover), Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
	}

	/**
	 * Runs one job and hands its continuation to the dispatcher thread. The fault
	 * barrier: a job that fails (a database outage, a bug) is logged and recovered by its
	 * own recovery, so the pipeline keeps running.
	 */
	private Mono<Void> execute(Job job) {
		return job.work().materialize().map((signal) -> {
			if (signal.hasValue()) {
				return signal.get();
			}
			Throwable failure = signal.getThrowable();
			if (failure != null) {
				log.error("Sender job '{}' failed: {}", job.what(), failure.toString(), failure);
				return job.recover().apply(failure);
			}
			return (Runnable) () -> {
			};
		}).doOnNext(this.loop::schedule).then();
	}

	// --- lifecycle ---

	@Override
	public void start() {
		this.pipeline.start();
	}

	@Override
	public void stop() {
		this.pipeline.stop();
		this.loop.dispose();
	}

	@Override
	public boolean isRunning() {
		return this.pipeline.isRunning();
	}

	/** Before the Kafka listener containers start, after they stop. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 200;
	}

	/**
	 * A lane's sending state: its rate now and as configured, the messages it holds
	 * (queued, waiting for tokens, in a call or being verified) and those of them waiting
	 * for a retry.
	 */
	record LaneState(String organizationId, String phoneNumberId, double allowedPerSecond, double limitPerSecond,
			int held, int retrying) {
	}

	private record Job(String what, Mono<Runnable> work, Function<Throwable, Runnable> recover) {
	}

}
