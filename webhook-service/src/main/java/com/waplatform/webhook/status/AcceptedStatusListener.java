package com.waplatform.webhook.status;

import com.waplatform.common.event.Event;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.support.kafka.TransientFailures;
import com.waplatform.support.tracing.TraceContexts;
import reactor.core.publisher.Mono;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Learns {@code wamid} → message id from the sender's {@code accepted} events on
 * {@code wa.status-events}, under its own consumer group so it reads the whole feed
 * independently of other consumers. Both writes are idempotent inserts, so redelivery
 * needs no processed-event record.
 */
@Component
class AcceptedStatusListener {

	static final String GROUP_ID = "webhook-service-refs";

	private final MessageRefs refs;

	private final StatusStore statuses;

	private final TransactionalOperator tx;

	private final TraceContexts traces;

	AcceptedStatusListener(MessageRefs refs, StatusStore statuses, TransactionalOperator tx, TraceContexts traces) {
		this.refs = refs;
		this.statuses = statuses;
		this.tx = tx;
		this.traces = traces;
	}

	@KafkaListener(topics = "#{T(com.waplatform.common.kafka.Topics).STATUS_EVENTS.name()}", groupId = GROUP_ID)
	Mono<Void> onStatus(Event event) {
		if (!(event instanceof StatusEvent status) || status.status() != MessageStatus.ACCEPTED
				|| status.wamid() == null) {
			return Mono.empty();
		}
		MessageRef message = new MessageRef(status.messageId(), status.organizationId());
		// the record's span (spring-kafka opens it around this method, continuing the
		// sender's call): the statuses of Meta's webhooks continue it
		String traceparent = this.traces.current();
		return this.tx
			.transactional(this.refs.record(status.wamid(), message)
				.then(this.statuses.recordAccepted(message, status.wamid(), status.statusAt(), traceparent)))
			.retryWhen(TransientFailures.retry());
	}

}
