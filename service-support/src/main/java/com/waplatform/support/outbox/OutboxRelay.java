package com.waplatform.support.outbox;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.waplatform.common.business.BusinessEvent;
import com.waplatform.common.event.Event;
import com.waplatform.common.event.EventTypes;
import com.waplatform.common.json.Json;
import com.waplatform.common.kafka.Topics;
import com.waplatform.support.kafka.EventPublisher;
import com.waplatform.support.kafka.RejectedEventException;
import com.waplatform.support.kafka.TransientFailures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishes outbox rows in id order and deletes them once the broker acknowledged.
 * <p>
 * One relay at a time per service schema, which keeps per-key order across the instances
 * of a service: a relay that finds rows takes the schema's lease ({@code outbox_lease},
 * one row) with a short update that succeeds when the lease has expired or is its own,
 * renews it before each batch, and gives it back when the outbox is drained. Nothing is
 * held while it waits for Kafka: every statement (lease, select, delete) commits on its
 * own, so relays of other services (other schemas) never wait for this one, and a relay
 * waiting for acks blocks no writer. A relay that dies keeps the lease until it expires
 * ({@code platform.outbox.lease-time}), then another instance takes over; a publication
 * gives up after half the lease time, so a holder alive never loses its lease while its
 * records are still on their way (a failed batch keeps the lease, and is retried by the
 * same relay).
 * <p>
 * A crash between publish and delete republishes: consumers skip duplicates by event id.
 * Ids are taken when rows are inserted, not when their transactions commit, so a row may
 * become visible after rows with higher ids were relayed: only the rows actually
 * published are deleted, never "everything up to the last id" (which silently dropped
 * such late rows). Such a late row is published after the higher ids; consumers whose
 * order matters rank their events (statuses only move forward). Each record carries its
 * row's trace context as its {@code traceparent} header: the relay itself opens no span,
 * the message's trace goes on in its consumers.
 * <p>
 * A row that cannot be read (an event type no class maps, a payload that does not parse)
 * would stop its outbox for good: it is dead-lettered instead ({@link OutboxDeadLetters},
 * {@code <topic>-dlt} with the reason, counted in {@code platform.dead.letters}), logged
 * and deleted, and the rows after it are published.
 * <p>
 * Besides {@code outbox.published}, the gauges {@code outbox.backlog} (rows not relayed
 * yet) and {@code outbox.oldest.age} (how long the oldest of them has waited), measured
 * every {@code platform.outbox.metrics-interval}: a relay that stopped (Kafka down) shows
 * as a growing age long before anyone misses an event.
 */
public class OutboxRelay {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	private static final Duration OUTAGE_LOG_INTERVAL = Duration.ofSeconds(30);

	private final AtomicLong lastOutageLog = new AtomicLong();

	private final DatabaseClient db;

	private final EventPublisher publisher;

	private final OutboxDeadLetters deadLetters;

	private final int batchSize;

	private final Duration leaseTime;

	private final String holder;

	private final Counter published;

	private final AtomicLong backlog = new AtomicLong();

	private final AtomicLong oldestAgeMillis = new AtomicLong();

