package com.waplatform.sender.deadletter;

import java.util.List;
import java.util.Optional;

import com.waplatform.common.event.Event;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.SendRequest;
import com.waplatform.support.kafka.DeadLetterRecord;
import com.waplatform.support.kafka.DeadLetterTopicReader;
import com.waplatform.support.kafka.EventDeserializer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The send requests of one organization on {@code wa.send-requests-dlt}, read by the
 * platform's one dead-letter reader ({@link DeadLetterTopicReader}, service-support).
 */
@Component
class DeadLetterReader {

	private final DeadLetterTopicReader reader;

	DeadLetterReader(DeadLetterTopicReader reader) {
		this.reader = reader;
	}

	Mono<List<DeadLetter>> read(String organizationId) {
		return this.reader.readAll(Topics.SEND_REQUESTS.dlt())
			.map((records) -> records.stream()
				.flatMap((record) -> sendRequest(record)
					.filter((request) -> request.organizationId().equals(organizationId))
					.map((request) -> deadLetter(record, request))
					.stream())
				.toList());
	}

	/** The record's send request; a record that is none (or unreadable) is skipped. */
	private static Optional<SendRequest> sendRequest(DeadLetterRecord record) {
		byte[] value = record.value();
		if (value == null) {
			return Optional.empty();
		}
		try (EventDeserializer events = new EventDeserializer()) {
			Event event = events.deserialize(record.topic(), new RecordHeaders(record.headers()), value);
			return (event instanceof SendRequest request) ? Optional.of(request) : Optional.empty();
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static DeadLetter deadLetter(DeadLetterRecord record, SendRequest request) {
		return new DeadLetter(record.partition(), record.offset(), record.timestamp(), request.messageId(),
				request.organizationId(), request.phoneNumberId(), request.recipient(), request.priority().name(),
				record.reason(), record.exceptionClass(), record.originalTopic(), record.originalPartition(),
				record.originalOffset(), null, request);
	}

}
