package com.waplatform.systemtests.bench;

import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.waplatform.common.event.Event;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.ErrorInfo;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.support.kafka.EventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;

/**
 * Follows every message of the run on the public status feed ({@code wa.status-events}),
 * as a subscriber would: when each status was first seen, the final one and its reason.
 */
public final class StatusTracker implements AutoCloseable {

	private final Map<String, Track> tracks = new ConcurrentHashMap<>();

	private final AtomicLong lastProgressMillis = new AtomicLong(System.currentTimeMillis());

	private final KafkaConsumer<String, Event> consumer;

	private final Thread poller;

	private volatile boolean running = true;

	public StatusTracker(String bootstrapServers) {
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						"bench-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
						ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
						5000, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new StringDeserializer(), new EventDeserializer());
		this.consumer.subscribe(List.of(Topics.STATUS_EVENTS.name()));
		this.poller = new Thread(this::poll, "bench-status-events");
		this.poller.setDaemon(true);
		this.poller.start();
	}

	void expect(String messageId, Ingestor.Outgoing message, long acceptedAtMillis) {
		this.tracks.computeIfAbsent(messageId, Track::new).accepted(message, acceptedAtMillis);
	}

	/** Messages of the part, accepted by the gateway. */
	public List<Track> part(String part) {
		return this.tracks.values()
			.stream()
			.filter((track) -> track.message() != null && part.equals(track.message().part()))
			.toList();
	}

	/** Every message the gateway accepted during the run. */
	public List<Track> all() {
		return this.tracks.values().stream().filter((track) -> track.message() != null).toList();
	}

	public long unfinished(String part) {
		return part(part).stream().filter((track) -> track.finalStatus() == null).count();
	}

	/** Messages of the part without the sender's outcome yet. */
	long unsent(String part) {
		return part(part).stream().filter((track) -> !track.hasOutcome()).count();
	}

	public long lastProgressMillis() {
		return this.lastProgressMillis.get();
	}

	private void poll() {
		try {
			while (this.running) {
				for (ConsumerRecord<String, Event> record : this.consumer.poll(Duration.ofMillis(200))) {
					if (record.value() instanceof StatusEvent event) {
						long now = System.currentTimeMillis();
						this.tracks.computeIfAbsent(event.messageId(), Track::new).seen(event, now);
						this.lastProgressMillis.set(now);
					}
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

	/** What the harness knows of one message. */
	public static final class Track {

		private final String id;

		private final Map<MessageStatus, Long> firstSeen = new EnumMap<>(MessageStatus.class);

		private Ingestor.@Nullable Outgoing message;

		private long acceptedAtMillis;

		private int events;

		private @Nullable ErrorInfo error;

		Track(String id) {
			this.id = id;
		}

		public String id() {
			return this.id;
		}

		/** The message as sent; null until the gateway's 202 was seen. */
		synchronized void accepted(Ingestor.Outgoing message, long acceptedAtMillis) {
			this.message = message;
			this.acceptedAtMillis = acceptedAtMillis;
		}

		synchronized void seen(StatusEvent event, long atMillis) {
			this.events++;
			this.firstSeen.putIfAbsent(event.status(), atMillis);
			if (event.error() != null) {
				this.error = event.error();
			}
		}

		public synchronized Ingestor.@Nullable Outgoing message() {
			return this.message;
		}

		public synchronized long acceptedAtMillis() {
			return this.acceptedAtMillis;
		}

		public synchronized @Nullable Long seenAt(MessageStatus status) {
			return this.firstSeen.get(status);
		}

		/**
		 * {@code read} wins (as in the gateway's read model), then a terminal failure.
		 */
		public synchronized @Nullable MessageStatus finalStatus() {
			if (this.firstSeen.containsKey(MessageStatus.READ)) {
				return MessageStatus.READ;
			}
			return this.firstSeen.keySet().stream().filter(MessageStatus::isTerminalFailure).findFirst().orElse(null);
		}

		/**
		 * Whether the sender's outcome is known: {@code accepted} or a terminal failure
		 * (or a later status, which implies acceptance).
		 */
		synchronized boolean hasOutcome() {
			return this.firstSeen.keySet()
				.stream()
				.anyMatch((status) -> status.rank() >= MessageStatus.ACCEPTED.rank());
		}

		synchronized @Nullable Long outcomeAt() {
			return this.firstSeen.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().rank() >= MessageStatus.ACCEPTED.rank())
				.map(Map.Entry::getValue)
				.min(Long::compare)
				.orElse(null);
		}

		public synchronized @Nullable Long finalAt() {
			MessageStatus status = finalStatus();
			return (status != null) ? this.firstSeen.get(status) : null;
		}

		/** The furthest status seen, for messages that never finished. */
		public synchronized String lastStatus() {
			return this.firstSeen.keySet()
				.stream()
				.max(Comparator.comparingInt(MessageStatus::rank))
				.map(MessageStatus::wireName)
				.orElse("queued");
		}

		public synchronized @Nullable ErrorInfo error() {
			return this.error;
		}

		public synchronized int events() {
			return this.events;
		}

	}

}
