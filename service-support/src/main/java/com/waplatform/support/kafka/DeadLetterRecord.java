package com.waplatform.support.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.waplatform.common.event.EventHeaders;
import com.waplatform.common.kafka.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.support.KafkaHeaders;

/**
 * One record of a dead-letter topic ({@code <topic>-dlt}) as it was written, bytes and
 * all, with what Spring Kafka's {@code DeadLetterPublishingRecoverer} and the platform's
 * error handler put in its headers: where it came from ({@code kafka_dlt-original-*}),
 * why ({@code kafka_dlt-exception-*}, the platform's short reason code
 * {@value RejectedEventException#REASON_HEADER}). {@link #replay(Topic)} is the record to
 * publish again: to its original topic, with its original key, value and headers, minus
 * the dead-letter headers, plus {@value #REPLAYED_FROM_HEADER} naming this record.
 *
 * @param topic the dead-letter topic
 * @param key the original key (UTF-8, the platform's keys are strings)
 */
public record DeadLetterRecord(String topic, int partition, long offset, Instant timestamp, @Nullable String key,
		byte @Nullable [] value, List<Header> headers) {

	/** Spring Kafka's dead-letter headers all start with this. */
	public static final String DLT_HEADER_PREFIX = "kafka_dlt-";

	/**
	 * Header of a replayed record: {@code <dlt>:<partition>:<offset>} of the dead letter
	 * it replays.
	 */
	public static final String REPLAYED_FROM_HEADER = "dlt-replayed-from";

	public static DeadLetterRecord of(ConsumerRecord<byte[], byte[]> record) {
		List<Header> headers = new ArrayList<>();
		record.headers().forEach(headers::add);
		return new DeadLetterRecord(record.topic(), record.partition(), record.offset(),
				Instant.ofEpochMilli(record.timestamp()),
				(record.key() != null) ? new String(record.key(), StandardCharsets.UTF_8) : null, record.value(),
				List.copyOf(headers));
	}

	/** {@code kafka_dlt-original-topic}. */
	public @Nullable String originalTopic() {
		return text(KafkaHeaders.DLT_ORIGINAL_TOPIC);
	}

	/** {@code kafka_dlt-original-partition}. */
	public @Nullable Integer originalPartition() {
		byte[] value = bytes(KafkaHeaders.DLT_ORIGINAL_PARTITION);
		return (value != null && value.length == 4) ? ByteBuffer.wrap(value).getInt() : null;
	}

	/** {@code kafka_dlt-original-offset}. */
	public @Nullable Long originalOffset() {
		byte[] value = bytes(KafkaHeaders.DLT_ORIGINAL_OFFSET);
		return (value != null && value.length == 8) ? ByteBuffer.wrap(value).getLong() : null;
	}

	/** {@code kafka_dlt-exception-message}: why it was dead-lettered. */
	public @Nullable String reason() {
		return text(KafkaHeaders.DLT_EXCEPTION_MESSAGE);
	}

	/** {@code kafka_dlt-exception-fqcn}. */
	public @Nullable String exceptionClass() {
		return text(KafkaHeaders.DLT_EXCEPTION_FQCN);
	}

	/**
	 * The platform's short reason code ({@value RejectedEventException#REASON_HEADER}).
	 */
	public @Nullable String reasonCode() {
		return text(RejectedEventException.REASON_HEADER);
	}

	/** The organization the event names in its CloudEvents headers, if any. */
	public @Nullable String organizationId() {
		return text(EventHeaders.ORGANIZATION_ID);
	}

	/** The event's type ({@code ce_type}), if any. */
	public @Nullable String eventType() {
		return text(EventHeaders.TYPE);
	}

	/**
	 * Where a replay publishes it: the original topic if it is the family's, else its
	 * topic.
	 */
	public String replayTopic(Topic<?> family) {
		String original = originalTopic();
		return (family.name().equals(original) || family.retry().equals(original)) ? original : family.name();
	}

	/** The record a replay publishes. */
	public ProducerRecord<byte[], byte[]> replay(Topic<?> family) {
		List<Header> kept = new ArrayList<>();
		for (Header header : this.headers) {
			if (!header.key().startsWith(DLT_HEADER_PREFIX)
					&& !header.key().equals(RejectedEventException.REASON_HEADER)
					&& !header.key().equals(REPLAYED_FROM_HEADER)) {
				kept.add(header);
			}
		}
		kept.add(new RecordHeader(REPLAYED_FROM_HEADER,
				(this.topic + ":" + this.partition + ":" + this.offset).getBytes(StandardCharsets.UTF_8)));
		return new ProducerRecord<>(replayTopic(family), null,
				(this.key != null) ? this.key.getBytes(StandardCharsets.UTF_8) : null, this.value, kept);
	}

	/** The text of a header (its last value), if present. */
	public @Nullable String text(String name) {
		byte[] value = bytes(name);
		return (value != null) ? new String(value, StandardCharsets.UTF_8) : null;
	}

	private byte @Nullable [] bytes(String name) {
		byte[] found = null;
		for (Header header : this.headers) {
			if (header.key().equals(name)) {
				found = header.value();
			}
		}
		return found;
	}

}
