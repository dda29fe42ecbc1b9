package com.waplatform.sender.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.sender.domain.MessageState;
import com.waplatform.sender.domain.SendOutcome;
import com.waplatform.sender.domain.TemplateDecision;
import com.waplatform.sender.store.Messages;
import com.waplatform.sender.templates.TemplateRechecks;
import com.waplatform.support.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Records a message's final outcome together with its status event (outbox, one
 * transaction). Status event ids are deterministic, so a repeated outcome republishes the
 * same event.
 */
@Component
public class Outcomes {

	private static final Logger log = LoggerFactory.getLogger(Outcomes.class);

	private final Messages messages;

	private final Outbox outbox;

	private final TransactionalOperator tx;

	private final SendMetrics metrics;

	private final TemplateRechecks templates;

	Outcomes(Messages messages, Outbox outbox, TransactionalOperator tx, SendMetrics metrics,
			TemplateRechecks templates) {
		this.messages = messages;
		this.outbox = outbox;
		this.tx = tx;
		this.metrics = metrics;
		this.templates = templates;
	}

	/**
	 * Fails a PENDING message the template re-check refused (Meta is not called), with
	 * its {@code failed} status event; emits whether it was still PENDING.
	 */
	public Mono<Boolean> refuseTemplate(SendRequest request, TemplateDecision decision, TemplateRechecks.Stage stage) {
		return finish(request, SendOutcome.failed(Objects.requireNonNull(decision.error())), MessageState.PENDING)
			.doOnNext((changed) -> {
				if (changed) {
					this.templates.rejected(decision, stage);
				}
			});
	}

	/**
	 * Records that Meta accepted messages being sent, with their {@code accepted} status
	 * events, in one transaction; emits, in order, whether each was being sent.
	 */
	Mono<List<Boolean>> acceptAll(List<Messages.Acceptance> acceptances) {
		Mono<List<Boolean>> recorded = this.messages.acceptAll(acceptances).flatMap((accepted) -> {
			List<Messages.Acceptance> announced = IntStream.range(0, acceptances.size())
				.filter(accepted::get)
				.mapToObj(acceptances::get)
				.toList();
			// each event in the trace of its message's call
			return this.outbox
				.appendAll(Topics.STATUS_EVENTS, announced.stream().map(Outcomes::acceptedEvent).toList(),
						announced.stream().map(Messages.Acceptance::traceparent).toList())
				.thenReturn(accepted);
		});
		return this.tx.transactional(recorded).doOnNext((accepted) -> {
			for (int i = 0; i < acceptances.size(); i++) {
				if (accepted.get(i)) {
					SendRequest request = acceptances.get(i).request();
					this.metrics.outcome(request.organizationId(), request.phoneNumberId(), MessageState.ACCEPTED);
				}
			}
		});
	}

	private static StatusEvent acceptedEvent(Messages.Acceptance acceptance) {
		SendRequest request = acceptance.request();
		return StatusEvent.deterministic(request.organizationId(), request.messageId(), MessageStatus.ACCEPTED,
				Instant.now(), request.phoneNumberId(), request.recipient(), acceptance.wamid(), null);
	}

	/**
	 * Records the outcome if the message is in state {@code from}; emits whether it was
	 * (false: another path completed it, nothing changed).
	 */
	public Mono<Boolean> finish(SendRequest request, SendOutcome outcome, MessageState from) {
		Instant statusAt = (outcome.state() == MessageState.EXPIRED) ? Objects.requireNonNull(request.expiresAt())
				: Instant.now();
		StatusEvent event = StatusEvent.deterministic(request.organizationId(), request.messageId(),
				outcome.state().status(), statusAt, request.phoneNumberId(), request.recipient(), outcome.wamid(),
				outcome.error());
		Mono<Boolean> recorded = this.messages.complete(request, outcome, from)
			.flatMap((changed) -> changed ? this.outbox.append(Topics.STATUS_EVENTS, event).thenReturn(true)
					: Mono.just(false));
		return this.tx.transactional(recorded).doOnNext((changed) -> {
			if (changed) {
				this.metrics.outcome(request.organizationId(), request.phoneNumberId(), outcome.state());
				if (outcome.state() != MessageState.ACCEPTED) {
					log.info("Message {} {}: {}", request.messageId(), outcome.state(), outcome.error());
				}
			}
			else {
				log.debug("Message {} was not {}; outcome {} dropped", request.messageId(), from, outcome.state());
			}
		});
	}

}
