package com.waplatform.systemtests.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.waplatform.common.event.Event;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.SendRequest;
import com.waplatform.support.kafka.EventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code wa.send-requests} from its end at creation, as the sender would, and notes
 * for every message id of one range when it was first published (the record's Kafka
 * timestamp: the producer's clock when the outbox relay sent it, on this machine) and
 * seen here, and how many times. Partitions are assigned, not subscribed: no group
 * rebalance between the start and the first record.
 */
final class SendRequestWatcher implements AutoCloseable {

	private final String prefix;

	private final Map<String, Seen> seen = new ConcurrentHashMap<>();

	private final AtomicLong unreadable = new AtomicLong();

	private final KafkaConsumer<String, Event> consumer;

	private final Thread poller;

	private volatile boolean running = true;

	SendRequestWatcher(String bootstrapServers, String prefix) {
		this.prefix = prefix;
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
						"read_committed", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new StringDeserializer(), new EventDeserializer());
		List<TopicPartition> partitions = this.consumer.partitionsFor(Topics.SEND_REQUESTS.name())
			.stream()
			.map((partition) -> new TopicPartition(partition.topic(), partition.partition()))
			.toList();
		this.consumer.assign(partitions);
		this.consumer.seekToEnd(partitions);
		// seekToEnd is lazy: resolve the end offsets now, before anything is due
		partitions.forEach(this.consumer::position);
		this.poller = new Thread(this::poll, "bench-send-requests");
		this.poller.setDaemon(true);
		this.poller.start();
	}

	/** First publication of each message of the range seen so far. */
	Map<String, Seen> seen() {
		return this.seen;
	}

	/** Records that could not be read (skipped). */
	long unreadable() {
		return this.unreadable.get();
	}

	private void poll() {
		try {
			while (this.running) {
				try {
					for (ConsumerRecord<String, Event> record : this.consumer.poll(Duration.ofMillis(100))) {
						if (record.value() instanceof SendRequest request
								&& request.messageId().startsWith(this.prefix)) {
							long now = System.currentTimeMillis();
							this.seen.merge(request.messageId(), new Seen(record.timestamp(), now, 1), Seen::again);
						}
					}
				}
				catch (RecordDeserializationException ex) {
					this.unreadable.incrementAndGet();
					this.consumer.seek(ex.topicPartition(), ex.offset() + 1);
				}
			}
		}
		catch (WakeupException ex) {
			// closing
		}
		finally {
			this.consumer.close();
		}
	}

	@Override
	public void close() {
		this.running = false;
		this.consumer.wakeup();
		try {
			this.poller.join(10_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * A message's first publication: the record's timestamp and when this harness saw it
	 * (epoch ms), and how many records carried it.
	 */
	record Seen(long publishedAt, long seenAt, int times) {

		Seen again(Seen later) {
			return new Seen(this.publishedAt, this.seenAt, this.times + later.times);
		}

	}

}
