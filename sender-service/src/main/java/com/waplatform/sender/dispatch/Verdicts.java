package com.waplatform.sender.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.sender.domain.DeadLetterReason;
import com.waplatform.sender.domain.RetryPolicy;
import com.waplatform.support.accounts.AccountDirectory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Applies what became of a piece of work on a message ({@link Verdict}) to its lane, on
 * the dispatcher thread: retry with backoff or dead-letter ({@link RetryPolicy}),
 * throttle the number, hold the recipient, wait out a pause or an open breaker, or hold
 * the message until Meta's status decides its last call ({@link Verifications}).
 */
final class Verdicts {

	private static final Logger log = LoggerFactory.getLogger(Verdicts.class);

	private final Dispatcher dispatcher;

	private final MessageWork work;

	private final StatusHistory history;

	private final AccountDirectory accounts;

	private final SendMetrics metrics;

	private final RetryProperties retry;

	private final RetryPolicy policy;

	private final Verifications verifications;

	private final VerificationProperties verification;

	/** Sets the lane's next wake-up ({@link DispatchLoop#reschedule}). */
	private final Consumer<Lane> reschedule;

	/** Loads the lane's messages left in the table ({@link LaneOwnership#reload}). */
	private final Consumer<Lane> reload;

	Verdicts(Dispatcher dispatcher, MessageWork work, StatusHistory history, AccountDirectory accounts,
			SendMetrics metrics, RetryProperties retry, Verifications verifications,
			VerificationProperties verification, Consumer<Lane> reschedule, Consumer<Lane> reload) {
		this.dispatcher = dispatcher;
		this.work = work;
		this.history = history;
		this.accounts = accounts;
		this.metrics = metrics;
		this.retry = retry;
		this.policy = retry.policy();
		this.verifications = verifications;
		this.verification = verification;
		this.reschedule = reschedule;
		this.reload = reload;
	}

	/** What the lane does after a piece of work on a message reported its verdict. */
	void apply(Lane lane, QueuedMessage message, Verdict verdict) {
		long now = System.nanoTime();
		switch (verdict.kind()) {
			case ARMED -> {
				this.metrics.prepared(lane.organizationId(), lane.phoneNumberId(),
						Duration.ofNanos(now - message.preparingSince));
				lane.queue().armed(message.id(), now);
			}
			case ACCEPTED -> lane.queue().accepted(message.id());
			case DONE -> lane.queue().release(message.id());
			case RETRY -> failed(lane, message, verdict.reason());
			case THROTTLED -> {
				if (lane.queue().throttled(now)) {
					log.warn("Meta throttled business number {}: its rate is lowered to {} msg/s", lane.phoneNumberId(),
							String.format("%.1f", lane.queue().allowedRate(now)));
				}
				deferred(lane, message, "throughput", verdict.reason(), () -> lane.queue()
					.requeue(message.id(), now + this.retry.throughputRetryDelay().toNanos(), now));
			}
			case PAIR_LIMITED -> deferred(lane, message, "pair_limit", verdict.reason(),
					() -> lane.queue().pairLimited(message.id(), now));
			case PAUSED -> {
				this.metrics.retry(lane.organizationId(), lane.phoneNumberId(), "paused");
				lane.queue().requeue(message.id(), now, now);
			}
			case CIRCUIT_OPEN -> requeue(lane, message, this.retry.breakerWait(), "circuit_open");
			case UNCONFIRMED -> startVerifying(lane, message, message.attemptStartedAt);
			case REQUEUE -> requeue(lane, message, Duration.ZERO, "requeue");
		}
		lane.refreshGauges(now);
		if (lane.spilled()) {
			this.reload.accept(lane);
		}
		this.reschedule.accept(lane);
	}

	/** Submits work on the message whose verdict its lane then applies. */
	void submitVerdict(Lane lane, QueuedMessage message, String what, Mono<Verdict> work) {
		this.dispatcher.submit(what + " " + message.id(), work.map((verdict) -> () -> apply(lane, message, verdict)),
				(ex) -> () -> requeue(lane, message,
						this.retry.backoff()
							.delay(Math.max(1, message.failures), ThreadLocalRandom.current()::nextDouble),
						"database"));
	}

	void unknownNumber(Lane lane, QueuedMessage message) {
		decide(lane, message, "unknown_number", this.policy.unknownNumber(
				Duration.between(message.admittedAt, Instant.now()), DeadLetters.unknownNumber(message.request)));
	}

