package com.waplatform.systemtests.chaos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.waplatform.support.kafka.RejectedEventException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.support.KafkaHeaders;

/**
 * Every record of every dead-letter topic ({@code wa.*-dlt}), read from the beginning
 * with a plain consumer (no group offsets): counts by topic and reason (the platform's
 * {@value RejectedEventException#REASON_HEADER} header, else the exception's class and
 * message Spring Kafka's recoverer records).
 */
final class DeadLetterReader {

	private DeadLetterReader() {
	}

	static Map<String, Map<String, Long>> read(String bootstrapServers) {
		Map<String, Map<String, Long>> byTopic = new TreeMap<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						"chaos-dlt-" + UUID.randomUUID(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
						ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"),
				new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = new ArrayList<>();
			consumer.listTopics(Duration.ofSeconds(30)).forEach((topic, infos) -> {
				if (topic.startsWith("wa.") && topic.endsWith("-dlt")) {
					byTopic.put(topic, new TreeMap<>());
					infos.forEach((info) -> partitions.add(new TopicPartition(topic, info.partition())));
				}
			});
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
			long deadline = System.currentTimeMillis() + Duration.ofMinutes(1).toMillis();
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < ends.get(partition))
					&& System.currentTimeMillis() < deadline) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					byTopic.get(record.topic()).merge(reason(record), 1L, Long::sum);
				}
			}
		}
		return byTopic;
	}

	private static String reason(ConsumerRecord<byte[], byte[]> record) {
		String reason = header(record, RejectedEventException.REASON_HEADER);
		String exception = header(record, KafkaHeaders.DLT_EXCEPTION_FQCN);
		String message = header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
		StringBuilder out = new StringBuilder((reason != null) ? reason : "no reason header");
		if (exception != null) {
			out.append(": ").append(exception.substring(exception.lastIndexOf('.') + 1));
		}
		if (message != null) {
			// bounded: ids in messages would make every record its own reason
			String first = message.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<id>").replaceAll("\\d{3,}", "<n>");
			out.append(": ").append(first, 0, Math.min(first.length(), 160));
		}
		return out.toString();
	}

	private static @Nullable String header(ConsumerRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
