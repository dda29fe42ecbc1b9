package com.waplatform.support.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.kafka.core.ConsumerFactory;

/**
 * Reads dead-letter topics for operators: the one reader of the platform's
 * {@code <topic>-dlt} topics (the gateway's admin API lists and replays every one, the
 * sender lists its send requests'). Each read uses a short-lived consumer of its own,
 * assigned the partitions (no group, nothing committed), with the service's Kafka
 * settings and raw bytes, so a record that never deserialized is read too. The Kafka
 * consumer blocks, hence the bounded-elastic scheduler; a read stops after
 * {@link #READ_TIMEOUT} with what it found.
 */
public class DeadLetterTopicReader {

	static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

	private static final Duration POLL = Duration.ofMillis(200);

	private final ConsumerFactory<?, ?> consumers;

	public DeadLetterTopicReader(ConsumerFactory<?, ?> consumers) {
		this.consumers = consumers;
	}

	/**
	 * Up to {@code limit} records of the topic that {@code filter} keeps, from
	 * {@code from} (inclusive) on, in partition then offset order.
	 */
	public Mono<List<DeadLetterRecord>> read(String topic, Position from, int limit,
			Predicate<DeadLetterRecord> filter) {
		return Mono.fromCallable(() -> readNow(topic, from, limit, filter)).subscribeOn(Schedulers.boundedElastic());
	}

	/** Every record of the topic. */
	public Mono<List<DeadLetterRecord>> readAll(String topic) {
		return read(topic, Position.START, Integer.MAX_VALUE, (record) -> true);
	}

	/**
	 * The records at these positions of the topic; a position no record has (never
	 * written, or past the topic's retention) is left out.
	 */
	public Mono<Map<Position, DeadLetterRecord>> readAt(String topic, Collection<Position> positions) {
		return Mono.fromCallable(() -> readAtNow(topic, Set.copyOf(positions)))
			.subscribeOn(Schedulers.boundedElastic());
	}

	private List<DeadLetterRecord> readNow(String topic, Position from, int limit, Predicate<DeadLetterRecord> filter) {
		List<DeadLetterRecord> found = new ArrayList<>();
		Instant deadline = Instant.now().plus(READ_TIMEOUT);
		try (Consumer<byte[], byte[]> consumer = consumer()) {
			for (int partition : partitions(consumer, topic)) {
				if (partition < from.partition()) {
					continue;
				}
				long start = (partition == from.partition()) ? from.offset() : 0;
				if (!scan(consumer, new TopicPartition(topic, partition), start, Long.MAX_VALUE, deadline, (record) -> {
					if (filter.test(record)) {
						found.add(record);
					}
					return found.size() < limit;
				})) {
					break;
				}
			}
		}
		return found;
	}

	private Map<Position, DeadLetterRecord> readAtNow(String topic, Set<Position> positions) {
		Map<Integer, List<Position>> byPartition = new TreeMap<>();
		positions.forEach((position) -> byPartition.computeIfAbsent(position.partition(), (p) -> new ArrayList<>())
			.add(position));
		Map<Position, DeadLetterRecord> found = new HashMap<>();
		Instant deadline = Instant.now().plus(READ_TIMEOUT);
		try (Consumer<byte[], byte[]> consumer = consumer()) {
			List<Integer> partitions = partitions(consumer, topic);
			byPartition.forEach((partition, wanted) -> {
				if (!partitions.contains(partition)) {
					return;
				}
				long first = wanted.stream().mapToLong(Position::offset).min().orElse(0);
				long last = wanted.stream().mapToLong(Position::offset).max().orElse(0);
				scan(consumer, new TopicPartition(topic, partition), first, last + 1, deadline, (record) -> {
					Position position = new Position(record.partition(), record.offset());
					if (positions.contains(position)) {
						found.put(position, record);
					}
					return true;
				});
			});
		}
		return found;
	}

	/**
	 * Hands the records of the partition from {@code start} to before {@code end} (or its
	 * end now) to {@code visitor} while it answers true; answers false if it stopped.
	 */
	private static boolean scan(Consumer<byte[], byte[]> consumer, TopicPartition partition, long start, long end,
			Instant deadline, java.util.function.Predicate<DeadLetterRecord> visitor) {
		List<TopicPartition> one = List.of(partition);
		consumer.assign(one);
		long first = Math.max(start, consumer.beginningOffsets(one).getOrDefault(partition, 0L));
		long last = Math.min(end, consumer.endOffsets(one).getOrDefault(partition, 0L));
		if (first >= last) {
			return true;
		}
		consumer.seek(partition, first);
		while (consumer.position(partition) < last && Instant.now().isBefore(deadline)) {
			for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
				if (record.offset() >= last) {
					return true;
				}
				if (!visitor.test(DeadLetterRecord.of(record))) {
					return false;
				}
			}
		}
		return true;
	}

	private static List<Integer> partitions(Consumer<byte[], byte[]> consumer, String topic) {
		List<PartitionInfo> infos = consumer.partitionsFor(topic);
		if (infos == null) {
			return List.of();
		}
		return infos.stream().map(PartitionInfo::partition).sorted(Comparator.naturalOrder()).toList();
	}

	private Consumer<byte[], byte[]> consumer() {
		Map<String, Object> config = new HashMap<>(this.consumers.getConfigurationProperties());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "dead-letter-reader-" + UUID.randomUUID());
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
		return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

	/** A record's place in its topic. */
	public record Position(int partition, long offset) {

		/** The beginning of the topic. */
		public static final Position START = new Position(0, 0);

	}

}
