package com.waplatform.sender.dispatch;

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
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
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
 * answers for many messages. The Kafka consumer blocks, hence the bounded-elastic
 * scheduler.
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
	 * Fails if the topic could not be read to its end within
	 * {@code sender.verification.read-timeout}: nothing may be concluded then.
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
			List<TopicPartition> partitions = consumer.partitionsFor(TOPIC)
				.stream()
				.map((info) -> new TopicPartition(TOPIC, info.partition()))
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
			Instant deadline = Instant.now().plus(this.verification.readTimeout());
			while (!left.isEmpty()) {
				if (Instant.now().isAfter(deadline)) {
					throw new IllegalStateException("Could not read " + TOPIC + " from " + from + " to its end within "
							+ this.verification.readTimeout());
				}
				for (ConsumerRecord<?, ?> record : consumer.poll(Duration.ofMillis(200))) {
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

}
