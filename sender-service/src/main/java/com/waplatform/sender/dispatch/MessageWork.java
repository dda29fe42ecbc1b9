package com.waplatform.sender.dispatch;

import java.time.Instant;
import java.util.Objects;

import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.conversation.ServiceWindow;
import com.waplatform.common.message.ErrorInfo;
import com.waplatform.common.message.SendRequest;
import com.waplatform.sender.domain.DeadLetterReason;
import com.waplatform.sender.domain.ErrorClassifier;
import com.waplatform.sender.domain.MessageState;
import com.waplatform.sender.domain.MetaError;
import com.waplatform.sender.domain.Reaction;
import com.waplatform.sender.domain.RetryPolicy;
import com.waplatform.sender.domain.SendOutcome;
import com.waplatform.sender.domain.TemplateDecision;
import com.waplatform.sender.meta.MetaCircuitBreakers;
import com.waplatform.sender.meta.MetaReply;
import com.waplatform.sender.store.Messages;
import com.waplatform.sender.store.MicroBatcher;
import com.waplatform.sender.templates.TemplateRechecks;
import com.waplatform.sender.windows.WindowChecks;
import com.waplatform.support.tracing.TraceContexts;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The database and Meta work on one message, each step recorded before the next: the row
 * is marked SENDING before the call, and the call's outcome is recorded (final, or back
 * to PENDING with the reason) before the lane decides what comes next. Emits a
 * {@link Verdict} for the lane.
 */
@Component
class MessageWork {

	static final String SEND_SPAN = "whatsapp.message.send";

	private final Messages messages;

	private final MicroBatcher<Messages.MessageKey, Boolean> sendingMarks;

	private final MicroBatcher<Messages.Acceptance, Boolean> acceptances;

	private final Outcomes outcomes;

	private final MetaCall metaCall;

	private final OrganizationPauses pauses;

	private final DeadLetters deadLetters;

	private final TemplateRechecks templates;

	private final WindowChecks windows;

	private final SendMetrics metrics;

	private final TraceContexts traces;

	private final MetaCircuitBreakers breakers;

	MessageWork(Messages messages, MicroBatcher<Messages.MessageKey, Boolean> sendingMarks,
			MicroBatcher<Messages.Acceptance, Boolean> acceptances, Outcomes outcomes, MetaCall metaCall,
			OrganizationPauses pauses, DeadLetters deadLetters, TemplateRechecks templates, WindowChecks windows,
			SendMetrics metrics, TraceContexts traces, MetaCircuitBreakers breakers) {
		this.messages = messages;
		this.sendingMarks = sendingMarks;
		this.acceptances = acceptances;
		this.outcomes = outcomes;
		this.metaCall = metaCall;
		this.pauses = pauses;
		this.deadLetters = deadLetters;
		this.templates = templates;
		this.windows = windows;
		this.metrics = metrics;
		this.traces = traces;
		this.breakers = breakers;
	}

	/**
	 * Prepares the message's call: a template message is re-checked against the latest
	 * template snapshot (one it refuses fails without being marked SENDING or calling
	 * Meta), then the row is marked SENDING. {@link Verdict.Kind#ARMED}: ready for its
	 * call. Meanwhile the recipient's 24-hour window is loaded if it is not cached, so
	 * that its check at the call costs no I/O.
	 */
	Mono<Verdict> prepare(QueuedMessage message, PhoneNumberConfigured number) {
		SendRequest request = message.request;
		return Mono.defer(() -> {
			TemplateDecision template = this.templates.check(request, number);
			if (template.refused()) {
				return this.outcomes.refuseTemplate(request, template, TemplateRechecks.Stage.DISPATCH)
					.thenReturn(new Verdict(Verdict.Kind.DONE, "template refused: " + template.error()));
			}
			Messages.MessageKey key = new Messages.MessageKey(request.organizationId(), request.messageId());
			return this.sendingMarks.submit(key)
				.zipWith(this.windows.preload(request).thenReturn(true), (marked, loaded) -> marked)
				.map((marked) -> marked ? Verdict.of(Verdict.Kind.ARMED)
						: new Verdict(Verdict.Kind.DONE, "no longer pending"));
		});
	}

