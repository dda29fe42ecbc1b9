package com.waplatform.gateway.deadletters;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import com.waplatform.common.kafka.Topic;
import com.waplatform.common.kafka.Topics;
import com.waplatform.gateway.deadletters.DeadLetterViews.DeadLetter;
import com.waplatform.gateway.deadletters.DeadLetterViews.Page;
import com.waplatform.gateway.deadletters.DeadLetterViews.Replay;
import com.waplatform.gateway.deadletters.DeadLetterViews.ReplayResponse;
import com.waplatform.support.kafka.DeadLetterRecord;
import com.waplatform.support.kafka.DeadLetterTopicReader;
import com.waplatform.support.kafka.DeadLetterTopicReader.Position;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Lists and replays the records of every dead-letter topic ({@code <topic>-dlt} of each
 * of {@code Topics.ALL}), read by service-support's {@link DeadLetterTopicReader}. A
 * replay publishes the record as it was ({@link DeadLetterRecord#replay}: its original
 * topic, key, value and headers, minus the dead-letter headers) and is idempotent: the
 * record's coordinates are inserted into {@code dead_letter_replays} in the transaction
 * that publishes it, and a record already there is not published again. The publication
 * is awaited before the transaction commits: a failed publication leaves the record
 * replayable; a commit that fails after the broker took the record lets a later replay
 * publish it again (at least once; the consumers' processed-event logs absorb it).
 * <p>
 * A send request replayed from {@code wa.send-requests-dlt} carries the replay header,
 * which tells the sender to make its dead-lettered message sendable again (a message that
 * became final meanwhile stays final).
 */
@Service
class DeadLetterAdmin implements DisposableBean {

	/** The dead-letter topics, in the order of {@code Topics.ALL}, by name. */
	static final Map<String, Topic<?>> TOPICS = topics();

	private final DeadLetterTopicReader reader;

	private final DatabaseClient db;

	private final TransactionalOperator tx;

	private final Clock clock;

	private final DefaultKafkaProducerFactory<byte[], byte[]> producers;

	private final KafkaTemplate<byte[], byte[]> kafka;

	DeadLetterAdmin(DeadLetterTopicReader reader, DatabaseClient db, TransactionalOperator tx, Clock clock,
			KafkaProperties kafka) {
		this.reader = reader;
		this.db = db;
		this.tx = tx;
		this.clock = clock;
		this.producers = new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties(), new ByteArraySerializer(),
				new ByteArraySerializer());
		this.kafka = new KafkaTemplate<>(this.producers);
	}

	private static Map<String, Topic<?>> topics() {
		Map<String, Topic<?>> topics = new LinkedHashMap<>();
		Topics.ALL.forEach((topic) -> topics.put(topic.dlt(), topic));
		return java.util.Collections.unmodifiableMap(topics);
	}

	/**
	 * Up to {@code limit} dead letters of {@code topic} (every dead-letter topic when
	 * null) after the cursor, in topic, partition and offset order, of the organization
	 * if one is given.
	 */
	Mono<Page> list(@Nullable String topic, @Nullable String organizationId, @Nullable Cursor after, int limit) {
		List<String> topics = new ArrayList<>((topic != null) ? List.of(topic) : TOPICS.keySet());
		Position from = Position.START;
		if (after != null) {
			int index = topics.indexOf(after.topic());
			topics = (index < 0) ? List.of() : topics.subList(index, topics.size());
			from = new Position(after.partition(), after.offset() + 1);
		}
		Predicate<DeadLetterRecord> filter = (organizationId != null)
				? (record) -> organizationId.equals(record.organizationId()) : (record) -> true;
		return collect(topics, 0, from, limit + 1, filter, new ArrayList<>()).flatMap((found) -> {
			List<DeadLetterRecord> page = found.subList(0, Math.min(limit, found.size()));
			String next = (found.size() > limit) ? Cursor.of(page.get(page.size() - 1)).toString() : null;
			return replayedAt(page).map((replayed) -> new Page(
					page.stream().map((record) -> view(record, replayed.get(Cursor.of(record).toString()))).toList(),
					next));
		});
	}

	private Mono<List<DeadLetterRecord>> collect(List<String> topics, int index, Position from, int wanted,
			Predicate<DeadLetterRecord> filter, List<DeadLetterRecord> found) {
		if (index >= topics.size() || found.size() >= wanted) {
			return Mono.just(found);
		}
		return this.reader.read(topics.get(index), from, wanted - found.size(), filter).flatMap((records) -> {
			found.addAll(records);
			return collect(topics, index + 1, Position.START, wanted, filter, found);
		});
	}

	private Mono<Map<String, Instant>> replayedAt(List<DeadLetterRecord> records) {
		if (records.isEmpty()) {
			return Mono.just(Map.of());
		}
		String[] keys = records.stream().map((record) -> Cursor.of(record).toString()).toArray(String[]::new);
		return this.db.sql("""
				select topic || ':' || partition_no || ':' || record_offset as k, replayed_at
				from dead_letter_replays where topic || ':' || partition_no || ':' || record_offset = any(:keys)""")
			.bind("keys", keys)
			.map((row) -> Map.entry(Objects.requireNonNull(row.get("k", String.class)),
					Objects.requireNonNull(row.get("replayed_at", Instant.class))))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/**
	 * Replays the records at {@code positions} of the topic (all of its records when
	 * null), one after the other; the results follow the positions' order.
	 */
	Mono<ReplayResponse> replay(String topic, @Nullable List<Position> positions) {
		Topic<?> family = Objects.requireNonNull(TOPICS.get(topic));
		Flux<Replay> results;
		if (positions == null) {
			results = this.reader.readAll(topic)
				.flatMapMany(Flux::fromIterable)
				.concatMap((record) -> replay(family, record));
		}
		else {
			List<Position> distinct = positions.stream().distinct().toList();
			results = this.reader.readAt(topic, distinct)
				.flatMapMany((found) -> Flux.fromIterable(distinct).concatMap((position) -> {
					DeadLetterRecord record = found.get(position);
					return (record != null) ? replay(family, record) : Mono
						.just(new Replay(position.partition(), position.offset(), Result.NOT_FOUND.wire, null));
				}));
		}
		return results.collectList()
			.map((replays) -> new ReplayResponse(topic, count(replays, Result.REPLAYED),
					count(replays, Result.ALREADY_REPLAYED), count(replays, Result.NOT_FOUND), replays));
	}

	private Mono<Replay> replay(Topic<?> family, DeadLetterRecord record) {
		String target = record.replayTopic(family);
		Mono<Replay> once = this.db.sql("""
				insert into dead_letter_replays (topic, partition_no, record_offset, replayed_to, replayed_at)
				values (:topic, :partition, :offset, :to, :at) on conflict do nothing""")
			.bind("topic", record.topic())
			.bind("partition", record.partition())
			.bind("offset", record.offset())
			.bind("to", target)
			.bind("at", this.clock.instant())
			.fetch()
			.rowsUpdated()
			.flatMap((inserted) -> (inserted == 0)
					? Mono.just(new Replay(record.partition(), record.offset(), Result.ALREADY_REPLAYED.wire, null))
					: Mono.fromFuture(() -> this.kafka.send(record.replay(family)))
						.thenReturn(new Replay(record.partition(), record.offset(), Result.REPLAYED.wire, target)));
		return this.tx.transactional(once);
	}

	private static int count(List<Replay> replays, Result result) {
		return (int) replays.stream().filter((replay) -> replay.result().equals(result.wire)).count();
	}

	private static DeadLetter view(DeadLetterRecord record, @Nullable Instant replayedAt) {
		return new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(), record.timestamp(),
				record.originalTopic(), record.originalPartition(), record.originalOffset(), record.reason(),
				record.reasonCode(), record.exceptionClass(), record.organizationId(), record.eventType(), replayedAt);
	}

	@Override
	public void destroy() {
		this.producers.destroy();
	}

	/** What a replay did with one record. */
	enum Result {

		REPLAYED("replayed"), ALREADY_REPLAYED("already_replayed"), NOT_FOUND("not_found");

		final String wire;

		Result(String wire) {
			this.wire = wire;
		}

	}

	/**
	 * A place in the dead-letter topics: {@code <topic>:<partition>:<offset>} (a page
	 * continues after it).
	 */
	record Cursor(String topic, int partition, long offset) {

		static Cursor of(DeadLetterRecord record) {
			return new Cursor(record.topic(), record.partition(), record.offset());
		}

		/** The cursor written as {@link #toString()}, or null if it is none. */
		static @Nullable Cursor parse(String text) {
			String[] parts = text.split(":");
			if (parts.length != 3 || !TOPICS.containsKey(parts[0])) {
				return null;
			}
			try {
				int partition = Integer.parseInt(parts[1]);
				long offset = Long.parseLong(parts[2]);
				return (partition >= 0 && offset >= 0) ? new Cursor(parts[0], partition, offset) : null;
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

		@Override
		public String toString() {
			return this.topic + ":" + this.partition + ":" + this.offset;
		}

	}

}
