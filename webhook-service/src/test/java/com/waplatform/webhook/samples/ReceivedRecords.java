package com.waplatform.webhook.samples;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.waplatform.common.event.Event;
import com.waplatform.common.inbound.InboundMessage;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.common.message.StatusEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;

/** Every record the service produces, and the dead letters, as a test reads them. */
class ReceivedRecords {

	private final List<ConsumerRecord<String, Event>> records = new CopyOnWriteArrayList<>();

	@KafkaListener(topics = { "wa.status-events", "wa.inbound-messages", "wa.webhook-events-dlt", "wa.template-updates",
			"wa.accounts" }, groupId = "webhook-service-samples-tests")
	void on(ConsumerRecord<String, Event> record) {
		this.records.add(record);
	}

	int size() {
		return this.records.size();
	}

	/** The values of a type received after the first {@code mark} records. */
	<T> List<T> since(int mark, Class<T> type) {
		return this.records.subList(mark, this.records.size())
			.stream()
			.map(ConsumerRecord::value)
			.filter(type::isInstance)
			.map(type::cast)
			.toList();
	}

	InboundMessage inbound(String wamid) {
		return this.records.stream()
			.map(ConsumerRecord::value)
			.filter((value) -> value instanceof InboundMessage message && message.wamid().equals(wamid))
			.map(InboundMessage.class::cast)
			.findFirst()
			.orElse(null);
	}

	String keyOf(Event event) {
		return this.records.stream()
			.filter((record) -> record.value() != null && record.value().eventId().equals(event.eventId()))
			.map(ConsumerRecord::key)
			.findFirst()
			.orElseThrow();
	}

	/** The webhook service's status events of a message (not our accepted one). */
	List<StatusEvent> statuses(String messageId) {
		return this.records.stream()
			.filter((record) -> record.topic().equals(Topics.STATUS_EVENTS.name()) && messageId.equals(record.key()))
			.map((record) -> (StatusEvent) record.value())
			.filter((event) -> event.status() != MessageStatus.ACCEPTED)
			.toList();
	}

	ConsumerRecord<String, Event> deadLetter(UUID eventId) {
		return this.records.stream()
			.filter((record) -> record.topic().equals(Topics.WEBHOOK_EVENTS.dlt()) && record.value() != null
					&& record.value().eventId().equals(eventId))
			.findFirst()
			.orElse(null);
	}

	static String header(ConsumerRecord<?, ?> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

}