	/**
	 * Calls Meta for a message marked SENDING and records the outcome. A free-form
	 * message whose recipient's 24-hour window closed while it waited is failed with
	 * Meta's 131047 instead, without a call ({@link WindowChecks}). The call and its
	 * outcome are a span ({@value #SEND_SPAN}) in the trace the send request arrived in:
	 * the request to Meta carries it on ({@code traceparent}), and so do the message's
	 * status events.
	 */
	Mono<Verdict> call(QueuedMessage message, PhoneNumberConfigured number) {
		SendRequest request = message.request;
		return this.traces.continued(SEND_SPAN, message.traceparent, this.windows.check(request).flatMap((refusal) -> {
			if (refusal.isPresent()) {
				return refuseOutsideWindow(request, refusal.get());
			}
			return this.metaCall.call(number, request)
				.flatMap((reply) -> afterCall(request, number, reply, message.trial));
		}));
	}

	private Mono<Verdict> refuseOutsideWindow(SendRequest request, ErrorInfo refusal) {
		return this.outcomes.finish(request, SendOutcome.failed(refusal), MessageState.SENDING).map((changed) -> {
			if (changed) {
				this.metrics.windowRefused(request.organizationId(), request.phoneNumberId());
			}
			return new Verdict(Verdict.Kind.DONE, "outside the 24-hour window");
		});
	}

	/**
	 * Puts a message marked SENDING back to PENDING without calling Meta (the directory
	 * no longer knows its number as its organization's).
	 */
	Mono<Verdict> unprepare(QueuedMessage message, ErrorInfo why) {
		return release(message.request, -1, 0, why, Verdict.of(Verdict.Kind.REQUEUE));
	}

	/**
	 * Records what the call's answer means for the message. A failure counts towards the
	 * message's retry limit only when the number's circuit breaker was closed for the
	 * call and still is: a half-open trial that fails, or a failure that opens the
	 * breaker, is an outage of Meta, not a fault of the message, and the message waits
	 * for Meta to come back (or for its expiry).
	 */
	private Mono<Verdict> afterCall(SendRequest request, PhoneNumberConfigured number, MetaReply reply, boolean trial) {
		if (reply instanceof MetaReply.Accepted accepted) {
			// the acceptance is written in a batch of several messages: it takes its
			// trace along
			return Mono
				.deferContextual((context) -> this.acceptances
					.submit(new Messages.Acceptance(request, accepted.wamid(), this.traces.current(context))))
				.map((recorded) -> recorded ? Verdict.of(Verdict.Kind.ACCEPTED)
						: new Verdict(Verdict.Kind.DONE, "completed concurrently"));
		}
		if (reply instanceof MetaReply.Refused refused) {
			return refused(request, number, refused.error(), trial);
		}
		if (reply instanceof MetaReply.Unavailable unavailable) {
			if (unavailable.failure().ambiguous()) {
				// the row stays SENDING until Meta's status or the verification window
				// decides
				return Mono.just(new Verdict(Verdict.Kind.UNCONFIRMED, unavailable.failure().getMessage()));
			}
			return retry(request, number, trial,
					ErrorInfo.reason("Meta unavailable", unavailable.failure().getMessage()),
					unavailable.failure().getMessage());
		}
		return release(request, -1, 0, ErrorInfo.reason("Meta unavailable", "circuit breaker open"),
				Verdict.of(Verdict.Kind.CIRCUIT_OPEN));
	}

	/**
	 * A transient failure: a failed attempt of the message, unless Meta is out (see
	 * {@link #afterCall}); then it waits like a message whose breaker is open.
	 */
	private Mono<Verdict> retry(SendRequest request, PhoneNumberConfigured number, boolean trial, ErrorInfo why,
			String reason) {
		if (!RetryPolicy.countsAsAttempt(trial, this.breakers.closed(number.phoneNumberId()))) {
			return release(request, 0, 0, why, new Verdict(Verdict.Kind.CIRCUIT_OPEN, "Meta outage: " + reason));
		}
		return release(request, 0, 1, why, new Verdict(Verdict.Kind.RETRY, reason));
	}

