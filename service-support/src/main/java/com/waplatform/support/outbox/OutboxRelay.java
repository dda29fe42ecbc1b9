package com.waplatform.support.outbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.waplatform.common.business.BusinessEvent;
import com.waplatform.common.event.Event;
import com.waplatform.common.event.EventTypes;
import com.waplatform.common.json.Json;
import com.waplatform.common.kafka.Topics;
import com.waplatform.support.kafka.EventPublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Publishes outbox rows in id order and deletes them once the broker acknowledged. A
 * transaction advisory lock lets one instance relay at a time, which keeps per-key order
 * across instances. A crash between publish and delete republishes: consumers skip
 * duplicates by event id. Ids are taken when rows are inserted, not when their
 * transactions commit, so a row may become visible after rows with higher ids were
 * relayed: only the rows actually published are deleted, never "everything up to the last
 * id" (which silently dropped such late rows). Such a late row is published after the
 * higher ids; consumers whose order matters rank their events (statuses only move
 * forward). Each record carries its row's trace context as its {@code traceparent}
 * header: the relay itself opens no span, the message's trace goes on in its consumers.
 * <p>
 * Besides {@code outbox.published}, the gauges {@code outbox.backlog} (rows not relayed
 * yet) and {@code outbox.oldest.age} (how long the oldest of them has waited), measured
 * every {@code platform.outbox.metrics-interval}: a relay that stopped (Kafka down, a row
 * that cannot be published) shows as a growing age long before anyone misses an event.
 */
public class OutboxRelay {

	private static final long LOCK_ID = 7_370_501L;

	private final DatabaseClient db;

	private final TransactionalOperator tx;

	private final EventPublisher publisher;

	private final int batchSize;

	private final Counter published;

	private final AtomicLong backlog = new AtomicLong();

	private final AtomicLong oldestAgeMillis = new AtomicLong();

	public OutboxRelay(DatabaseClient db, TransactionalOperator tx, EventPublisher publisher, int batchSize,
			MeterRegistry meters) {
		this.db = db;
		this.tx = tx;
		this.publisher = publisher;
		this.batchSize = batchSize;
		this.published = Counter.builder("outbox.published")
			.description("Events relayed from the outbox")
			.register(meters);
		Gauge.builder("outbox.backlog", this.backlog, AtomicLong::doubleValue)
			.description("Outbox rows not relayed yet, as of the last measurement")
			.register(meters);
		TimeGauge.builder("outbox.oldest.age", this.oldestAgeMillis, TimeUnit.MILLISECONDS, AtomicLong::doubleValue)
			.description("How long the oldest outbox row not relayed yet has waited (0 when none)")
			.register(meters);
	}

	/** Measures the backlog gauges. */
	@Scheduled(fixedDelayString = "${platform.outbox.metrics-interval:5s}")
	public Mono<Void> measureBacklog() {
		return this.db
			.sql("select count(*) as waiting, coalesce(extract(epoch from now() - min(created_at)) * 1000, 0) as age "
					+ "from outbox")
			.map((row) -> new long[] { row.get("waiting", Long.class), row.get("age", Number.class).longValue() })
			.one()
			.doOnNext((measured) -> {
				this.backlog.set(measured[0]);
				this.oldestAgeMillis.set(Math.max(0, measured[1]));
			})
			.then();
	}

	@Scheduled(fixedDelayString = "${platform.outbox.poll-interval:50ms}")
	public Mono<Void> relay() {
		return drainBatch().expand((count) -> (count == this.batchSize) ? drainBatch() : Mono.empty()).then();
	}

	/** Relays one batch; emits how many rows it published. */
	Mono<Integer> drainBatch() {
		Mono<Integer> batch = this.db.sql("select pg_try_advisory_xact_lock(:lock) as locked")
			.bind("lock", LOCK_ID)
			.map((row) -> Boolean.TRUE.equals(row.get("locked", Boolean.class)))
			.one()
			.flatMap((locked) -> locked ? publishBatch() : Mono.just(0));
		return this.tx.transactional(batch);
	}

	private Mono<Integer> publishBatch() {
		return this.db.sql("select id, topic, event_type, payload, traceparent from outbox order by id limit :limit")
			.bind("limit", this.batchSize)
			.map((row) -> new Row(row.get("id", Long.class), row.get("topic", String.class),
					row.get("event_type", String.class), row.get("payload", String.class),
					row.get("traceparent", String.class)))
			.all()
			.collectList()
			.flatMap(this::publishAndDelete);
	}

	private Mono<Integer> publishAndDelete(List<Row> rows) {
		if (rows.isEmpty()) {
			return Mono.just(0);
		}
		// flatMapSequential subscribes in order, so records reach the producer in outbox
		// order
		return Flux.fromIterable(rows)
			.flatMapSequential(
					(row) -> this.publisher.publish(row.topic(), row.event(), row.traceparent()).thenReturn(row.id()),
					512)
			// exactly the rows published: a transaction that took a lower id but
			// committed
			// after the select above is not in this batch, and must wait for the next one
			.then(this.db.sql("delete from outbox where id = any(:ids)")
				.bind("ids", rows.stream().map(Row::id).toArray(Long[]::new))
				.fetch()
				.rowsUpdated())
			.doOnSuccess((deleted) -> this.published.increment(rows.size()))
			.thenReturn(rows.size())
			.timeout(Duration.ofSeconds(30));
	}

	private record Row(Long id, String topic, String type, String payload, @Nullable String traceparent) {

		/**
		 * The event, read by its type name; business events carry their producer's
		 * CloudEvents type ({@code booking.confirmed}), so on their topic the topic
		 * decides.
		 */
		Event event() {
			Class<?> eventClass = Topics.BUSINESS_EVENTS.name().equals(this.topic) ? BusinessEvent.class : EventTypes
				.classOf(this.type)
				.orElseThrow(
						() -> new IllegalStateException("Outbox row " + this.id + " has unknown type " + this.type));
			return (Event) Json.mapper().readValue(this.payload, eventClass);
		}

	}

}
