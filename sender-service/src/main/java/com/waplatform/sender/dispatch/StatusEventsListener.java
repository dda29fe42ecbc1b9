package com.waplatform.sender.dispatch;

import java.time.Instant;
import java.util.Map;

import com.waplatform.common.event.Event;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.common.message.StatusEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Reads {@code wa.status-events} for Meta's confirmations: a {@code sent},
 * {@code delivered} or {@code read} status (or a {@code failed} one carrying a
 * {@code wamid}) proves that Meta accepted the message, whatever became of our call.
 * Status events are keyed by message id, so every instance reads the whole topic under
 * its own group, starting one grace period back so that confirmations which arrived while
 * the instance was down are seen.
 */
@Component
class StatusEventsListener implements ConsumerSeekAware {

	private final SendEngine engine;

	private final StatusMemory memory;

	private final VerificationProperties verification;

	StatusEventsListener(SendEngine engine, StatusMemory memory, VerificationProperties verification) {
		this.engine = engine;
		this.memory = memory;
		this.verification = verification;
	}

	@KafkaListener(topics = "#{T(com.waplatform.common.kafka.Topics).STATUS_EVENTS.name()}",
			groupId = "#{'sender-verification-' + T(java.util.UUID).randomUUID()}",
			properties = "auto.offset.reset=latest")
	void onStatus(ConsumerRecord<String, Event> record) {
		if (record.value() instanceof StatusEvent status && confirmsAcceptance(status)) {
			String wamid = (status.wamid() != null) ? status.wamid() : "";
			this.memory.remember(status.messageId(), wamid);
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

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		long from = Instant.now().minus(this.verification.grace()).toEpochMilli();
		callback.seekToTimestamp(assignments.keySet(), from);
	}

}