	private Mono<Verdict> refused(SendRequest request, PhoneNumberConfigured number, MetaError error, boolean trial) {
		Reaction reaction = Reaction.to(ErrorClassifier.classify(error));
		return switch (reaction) {
			case FAIL -> windowClosedBy(request, error).then(this.outcomes.finish(request,
					SendOutcome.failed(ErrorClassifier.failureReason(error)), MessageState.SENDING))
				.thenReturn(new Verdict(Verdict.Kind.DONE, error.toString()));
			case PAUSE_ORGANIZATION -> this.messages
				.release(request.organizationId(), request.messageId(), 0, 0, error.toErrorInfo())
				.then(this.pauses.pause(number, error.toErrorInfo()))
				.map((paused) -> new Verdict(paused ? Verdict.Kind.PAUSED : Verdict.Kind.REQUEUE, error.toString()));
			case SLOW_DOWN_NUMBER ->
				release(request, 0, 0, error.toErrorInfo(), new Verdict(Verdict.Kind.THROTTLED, error.toString()));
			case HOLD_RECIPIENT ->
				release(request, 0, 0, error.toErrorInfo(), new Verdict(Verdict.Kind.PAIR_LIMITED, error.toString()));
			case RETRY_WITH_BACKOFF -> retry(request, number, trial, error.toErrorInfo(), error.toString());
		};
	}

	/**
	 * Meta's 131047 closes the recipient's window as of now: the next free-form message
	 * to them is refused without a call, until they write again.
	 */
	private Mono<Void> windowClosedBy(SendRequest request, MetaError error) {
		if (!ServiceWindow.closedBy(error.code()) || request.message().isMarkRead()) {
			return Mono.empty();
		}
		return this.windows.closedByMeta(request, Instant.now());
	}

	private Mono<Verdict> release(SendRequest request, int attemptsDelta, int failuresDelta, ErrorInfo why,
			Verdict verdict) {
		return this.messages.release(request.organizationId(), request.messageId(), attemptsDelta, failuresDelta, why)
			.map((released) -> released ? verdict : new Verdict(Verdict.Kind.DONE, "completed concurrently"));
	}

	/**
	 * Expires a message that is queued ({@code from} PENDING) or prepared but not called
	 * (SENDING); never sent late.
	 */
	Mono<Verdict> expire(QueuedMessage message, MessageState from) {
		SendRequest request = message.request;
		return this.outcomes.finish(request, SendOutcome.expired(Objects.requireNonNull(request.expiresAt())), from)
			.thenReturn(new Verdict(Verdict.Kind.DONE, "expired"));
	}

	/**
	 * Publishes the request to the dead-letter topic and marks it DEAD_LETTERED
	 * ({@link DeadLetters}).
	 */
	Mono<Verdict> deadLetter(QueuedMessage message, DeadLetterReason why, String reason) {
		return this.deadLetters.deadLetter(message.request, message.partition, message.offset, why, reason)
			.thenReturn(new Verdict(Verdict.Kind.DONE, "dead-lettered: " + reason));
	}

	/**
	 * Meta confirmed a message whose call had no recorded outcome (a status webhook
	 * arrived): it is accepted, without a second call.
	 */
	Mono<Verdict> confirm(QueuedMessage message, String wamid) {
		return this.outcomes
			.finish(message.request, SendOutcome.accepted(wamid.isEmpty() ? null : wamid), MessageState.SENDING)
			.thenReturn(Verdict.of(Verdict.Kind.ACCEPTED));
	}

	/**
	 * No status of Meta confirmed the message within the verification window (counted
	 * from its call's start, read from {@code wa.status-events} after the window ended):
	 * Meta did not take it, so it is released to be sent again, a failed attempt.
	 */
	Mono<Verdict> unconfirmed(QueuedMessage message) {
		SendRequest request = message.request;
		ErrorInfo why = ErrorInfo.reason("Unconfirmed", "No answer or status from Meta for the last call");
		return this.messages.release(request.organizationId(), request.messageId(), 0, 1, why).flatMap((released) -> {
			if (released) {
				return Mono.just(new Verdict(Verdict.Kind.RETRY, "not confirmed by Meta"));
			}
			return this.messages.state(request.organizationId(), request.messageId())
				.map((state) -> (state == MessageState.PENDING) ? Verdict.of(Verdict.Kind.REQUEUE)
						: new Verdict(Verdict.Kind.DONE, state.name()))
				.defaultIfEmpty(new Verdict(Verdict.Kind.DONE, "unknown"));
		});
	}

}
