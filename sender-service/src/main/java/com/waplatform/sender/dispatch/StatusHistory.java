package com.waplatform.sender.dispatch;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.StatusEvent;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Meta's confirmations of messages read back from {@code wa.status-events} itself, the
 * durable record of every status Meta sent (within the topic's retention): a short-lived
 * consumer (assigned partitions, no group, nothing committed) reads each partition from
 * the first record at or after a given time ({@code offsetsForTimes}) up to the end it
 * had when the read began, keeping the confirmations of the messages asked for. One read
 * answers for many messages. Status events are keyed by message id (the platform's
 * invariant: their order per message depends on it), so only the partitions the
 * producers' partitioner puts those ids on are read. The Kafka consumer blocks, hence the
 * bounded-elastic scheduler.
 */
@Component
class StatusHistory {

	private static final String TOPIC = Topics.STATUS_EVENTS.name();

	private final ConsumerFactory<?, ?> consumers;

	private final VerificationProperties verification;

	StatusHistory(ConsumerFactory<?, ?> consumers, VerificationProperties verification) {
		this.consumers = consumers;
		this.verification = verification;
	}

	/**
	 * The confirmations ({@link StatusEventsListener#confirmsAcceptance}) of the messages
	 * published from {@code from} on, by message id, with Meta's wamid ("" if none).
	 * Fails if the read made no progress for {@code sender.verification.read-timeout}
	 * (the broker is unavailable): nothing may be concluded then. A long read (a call
	 * started long ago) takes its time: the end is fixed when it begins.
	 */
	Mono<Map<String, String>> confirmations(Set<String> messageIds, Instant from) {
		return Mono.fromCallable(() -> read(messageIds, from)).subscribeOn(Schedulers.boundedElastic());
	}

	private Map<String, String> read(Set<String> messageIds, Instant from) {
		Properties overrides = new Properties();
		overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
		Map<String, String> confirmed = new HashMap<>();
		try (Consumer<?, ?> consumer = this.consumers.createConsumer("sender-status-history", "sender-status-history",
				null, overrides)) {
			int count = consumer.partitionsFor(TOPIC).size();
			List<TopicPartition> partitions = messageIds.stream()
				.map((id) -> new TopicPartition(TOPIC, partitionOf(id, count)))
				.distinct()
				.toList();
			consumer.assign(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			Map<TopicPartition, Long> at = new HashMap<>();
			partitions.forEach((partition) -> at.put(partition, from.toEpochMilli()));
			Map<TopicPartition, OffsetAndTimestamp> start = consumer.offsetsForTimes(at);
			Map<TopicPartition, Long> left = new HashMap<>();
			for (TopicPartition partition : partitions) {
				OffsetAndTimestamp offset = start.get(partition);
				// null: no record at or after the time
				if (offset != null && offset.offset() < end.get(partition)) {
					consumer.seek(partition, offset.offset());
					left.put(partition, end.get(partition));
				}
			}
			consumer.pause(partitions.stream().filter((partition) -> !left.containsKey(partition)).toList());
			Instant stalled = Instant.now().plus(this.verification.readTimeout());
			while (!left.isEmpty()) {
				if (Instant.now().isAfter(stalled)) {
					throw new IllegalStateException("Reading " + TOPIC + " back from " + from + " made no progress for "
							+ this.verification.readTimeout());
				}
				ConsumerRecords<?, ?> records = consumer.poll(Duration.ofMillis(200));
				if (!records.isEmpty()) {
					stalled = Instant.now().plus(this.verification.readTimeout());
				}
				for (ConsumerRecord<?, ?> record : records) {
					if (record.value() instanceof StatusEvent status && messageIds.contains(status.messageId())
							&& StatusEventsListener.confirmsAcceptance(status)) {
						confirmed.putIfAbsent(status.messageId(), (status.wamid() != null) ? status.wamid() : "");
					}
				}
				left.entrySet().removeIf((entry) -> {
					boolean done = consumer.position(entry.getKey()) >= entry.getValue();
					if (done) {
						consumer.pause(List.of(entry.getKey()));
					}
					return done;
				});
			}
		}
		return confirmed;
	}

	/**
	 * The partition Kafka's default partitioner puts a record keyed by the message id on
	 * (murmur2 of the key's UTF-8 bytes, as {@code StringSerializer} writes them).
	 */
	static int partitionOf(String messageId, int partitions) {
		return Utils.toPositive(Utils.murmur2(messageId.getBytes(StandardCharsets.UTF_8))) % partitions;
	}

}
