package com.waplatform.sender.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.SendRequest;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * Reads the whole of {@code wa.send-requests-dlt} with a short-lived consumer (assigned
 * partitions, no group, nothing committed), keeping the send requests of one
 * organization. The Kafka consumer blocks, hence the bounded-elastic scheduler.
 */
@Component
class DeadLetterReader {

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

	private final ConsumerFactory<?, ?> consumers;

	DeadLetterReader(ConsumerFactory<?, ?> consumers) {
		this.consumers = consumers;
	}

	Mono<List<DeadLetter>> read(String organizationId) {
		return Mono.fromCallable(() -> readAll(organizationId)).subscribeOn(Schedulers.boundedElastic());
	}

	private List<DeadLetter> readAll(String organizationId) {
		String topic = Topics.SEND_REQUESTS.dlt();
		Properties overrides = new Properties();
		overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		List<DeadLetter> found = new ArrayList<>();
		try (Consumer<?, ?> consumer = this.consumers.createConsumer("sender-dead-letter-reader-" + UUID.randomUUID(),
				"sender-dlt-reader", null, overrides)) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			Instant deadline = Instant.now().plus(READ_TIMEOUT);
			while (!caughtUp(consumer, end) && Instant.now().isBefore(deadline)) {
				for (ConsumerRecord<?, ?> record : consumer.poll(Duration.ofMillis(200))) {
					if (record.value() instanceof SendRequest request
							&& request.organizationId().equals(organizationId)) {
						found.add(deadLetter(record, request));
					}
				}
			}
		}
		return found;
	}

	private static boolean caughtUp(Consumer<?, ?> consumer, Map<TopicPartition, Long> end) {
		return end.entrySet().stream().allMatch((entry) -> consumer.position(entry.getKey()) >= entry.getValue());
	}

	private static DeadLetter deadLetter(ConsumerRecord<?, ?> record, SendRequest request) {
		return new DeadLetter(record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
				request.messageId(), request.organizationId(), request.phoneNumberId(), request.recipient(),
				request.priority().name(), text(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE),
				text(record, KafkaHeaders.DLT_EXCEPTION_FQCN), text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC),
				number(record, KafkaHeaders.DLT_ORIGINAL_PARTITION, 4), longNumber(record), null, request);
	}

	private static @Nullable String text(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static @Nullable Integer number(ConsumerRecord<?, ?> record, String name, int size) {
		Header header = record.headers().lastHeader(name);
		return (header != null && header.value().length == size) ? ByteBuffer.wrap(header.value()).getInt() : null;
	}

	private static @Nullable Long longNumber(ConsumerRecord<?, ?> record) {
		Header header = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET);
		return (header != null && header.value().length == 8) ? ByteBuffer.wrap(header.value()).getLong() : null;
	}

}
