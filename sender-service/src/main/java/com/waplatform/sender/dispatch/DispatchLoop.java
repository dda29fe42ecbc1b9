package com.waplatform.sender.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.message.ErrorInfo;
import com.waplatform.sender.domain.MessageState;
import com.waplatform.sender.domain.NumberOwnership;
import com.waplatform.sender.meta.MetaCircuitBreakers;
import com.waplatform.support.accounts.AccountDirectory;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the lanes on the dispatcher thread: a lane wakes exactly when its next message
 * may go (throughput token, a recipient's pair token, a retry due) and hands its due
 * messages to the work pipeline, to be prepared (recorded SENDING) or called, as many
 * calls as the number's circuit breaker lets through. Nothing is drained before the
 * account directory has read {@code wa.accounts} (a message of a number it has not read
 * yet would be taken for one of an unknown number) and the pauses are loaded, nor for a
 * paused organization. Housekeeping expires queued messages, reloads lanes, decides ended
 * verifications and wakes lanes that should be running.
 */
final class DispatchLoop {

	private static final Logger log = LoggerFactory.getLogger(DispatchLoop.class);

	private final Dispatcher dispatcher;

	private final LaneOwnership ownership;

	private final Verdicts verdicts;

	private final MessageWork work;

	private final AccountDirectory accounts;

	private final MetaCircuitBreakers breakers;

	private final OrganizationPauses pauses;

	private final SendMetrics metrics;

	private final QueueProperties queue;

	private final RetryProperties retry;

	/** The account directory has read {@code wa.accounts} to its end once. */
	private boolean directoryReady;

	DispatchLoop(Dispatcher dispatcher, LaneOwnership ownership, Verdicts verdicts, MessageWork work,
			AccountDirectory accounts, MetaCircuitBreakers breakers, OrganizationPauses pauses, SendMetrics metrics,
			QueueProperties queue, RetryProperties retry) {
		this.dispatcher = dispatcher;
		this.ownership = ownership;
		this.verdicts = verdicts;
		this.work = work;
		this.accounts = accounts;
		this.breakers = breakers;
		this.pauses = pauses;
		this.metrics = metrics;
		this.queue = queue;
		this.retry = retry;
	}

	/**
	 * Sets the lane's wake-up for when its next message may go, unless one is set
	 * earlier.
	 */
	void reschedule(Lane lane) {
		long now = System.nanoTime();
		long at = lane.queue().nextWakeUp(now);
		if (at == Lane.NEVER || lane.dropped() || lane.wakesBy(at)) {
			return;
		}
		lane.wakeAt(at,
				(when) -> this.dispatcher.runAfter(() -> drain(lane), Math.max(0, when - now), TimeUnit.NANOSECONDS));
	}

	private void scheduleAt(Lane lane, long at) {
		lane.wakeAt(at, (when) -> this.dispatcher.runAfter(() -> drain(lane), Math.max(0, when - System.nanoTime()),
				TimeUnit.NANOSECONDS));
	}

	private void drain(Lane lane) {
		lane.woke();
		if (lane.dropped() || !this.directoryReady || !this.pauses.loaded()
				|| this.pauses.isPaused(lane.organizationId())) {
			// a resume (or the housekeeping after the directory and the pauses are
			// loaded) wakes the lane again
			return;
		}
		long now = System.nanoTime();
		Optional<PhoneNumberConfigured> configured = this.accounts.phoneNumber(lane.phoneNumberId());
		NumberOwnership ownership = NumberOwnership.of(lane.organizationId(),
				configured.map(PhoneNumberConfigured::organizationId).orElse(null));
		// only the organization's own number is ever called; another organization's is
		// refused below, an unknown one waited for
		PhoneNumberConfigured number = (ownership == NumberOwnership.OWN) ? configured.get() : null;
		lane.registerGauges(this.metrics.registry(),
				(number != null) ? lane.organizationId() : SendMetrics.UNKNOWN_ORGANIZATION);
		lane.queue().configure(this.ownership.throughput(number));
		int max = this.queue.maxPerWake();
		CircuitBreaker.State breaker = this.breakers.forNumber(lane.phoneNumberId()).getState();
		boolean breakerClosed = breaker == CircuitBreaker.State.CLOSED || breaker == CircuitBreaker.State.DISABLED;
		// open: Meta is not called; half-open: one trial call per check
		int maxCalls = breakerClosed ? max : (breaker == CircuitBreaker.State.HALF_OPEN) ? 1 : 0;
		Instant wallNow = Instant.now();
		long due = lane.queue().callDueSince(now);
		List<QueuedMessage> calls = (maxCalls > 0) ? lane.queue().fire(now, maxCalls) : List.of();
		if (!calls.isEmpty()) {
			this.metrics.lateness(lane.organizationId(), lane.phoneNumberId(),
					Duration.ofNanos(Math.max(0, now - due)));
		}
		for (QueuedMessage message : calls) {
			if (message.expired(wallNow)) {
				this.verdicts.submitVerdict(lane, message, "expire", this.work.expire(message, MessageState.SENDING));
			}
			else if (number == null) {
				// back to PENDING: the next preparation waits for the number or refuses
				// it
				this.verdicts.submitVerdict(lane, message, "unprepare",
						this.work.unprepare(message,
								(ownership == NumberOwnership.FOREIGN)
										? ErrorInfo.reason("Business number of another organization",
												"The account directory knows the number as another organization's")
										: ErrorInfo.reason("Unknown business phone number",
												"The account directory lost the number")));
			}
			else {
				this.metrics.waited(lane.organizationId(), lane.phoneNumberId(),
						Duration.ofNanos(now - message.queuedAt));
				message.trial = breaker == CircuitBreaker.State.HALF_OPEN;
				call(lane, message, number);
			}
		}
		List<QueuedMessage> prepared = lane.queue().prepare(now, max);
		for (QueuedMessage message : prepared) {
			if (message.expired(wallNow)) {
				this.verdicts.submitVerdict(lane, message, "expire", this.work.expire(message, MessageState.PENDING));
			}
			else if (ownership == NumberOwnership.FOREIGN) {
				this.verdicts.foreignNumber(lane, message);
			}
			else if (number == null) {
				this.verdicts.unknownNumber(lane, message);
			}
			else {
				message.preparingSince = now;
				message.attemptStartedAt = wallNow;
				prepare(lane, message, number);
			}
		}
		lane.refreshGauges(now);
		if (!breakerClosed && lane.queue().staged() > 0) {
			scheduleAt(lane, now + this.retry.breakerWait().toNanos());
		}
		else if (calls.size() == max || prepared.size() == max) {
			scheduleAt(lane, now);
		}
		else {
			reschedule(lane);
		}
	}

	private void prepare(Lane lane, QueuedMessage message, PhoneNumberConfigured number) {
		this.dispatcher.submit("prepare " + message.id(),
				this.work.prepare(message, number).map((verdict) -> () -> this.verdicts.apply(lane, message, verdict)),
				(ex) -> () -> this.verdicts.requeue(lane, message,
						this.retry.backoff().delay(1, ThreadLocalRandom.current()::nextDouble), "database"));
	}

	private void call(Lane lane, QueuedMessage message, PhoneNumberConfigured number) {
		this.dispatcher.submit("send " + message.id(),
				this.work.call(message, number).map((verdict) -> () -> this.verdicts.apply(lane, message, verdict)),
				// the call may have happened: its outcome is verified like a crash
				(ex) -> () -> {
					this.verdicts.startVerifying(lane, message, message.attemptStartedAt);
					reschedule(lane);
				});
	}

	/**
	 * Expires queued messages, reloads lanes, wakes lanes that should be running (a lane
	 * of an organization just resumed is reloaded first) and decides verifications whose
	 * window ended.
	 */
	void housekeep(List<String> resumed) {
		long now = System.nanoTime();
		Instant wallNow = Instant.now();
		for (Lane lane : this.ownership.lanes()) {
			if (resumed.contains(lane.organizationId())) {
				lane.spill();
			}
			for (QueuedMessage expired : lane.queue().removeIf((message) -> message.expired(wallNow))) {
				lane.queue().holdOut(expired);
				this.verdicts.submitVerdict(lane, expired, "expire", this.work.expire(expired, MessageState.PENDING));
			}
			lane.queue().prune(now);
			lane.registerGauges(this.metrics.registry(),
					this.metrics.organizationTag(lane.organizationId(), lane.phoneNumberId()));
			lane.refreshGauges(now);
			this.ownership.reload(lane);
			if (!lane.hasWake() && !this.pauses.isPaused(lane.organizationId())) {
				reschedule(lane);
			}
		}
		this.verdicts.verifyEnded(now);
	}

	/** The directory has read {@code wa.accounts}: lanes may send. */
	void directoryReady() {
		this.directoryReady = true;
		log.info("The account directory has read wa.accounts: dispatch starts");
		this.ownership.lanes().forEach(this::reschedule);
	}

}
