package com.waplatform.sender.dispatch;

import com.waplatform.common.event.Event;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.common.message.StatusEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code wa.status-events} live for Meta's confirmations: a {@code sent},
 * {@code delivered} or {@code read} status (or a {@code failed} one carrying a
 * {@code wamid}) proves that Meta accepted the message, whatever became of our call.
 * Status events are keyed by message id, so every instance reads the whole topic under
 * its own group, from the end: it only ends verifications early. What arrived before a
 * verification began (or while the instance was down) is read back from the topic when
 * the verification window ends ({@link StatusHistory}), so nothing depends on this
 * listener having seen it.
 */
@Component
class StatusEventsListener {

	private final SendEngine engine;

	StatusEventsListener(SendEngine engine) {
		this.engine = engine;
	}

	@KafkaListener(topics = "#{T(com.waplatform.common.kafka.Topics).STATUS_EVENTS.name()}",
			groupId = "#{'sender-verification-' + T(java.util.UUID).randomUUID()}",
			properties = "auto.offset.reset=latest")
	void onStatus(ConsumerRecord<String, Event> record) {
		if (record.value() instanceof StatusEvent status && confirmsAcceptance(status)) {
			String wamid = (status.wamid() != null) ? status.wamid() : "";
			this.engine.confirmed(status.messageId(), wamid);
		}
	}

	/**
	 * Statuses only Meta produces for a message it accepted; the sender's own
	 * {@code accepted}, {@code failed} (without wamid) and {@code expired} do not count.
	 */
	static boolean confirmsAcceptance(StatusEvent status) {
		return status.status() == MessageStatus.SENT || status.status() == MessageStatus.DELIVERED
				|| status.status() == MessageStatus.READ
				|| (status.status() == MessageStatus.FAILED && status.wamid() != null);
	}

}
