package com.waplatform.systemtests;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.waplatform.common.event.Event;
import com.waplatform.common.event.EventHeaders;
import com.waplatform.support.kafka.EventDeserializer;
import com.waplatform.support.kafka.EventSerializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes platform topics the way another backend would. */
final class KafkaProbe implements AutoCloseable {

	private final String bootstrapServers;

	private final KafkaProducer<String, Event> events;

	private final KafkaProducer<String, byte[]> raw;

	KafkaProbe(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
		this.events = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new EventSerializer());
		this.raw = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new ByteArraySerializer());
	}

	void publish(String topic, Event event) throws Exception {
		this.events.send(new ProducerRecord<>(topic, event.key(), event)).get();
	}

	/** A CloudEvent in binary mode, as a booking system would publish it. */
	void publishCloudEvent(String topic, String key, String type, String organizationId, String data) throws Exception {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, data.getBytes(StandardCharsets.UTF_8));
		Map<String, String> headers = Map.of(EventHeaders.ID, UUID.randomUUID().toString(), EventHeaders.TYPE, type,
				EventHeaders.SOURCE, "/bookings", EventHeaders.SPEC_VERSION, "1.0", EventHeaders.TIME,
				Instant.now().toString(), EventHeaders.SUBJECT, key, EventHeaders.ORGANIZATION_ID, organizationId,
				EventHeaders.CONTENT_TYPE, "application/json");
		headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
		this.raw.send(record).get();
	}

	/**
	 * The first record on the topic (from the beginning) that matches, within the
	 * timeout.
	 */
	<T extends Event> T await(String topic, Class<T> type, Predicate<T> matching, Duration timeout) {
		List<T> read = readUntil(topic, type, matching, timeout);
		return read.get(read.size() - 1);
	}

	/**
	 * Every record of the type on the topic from the beginning up to and including the
	 * first that matches {@code last}.
	 */
	<T extends Event> List<T> readUntil(String topic, Class<T> type, Predicate<T> last, Duration timeout) {
		return readRecordsUntil(topic, type, last, timeout).stream()
			.map((record) -> type.cast(record.value()))
			.toList();
	}

	/**
	 * The first record on the topic (from the beginning) whose value matches, with its
	 * headers.
	 */
	<T extends Event> ConsumerRecord<String, Event> awaitRecord(String topic, Class<T> type, Predicate<T> matching,
			Duration timeout) {
		List<ConsumerRecord<String, Event>> read = readRecordsUntil(topic, type, matching, timeout);
		return read.get(read.size() - 1);
	}

	private <T extends Event> List<ConsumerRecord<String, Event>> readRecordsUntil(String topic, Class<T> type,
			Predicate<T> last, Duration timeout) {
		List<ConsumerRecord<String, Event>> read = new ArrayList<>();
		try (KafkaConsumer<String, Event> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						"probe-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new EventDeserializer())) {
			consumer.subscribe(List.of(topic));
			Instant deadline = Instant.now().plus(timeout);
			while (Instant.now().isBefore(deadline)) {
				for (ConsumerRecord<String, Event> record : consumer.poll(Duration.ofMillis(200))) {
					if (type.isInstance(record.value())) {
						T value = type.cast(record.value());
						read.add(record);
						if (last.test(value)) {
							return read;
						}
					}
				}
			}
		}
		throw new AssertionError("No matching " + type.getSimpleName() + " on " + topic + " within " + timeout);
	}

	@Override
	public void close() {
		this.events.close();
		this.raw.close();
	}

}