	/**
	 * The directory knows the lane's number as another organization's (it learnt the
	 * number after the message's admission, or the number moved): final, at once.
	 */
	void foreignNumber(Lane lane, QueuedMessage message) {
		log.warn("Message {} of organization {} names business number {} of organization {}: dead-lettered",
				message.id(), lane.organizationId(), lane.phoneNumberId(),
				this.accounts.phoneNumber(lane.phoneNumberId()).map(PhoneNumberConfigured::organizationId).orElse("?"));
		deadLetter(lane, message, DeadLetterReason.FOREIGN_NUMBER, DeadLetters.foreignNumber(message.request));
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
		this.metrics.retry(lane.organizationId(), lane.phoneNumberId(), kind);
		requeue.run();
	}

	void requeue(Lane lane, QueuedMessage message, Duration delay, String reason) {
		this.metrics.retry(lane.organizationId(), lane.phoneNumberId(), reason);
		long now = System.nanoTime();
		lane.queue().requeue(message.id(), now + delay.toNanos(), now);
		this.reschedule.accept(lane);
	}

	private void deadLetter(Lane lane, QueuedMessage message, DeadLetterReason why, String reason) {
		this.dispatcher.submit("dead-letter " + message.id(),
				this.work.deadLetter(message, why, reason).map((verdict) -> () -> {
					log.warn("Message {} dead-lettered: {}", message.id(), reason);
					apply(lane, message, verdict);
				}), (ex) -> () -> requeue(lane, message, this.retry.maxBackoff(), "dead_letter_failed"));
	}

	// --- verification of calls without a known outcome ---

	/**
	 * Holds the message until Meta's status decides its last call
	 * ({@link Verifications}).
	 */
	void startVerifying(Lane lane, QueuedMessage message, @Nullable Instant attemptStartedAt) {
		startVerifying(lane, message, attemptStartedAt, false);
	}

	/**
	 * Holds the message whose call an earlier process made: the topic is read back for it
	 * at once, then, if that finds nothing, at the end of its window.
	 */
	void takeOverVerifying(Lane lane, QueuedMessage message, @Nullable Instant attemptStartedAt) {
		startVerifying(lane, message, attemptStartedAt, true);
	}

	private void startVerifying(Lane lane, QueuedMessage message, @Nullable Instant attemptStartedAt,
			boolean takenOver) {
		this.verifications.start(lane, message, attemptStartedAt, takenOver);
		// its outcome may take the whole window to learn: the call no longer waits on
		// Meta
		lane.queue().callEnded(message.id());
		this.metrics.retry(lane.organizationId(), lane.phoneNumberId(), "unconfirmed");
	}

	/** A status of the message arrived: it is accepted, if it is being verified. */
	void confirm(String messageId, String wamid) {
		Verifications.Entry entry = this.verifications.take(messageId);
		if (entry != null) {
			confirmed(entry, wamid);
		}
	}

	private void confirmed(Verifications.Entry entry, String wamid) {
		log.info("Message {} was confirmed by Meta's status: accepted without a second call", entry.message().id());
		submitVerdict(entry.lane(), entry.message(), "confirm", this.work.confirm(entry.message(), wamid));
	}

	/**
	 * Decides the verifications whose window ended by one read back of
	 * {@code wa.status-events}: a message Meta confirmed there is accepted; one it did
	 * not is sent again. A read that fails decides nothing: they stay held, and it is
	 * tried again.
	 */
	void verifyEnded(long now) {
		Verifications.ReadBack readBack = this.verifications.ended(now, Instant.now());
		if (readBack == null) {
			return;
		}
		this.dispatcher.submit("verify " + readBack.ids().size() + " message(s)",
				this.history.confirmations(readBack.ids(), readBack.from()).map((found) -> () -> {
					for (Verifications.Entry entry : this.verifications.decided(readBack)) {
						String wamid = found.get(entry.message().id());
						if (wamid != null) {
							confirmed(entry, wamid);
						}
						else if (entry.windowRunning(Instant.now())) {
							// taken over, nothing on the topic yet: its window goes on
							this.verifications.start(entry.lane(), entry.message(), entry.attemptStartedAt(), false);
						}
						else {
							log.warn(
									"Message {}: Meta neither answered its call started at {} nor sent a status "
											+ "of it within {}; sending it again",
									entry.message().id(), entry.attemptStartedAt(), this.verification.grace());
							submitVerdict(entry.lane(), entry.message(), "unconfirmed",
									this.work.unconfirmed(entry.message()));
						}
					}
				}), (ex) -> () -> {
					this.verifications.readFailed(System.nanoTime());
					log.warn("Could not read back wa.status-events for {} verification(s): {}; they wait",
							readBack.ids().size(), ex.toString());
				});
	}

}
