package com.waplatform.sender.send;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import com.waplatform.common.message.SendRequest;
import com.waplatform.sender.dispatch.Outcomes;
import com.waplatform.sender.dispatch.SendEngine;
import com.waplatform.sender.dispatch.SendMetrics;
import com.waplatform.sender.domain.Admission;
import com.waplatform.sender.domain.MessageState;
import com.waplatform.sender.domain.SendOutcome;
import com.waplatform.sender.domain.TemplateDecision;
import com.waplatform.sender.store.Messages;
import com.waplatform.sender.store.MicroBatcher;
import com.waplatform.sender.templates.TemplateRechecks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Admits one send request: records the message once (with the request, so the table is
 * the durable queue), skips redeliveries of final or dead-lettered messages, expires late
 * ones, verifies ones whose last call has no recorded outcome, fails template messages
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

	Admissions(MicroBatcher<Messages.Admitting, Optional<Messages.Recorded>> batcher, Outcomes outcomes,
			SendEngine engine, SendMetrics metrics, TemplateRechecks templates) {
		this.batcher = batcher;
		this.outcomes = outcomes;
		this.engine = engine;
		this.metrics = metrics;
		this.templates = templates;
	}

	Mono<Void> admit(SendRequest request, int partition, long offset) {
		return this.batcher.submit(new Messages.Admitting(request, partition, offset))
			.map((recorded) -> recorded.orElseThrow(() -> new IllegalArgumentException(
					"Message id " + request.messageId() + " is already used by another organization")))
			.flatMap((recorded) -> {
				Admission admission = Admission.decide(recorded.existing(), request.expiresAt(), Instant.now());
				return switch (admission) {
					case DUPLICATE -> Mono.fromRunnable(() -> {
						log.debug("Message {} is already {}: redelivery skipped", request.messageId(),
								recorded.existing());
						this.metrics.duplicate(request.phoneNumberId());
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
						this.engine.verify(request, partition, offset, recorded.attemptStartedAt());
					});
					case RESUME, SEND -> queue(request, partition, offset);
				};
			});
	}

	/**
	 * Queues the message in its lane, unless the latest template snapshot already refuses
	 * it: then it fails at once instead of taking a throughput slot of its number (a
	 * campaign of a paused template would otherwise hold back the number's other sends).
	 */
	private Mono<Void> queue(SendRequest request, int partition, long offset) {
		TemplateDecision template = this.templates.check(request);
		if (template.refused()) {
			return this.outcomes.refuseTemplate(request, template, TemplateRechecks.Stage.ADMISSION).then();
		}
		return Mono.fromRunnable(() -> this.engine.enqueue(request, partition, offset, Instant.now()));
	}

}
