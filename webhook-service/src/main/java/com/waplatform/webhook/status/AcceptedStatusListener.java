package com.waplatform.webhook.status;

import com.waplatform.common.event.Event;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.support.kafka.TransientFailures;
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

	AcceptedStatusListener(MessageRefs refs, StatusStore statuses, TransactionalOperator tx) {
		this.refs = refs;
		this.statuses = statuses;
		this.tx = tx;
	}

	@KafkaListener(topics = "#{T(com.waplatform.common.kafka.Topics).STATUS_EVENTS.name()}", groupId = GROUP_ID)
	Mono<Void> onStatus(Event event) {
		if (!(event instanceof StatusEvent status) || status.status() != MessageStatus.ACCEPTED
				|| status.wamid() == null) {
			return Mono.empty();
		}
		MessageRef message = new MessageRef(status.messageId(), status.organizationId());
		return this.tx
			.transactional(this.refs.record(status.wamid(), message)
				.then(this.statuses.recordAccepted(message, status.wamid(), status.statusAt())))
			.retryWhen(TransientFailures.retry());
	}

}
