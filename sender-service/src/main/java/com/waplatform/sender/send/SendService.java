package com.waplatform.sender.send;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.ErrorInfo;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.sender.domain.Admission;
import com.waplatform.sender.domain.MessageState;
import com.waplatform.sender.domain.SendOutcome;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.support.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Handles one send request: records the message once, skips redeliveries of final
 * messages, expires late ones, sends the rest and records the outcome together with its
 * status event (outbox, one transaction).
 */
@Service
class SendService {

	private static final Logger log = LoggerFactory.getLogger(SendService.class);

	private final Messages messages;

	private final AccountDirectory accounts;

	private final SendPipeline pipeline;

	private final Outbox outbox;

	private final TransactionalOperator tx;

	private final SendMetrics metrics;

	SendService(Messages messages, AccountDirectory accounts, SendPipeline pipeline, Outbox outbox,
			TransactionalOperator tx, SendMetrics metrics) {
		this.messages = messages;
		this.accounts = accounts;
		this.pipeline = pipeline;
		this.outbox = outbox;
		this.tx = tx;
		this.metrics = metrics;
	}

	Mono<Void> handle(SendRequest request) {
		return this.messages.record(request).flatMap((recorded) -> {
			Admission admission = Admission.decide(recorded.existing(), request.expiresAt(), Instant.now());
			return switch (admission) {
				case DUPLICATE -> skipDuplicate(request, recorded);
				case EXPIRE -> finish(request, SendOutcome.expired(Objects.requireNonNull(request.expiresAt())));
				case RESUME -> {
					log.warn(
							"Message {} was recorded but has no outcome (attempts so far: {}, last error: {}). "
									+ "Sending it now; if an earlier attempt stopped after Meta accepted it, "
									+ "the recipient gets it twice",
							request.messageId(), recorded.attempts(), recorded.lastError());
					yield send(request);
				}
				case SEND -> send(request);
			};
		});
	}

	private Mono<Void> skipDuplicate(SendRequest request, Messages.Recorded recorded) {
		log.debug("Message {} is already {}: redelivery skipped", request.messageId(), recorded.existing());
		this.metrics.duplicate(request.phoneNumberId());
		return Mono.empty();
	}

	private Mono<Void> send(SendRequest request) {
		Optional<PhoneNumberConfigured> number = this.accounts.phoneNumber(request.phoneNumberId())
			.filter((configured) -> configured.organizationId().equals(request.organizationId()));
		if (number.isEmpty()) {
			return finish(request,
					SendOutcome.failed(ErrorInfo.reason("Unknown business phone number", request.phoneNumberId()), 0));
		}
		return this.pipeline.send(number.get(), request)
			.onErrorResume(SendDeferredException.class,
					(ex) -> this.messages.defer(request, ex.calls(), Objects.requireNonNull(ex.getCause()))
						.then(Mono.error(ex)))
			.flatMap((outcome) -> finish(request, outcome));
	}

	private Mono<Void> finish(SendRequest request, SendOutcome outcome) {
		Instant statusAt = (outcome.state() == MessageState.EXPIRED) ? Objects.requireNonNull(request.expiresAt())
				: Instant.now();
		StatusEvent event = StatusEvent.deterministic(request.organizationId(), request.messageId(),
				outcome.state().status(), statusAt, request.phoneNumberId(), request.recipient(), outcome.wamid(),
				outcome.error());
		Mono<Boolean> recorded = this.messages.complete(request, outcome)
			.flatMap((pending) -> pending ? this.outbox.append(Topics.STATUS_EVENTS, event).thenReturn(true)
					: Mono.just(false));
		return this.tx.transactional(recorded).doOnNext((completed) -> {
			if (completed) {
				this.metrics.outcome(request.phoneNumberId(), outcome.state());
				if (outcome.state() != MessageState.ACCEPTED) {
					log.info("Message {} {}: {}", request.messageId(), outcome.state(), outcome.error());
				}
			}
			else {
				log.debug("Message {} was completed concurrently; outcome {} dropped", request.messageId(),
						outcome.state());
			}
		}).then();
	}

}