	public OutboxRelay(DatabaseClient db, EventPublisher publisher, OutboxDeadLetters deadLetters, int batchSize,
			Duration leaseTime, MeterRegistry meters) {
		this.db = db;
		this.publisher = publisher;
		this.deadLetters = deadLetters;
		this.batchSize = batchSize;
		this.leaseTime = leaseTime;
		this.holder = holderName();
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

	/** This relay's name in the lease: the host (pod), the process and a random part. */
	private static String holderName() {
		String host = System.getenv("HOSTNAME");
		return ((host != null) ? host : "relay") + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID();
	}

	/** The name this relay holds the lease under. */
	String holder() {
		return this.holder;
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
		// an idle outbox costs one read per poll, no write: the lease is taken only for
		// rows, and given back once they are out
		return this.db.sql("select exists (select 1 from outbox) as waiting")
			.map((row) -> Boolean.TRUE.equals(row.get("waiting", Boolean.class)))
			.one()
			.filter(Boolean::booleanValue)
			.flatMap(
					(waiting) -> drainBatch().expand((count) -> (count == this.batchSize) ? drainBatch() : Mono.empty())
						.then(release()))
			.onErrorResume(TransientFailures::isRecoverable, this::outage);
	}

	/**
	 * The database or the broker is unreachable: the next poll tries again, the rows wait
	 * in the table. One WARN line per {@link #OUTAGE_LOG_INTERVAL}, not one per 50 ms
	 * poll (Spring's own line for a failed scheduled task).
	 */
	private Mono<Void> outage(Throwable failure) {
		long now = System.nanoTime();
		long last = this.lastOutageLog.get();
		if ((last == 0 || now - last >= OUTAGE_LOG_INTERVAL.toNanos()) && this.lastOutageLog.compareAndSet(last, now)) {
			logger.warn("Outbox relay waits for the database or the broker (next attempt in the next poll): {}",
					failure.toString());
		}
		return Mono.empty();
	}

	/**
	 * Relays one batch under the lease (taken or renewed first); emits how many rows it
	 * relayed, nothing when another relay holds the lease.
	 */
	Mono<Integer> drainBatch() {
		return acquire().filter(Boolean::booleanValue).flatMap((held) -> publishBatch());
	}

	/**
	 * Takes or renews the lease: emits whether this relay holds it now. One short
	 * statement: concurrent relays queue on the row, and the second one sees the first
	 * one's lease.
	 */
	Mono<Boolean> acquire() {
		return this.db.sql("""
				update outbox_lease set holder = :holder, expires_at = now() + :millis * interval '1 millisecond'
				where expires_at < now() or holder = :holder""")
			.bind("holder", this.holder)
			.bind("millis", this.leaseTime.toMillis())
			.fetch()
			.rowsUpdated()
			.map((updated) -> updated == 1);
	}

	/** Gives the lease back (if it is this relay's), for any instance to take at once. */
	Mono<Void> release() {
		return this.db
			.sql("update outbox_lease set expires_at = '-infinity' where holder = :holder " + "and expires_at > now()")
			.bind("holder", this.holder)
			.then();
	}

	private Mono<Integer> publishBatch() {
		return this.db
			.sql("select id, topic, record_key, event_type, payload, traceparent from outbox order by id limit :limit")
			.bind("limit", this.batchSize)
			.map((row) -> new Row(row.get("id", Long.class), row.get("topic", String.class),
					row.get("record_key", String.class), row.get("event_type", String.class),
					row.get("payload", String.class), row.get("traceparent", String.class)))
			.all()
			.collectList()
			.flatMap(this::publishAndDelete);
	}

	private Mono<Integer> publishAndDelete(List<Row> rows) {
		if (rows.isEmpty()) {
			return Mono.just(0);
		}
		// flatMapSequential subscribes in order, so records reach the producer in outbox
		// order; no transaction is open while they wait for their acks
		return Flux.fromIterable(rows)
			.flatMapSequential((row) -> publish(row).thenReturn(row.id()), 512)
			// exactly the rows published: a transaction that took a lower id but
			// committed after the select above is not in this batch, and must wait for
			// the next one
			.then(this.db.sql("delete from outbox where id = any(:ids)")
				.bind("ids", rows.stream().map(Row::id).toArray(Long[]::new))
				.fetch()
				.rowsUpdated())
			.doOnSuccess((deleted) -> this.published.increment(rows.size()))
			.thenReturn(rows.size())
			.timeout(this.leaseTime.dividedBy(2));
	}

	/** Publishes a row's event, or dead-letters the row when it cannot be read. */
	private Mono<Void> publish(Row row) {
		Event event;
		try {
			event = row.event();
		}
		catch (UnreadableRowException ex) {
			logger.error("Outbox row {} ({} on {}) cannot be read ({}): dead-lettered to {}", row.id(), row.type(),
					row.topic(), ex.reason, OutboxDeadLetters.dltOf(row.topic()), ex);
			return this.deadLetters.deadLetter(row.topic(), row.key(), row.type(), row.payload(), ex.reason, ex);
		}
		return this.publisher.publish(row.topic(), event, row.traceparent());
	}

	private record Row(Long id, String topic, String key, String type, String payload, @Nullable String traceparent) {

		/**
		 * The event, read by its type name; business events carry their producer's
		 * CloudEvents type ({@code booking.confirmed}), so on their topic the topic
		 * decides.
		 */
		Event event() {
			Class<?> eventClass = Topics.BUSINESS_EVENTS.name().equals(this.topic) ? BusinessEvent.class
					: EventTypes.classOf(this.type)
						.orElseThrow(() -> new UnreadableRowException(OutboxDeadLetters.UNKNOWN_EVENT_TYPE,
								"Outbox row " + this.id + " has unknown type " + this.type, null));
			try {
				return (Event) Json.mapper().readValue(this.payload, eventClass);
			}
			catch (RuntimeException ex) {
				throw new UnreadableRowException(RejectedEventException.UNREADABLE_RECORD,
						"Outbox row " + this.id + " of type " + this.type + " does not parse: " + ex.getMessage(), ex);
			}
		}

	}

	/** A row that can never be published, with the reason it is dead-lettered with. */
	private static final class UnreadableRowException extends IllegalStateException {

		private final String reason;

		UnreadableRowException(String reason, String message, @Nullable Throwable cause) {
			super(message, cause);
			this.reason = reason;
		}

	}

}
