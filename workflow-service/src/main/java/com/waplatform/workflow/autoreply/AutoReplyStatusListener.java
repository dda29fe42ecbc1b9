package com.waplatform.workflow.autoreply;

import com.waplatform.common.event.Event;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.support.kafka.TransientFailures;
import reactor.core.publisher.Mono;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Learns Meta's id (wamid) of each auto-reply from {@code wa.status-events} (the sender's
 * {@code accepted} names it first; later statuses carry it too): a customer's reply
 * quotes our message by that wamid, so it is what tells a reply to an auto-reply. Its own
 * consumer group; the update is idempotent and matches no row for other messages.
 */
@Component
class AutoReplyStatusListener {

	static final String GROUP = "workflow-service.auto-reply-statuses";

	private final AutoReplyLog log;

	AutoReplyStatusListener(AutoReplyLog log) {
		this.log = log;
	}

	@KafkaListener(topics = "#{T(com.waplatform.common.kafka.Topics).STATUS_EVENTS.name()}", groupId = GROUP)
	Mono<Void> onStatus(Event value) {
		if (!(value instanceof StatusEvent status) || status.wamid() == null) {
			return Mono.empty();
		}
		return this.log.wamid(status.messageId(), status.wamid()).retryWhen(TransientFailures.retry());
	}

}
