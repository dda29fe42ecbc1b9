package com.waplatform.sender.admission;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.message.SendRequest;
import com.waplatform.sender.dispatch.DeadLetters;
import com.waplatform.sender.dispatch.Outcomes;
import com.waplatform.sender.dispatch.SendEngine;
import com.waplatform.sender.dispatch.SendMetrics;
import com.waplatform.sender.domain.Admission;
import com.waplatform.sender.domain.DeadLetterReason;
import com.waplatform.sender.domain.MessageState;
import com.waplatform.sender.domain.NumberOwnership;
import com.waplatform.sender.domain.SendOutcome;
import com.waplatform.sender.domain.TemplateDecision;
import com.waplatform.sender.store.Messages;
import com.waplatform.sender.store.MicroBatcher;
import com.waplatform.sender.templates.TemplateRechecks;
import com.waplatform.support.accounts.AccountDirectory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Admits one send request: records the message once (with the request, so the table is
 * the durable queue), skips redeliveries of final or dead-lettered messages, expires late
 * ones, verifies ones whose last call has no recorded outcome, dead-letters ones naming a
 * number the account directory knows as another organization's, fails template messages
 * the latest template snapshot refuses, and queues the rest in their number's lane.
 */
@Service
class Admissions {

	private static final Logger log = LoggerFactory.getLogger(Admissions.class);

	private final MicroBatcher<Messages.Admitting, Optional<Messages.Recorded>> batcher;

	private final Outcomes outcomes;

	private final SendEngine engine;

	private final SendMetrics metrics;

	private final TemplateRechecks templates;

	private final AccountDirectory accounts;

	private final DeadLetters deadLetters;

	Admissions(MicroBatcher<Messages.Admitting, Optional<Messages.Recorded>> batcher, Outcomes outcomes,
			SendEngine engine, SendMetrics metrics, TemplateRechecks templates, AccountDirectory accounts,
			DeadLetters deadLetters) {
		this.batcher = batcher;
		this.outcomes = outcomes;
		this.engine = engine;
		this.metrics = metrics;
		this.templates = templates;
		this.accounts = accounts;
		this.deadLetters = deadLetters;
	}

	Mono<Void> admit(SendRequest request, int partition, long offset, @Nullable String traceparent) {
		return this.batcher.submit(new Messages.Admitting(request, partition, offset, traceparent))
			.map((recorded) -> recorded.orElseThrow(() -> new IllegalArgumentException(
					"Message id " + request.messageId() + " is already used by another organization")))
			.flatMap((recorded) -> {
				Admission admission = Admission.decide(recorded.existing(), request.expiresAt(), Instant.now());
				if ((admission == Admission.SEND || admission == Admission.RESUME || admission == Admission.EXPIRE)
						&& foreignNumber(request)) {
					// PENDING, never called: refused whatever else holds. A SENDING one
					// (VERIFY) may have been called: its lane verifies it, then refuses
					// it
					return refuseForeignNumber(request, partition, offset);
				}
				return switch (admission) {
					case DUPLICATE -> Mono.fromRunnable(() -> {
						log.debug("Message {} is already {}: redelivery skipped", request.messageId(),
								recorded.existing());
						this.metrics.duplicate(request.organizationId(), request.phoneNumberId());
					});
					case EXPIRE ->
						this.outcomes
							.finish(request, SendOutcome.expired(Objects.requireNonNull(request.expiresAt())),
									MessageState.PENDING)
							.then();
					case VERIFY -> Mono.fromRunnable(() -> {
						log.warn(
								"Message {} had a call to Meta started at {} without a recorded outcome; "
										+ "waiting for Meta's status of it before sending it again",
								request.messageId(), recorded.attemptStartedAt());
						this.engine.verify(request, partition, offset, recorded.attemptStartedAt(), recorded.failures(),
								traceparent);
					});
					case RESUME, SEND -> queue(request, partition, offset, recorded.failures(), traceparent);
				};
			});
	}

	/**
	 * Whether the account directory knows the request's number as another organization's.
	 * A number it does not know (yet: it may not have read {@code wa.accounts} to its end
	 * after a start) is not: the message is queued, and its lane waits for the directory
	 * ({@code unknown-number-timeout}, see {@link SendEngine}).
	 */
	private boolean foreignNumber(SendRequest request) {
		String owner = this.accounts.phoneNumber(request.phoneNumberId())
			.map(PhoneNumberConfigured::organizationId)
			.orElse(null);
		return NumberOwnership.of(request.organizationId(), owner) == NumberOwnership.FOREIGN;
	}

	/**
	 * An organization sends only from its own numbers: the message is dead-lettered at
	 * once (final, Meta is never called), as an unknown number is after its timeout. The
	 * reason does not name the number's organization; the log line does.
	 */
	private Mono<Void> refuseForeignNumber(SendRequest request, int partition, long offset) {
		log.warn("Message {} of organization {} names business number {} of organization {}: dead-lettered",
				request.messageId(), request.organizationId(), request.phoneNumberId(),
				this.accounts.phoneNumber(request.phoneNumberId())
					.map(PhoneNumberConfigured::organizationId)
					.orElse("?"));
		return this.deadLetters.deadLetter(request, partition, offset, DeadLetterReason.FOREIGN_NUMBER,
				DeadLetters.foreignNumber(request));
	}

	/**
	 * Queues the message in its lane, unless the latest template snapshot already refuses
	 * it: then it fails at once instead of taking a throughput slot of its number (a
	 * campaign of a paused template would otherwise hold back the number's other sends).
	 */
	private Mono<Void> queue(SendRequest request, int partition, long offset, int failures,
			@Nullable String traceparent) {
		TemplateDecision template = this.templates.check(request);
		if (template.refused()) {
			return this.outcomes.refuseTemplate(request, template, TemplateRechecks.Stage.ADMISSION).then();
		}
		return Mono
			.fromRunnable(() -> this.engine.enqueue(request, partition, offset, Instant.now(), failures, traceparent));
	}

}
