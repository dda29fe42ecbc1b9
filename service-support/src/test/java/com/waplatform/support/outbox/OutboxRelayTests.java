package com.waplatform.support.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.waplatform.common.event.Event;
import com.waplatform.common.event.EventHeaders;
import com.waplatform.common.json.Json;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.ErrorInfo;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.support.kafka.EventPublisher;
import com.waplatform.support.kafka.RejectedEventException;
import com.waplatform.support.retention.PurgedTable;
import com.waplatform.support.retention.RetentionPurge;
import com.waplatform.support.tracing.TraceContexts;
import com.waplatform.testsupport.Infrastructure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.spi.ConnectionFactories;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.reactive.TransactionalOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = OutboxRelayTests.App.class,
		properties = { "spring.application.name=support-tests", "platform.schema=supporttest" })
@DirtiesContext
class OutboxRelayTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
	}

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionalOperator tx;

	@Autowired
	DatabaseClient db;

	@Autowired
	ProcessedEvents processedEvents;

	@Autowired
	App.Received received;

	@Autowired
	App.GatedPublisher publisher;

	@Autowired
	OutboxRelay relay;

	@Autowired
	MeterRegistry meters;

	@Autowired
	TraceContexts traces;

	@Autowired
	OutboxDeadLetters deadLetters;

	@Autowired
	RetentionPurge retention;

	private static final String GATED = "gated-" + UUID.randomUUID();

	private static final String OTHER_SCHEMA = "supporttest2";

	@Test
	void committedEventsArePublishedInOrderWithCloudEventsHeaders() {
		String messageId = UUID.randomUUID().toString();
		List<StatusEvent> events = List.of(status(messageId, MessageStatus.ACCEPTED),
				status(messageId, MessageStatus.SENT), status(messageId, MessageStatus.DELIVERED));
		StepVerifier
			.create(this.tx.transactional(Mono
				.when(events.stream().map((event) -> this.outbox.append(Topics.STATUS_EVENTS, event)).toList())))
			.expectComplete()
			.verify(Duration.ofSeconds(10));

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.received.forMessage(messageId)).hasSize(3));
		List<ConsumerRecord<String, Event>> records = this.received.forMessage(messageId);
		assertThat(records).extracting((record) -> ((StatusEvent) record.value()).status())
			.containsExactly(MessageStatus.ACCEPTED, MessageStatus.SENT, MessageStatus.DELIVERED);
		ConsumerRecord<String, Event> first = records.get(0);
		assertThat(first.key()).isEqualTo(messageId);
		assertThat(header(first, EventHeaders.TYPE)).isEqualTo("message.status");
		assertThat(header(first, EventHeaders.ID)).isEqualTo(events.get(0).eventId().toString());
		assertThat(header(first, EventHeaders.SPEC_VERSION)).isEqualTo("1.0");
		assertThat(header(first, EventHeaders.ORGANIZATION_ID)).isEqualTo("org-1");
		assertThat(first.value()).isEqualTo(events.get(0));
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.db.sql("select count(*) as n from outbox")
				.map((row) -> row.get("n", Long.class))
				.one()
				.block()).isZero());
	}

	@Test
	void eventsAppendedInOneStatementArePublishedInTheirOrder() {
		String messageId = UUID.randomUUID().toString();
		List<StatusEvent> events = List.of(status(messageId, MessageStatus.ACCEPTED),
				status(messageId, MessageStatus.SENT), status(messageId, MessageStatus.DELIVERED),
				status(messageId, MessageStatus.READ));
		StepVerifier.create(this.tx.transactional(this.outbox.appendAll(Topics.STATUS_EVENTS, events)))
			.expectComplete()
			.verify(Duration.ofSeconds(10));

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.received.forMessage(messageId)).hasSize(4));
		assertThat(this.received.forMessage(messageId)).extracting(ConsumerRecord::value)
			.containsExactlyElementsOf(events);
	}

	/**
	 * Outbox ids are taken at insert, rows become visible at commit: a transaction that
	 * took id N and commits while the relay is publishing N + 1 must still get its event
	 * out.
	 */
	@Test
	void anEventCommittedLateWithALowerIdIsStillPublished() {
		String lateId = UUID.randomUUID().toString();
		CompletableFuture<Void> inserted = new CompletableFuture<>();
		CompletableFuture<Void> commit = new CompletableFuture<>();
		Mono<Void> late = this.outbox.append(Topics.STATUS_EVENTS, status(lateId, MessageStatus.ACCEPTED))
			.then(Mono.fromRunnable(() -> inserted.complete(null)))
			.then(Mono.fromFuture(commit));
		CompletableFuture<Void> lateCommitted = this.tx.transactional(late).toFuture();
		inserted.orTimeout(10, TimeUnit.SECONDS).join();

		// the relay publishes the next event (a higher id) while the late one is still
		// open; the late transaction commits before the relay's delete
		this.publisher.holdUntil(GATED, lateCommitted);
		StepVerifier
			.create(this.tx.transactional(this.outbox.append(Topics.STATUS_EVENTS, status(GATED, MessageStatus.SENT))))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		this.publisher.gateReached().orTimeout(20, TimeUnit.SECONDS).join();
		commit.complete(null);

		await().atMost(Duration.ofSeconds(20)).until(() -> !this.received.forMessage(GATED).isEmpty());
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.received.forMessage(lateId)).hasSize(1));
	}

	@Test
	void rolledBackEventsAreNeverPublished() {
		String messageId = UUID.randomUUID().toString();
		Mono<Void> failing = this.outbox.append(Topics.STATUS_EVENTS, status(messageId, MessageStatus.FAILED))
			.then(Mono.error(new IllegalStateException("business write failed")));
		StepVerifier.create(this.tx.transactional(failing))
			.expectError(IllegalStateException.class)
			.verify(Duration.ofSeconds(10));
		String marker = UUID.randomUUID().toString();
		StepVerifier
			.create(this.tx
				.transactional(this.outbox.append(Topics.STATUS_EVENTS, status(marker, MessageStatus.ACCEPTED))))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		await().atMost(Duration.ofSeconds(20)).until(() -> !this.received.forMessage(marker).isEmpty());
		assertThat(this.received.forMessage(messageId)).isEmpty();
	}

	/**
	 * A row keeps the trace of the work that appended it and its record carries it on
	 * (W3C {@code traceparent} header): the appending work's span, a child of the trace
	 * it continued; explicit trace contexts per event (a batch of outcomes of several
	 * messages); no header without a trace.
	 */
	@Test
	void recordsCarryTheTraceOfTheWorkThatAppendedThem() {
		String traced = UUID.randomUUID().toString();
		String incoming = "00-" + hex(32) + "-" + hex(16) + "-01";
		StepVerifier
			.create(this.traces.continued("test.work", incoming,
					this.tx.transactional(
							this.outbox.append(Topics.STATUS_EVENTS, status(traced, MessageStatus.ACCEPTED)))))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		String first = UUID.randomUUID().toString();
		String second = UUID.randomUUID().toString();
		String untraced = UUID.randomUUID().toString();
		String firstTrace = "00-" + hex(32) + "-" + hex(16) + "-01";
		StepVerifier
			.create(this.tx.transactional(this.outbox
				.appendAll(Topics.STATUS_EVENTS,
						List.of(status(first, MessageStatus.SENT), status(second, MessageStatus.SENT)),
						Arrays.asList(firstTrace, null))
				.then(this.outbox.append(Topics.STATUS_EVENTS, status(untraced, MessageStatus.SENT)))))
			.expectComplete()
			.verify(Duration.ofSeconds(10));

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.received.forMessage(untraced)).hasSize(1));
		String header = TraceContexts.of(this.received.forMessage(traced).get(0).headers());
		assertThat(TraceContexts.traceId(header)).isEqualTo(TraceContexts.traceId(incoming));
		assertThat(header).isNotEqualTo(incoming).endsWith("-01");
		assertThat(TraceContexts.of(this.received.forMessage(first).get(0).headers())).isEqualTo(firstTrace);
		assertThat(TraceContexts.of(this.received.forMessage(second).get(0).headers())).isNull();
		assertThat(TraceContexts.of(this.received.forMessage(untraced).get(0).headers())).isNull();
	}

	/**
	 * A relay waiting for Kafka holds nothing in the database: while one schema's relay
	 * (another service's, here {@code supporttest2}) cannot get an ack, this schema's
	 * relay publishes, no session is idle in a transaction, the stalled relay's lease row
	 * is not locked, and a second relay of the stalled schema does not publish while the
	 * lease is held (one relay per schema, per-key order).
	 */
	@Test
	void aRelayWaitingForKafkaHoldsNoLockAndBlocksNoOtherSchema() {
		DatabaseClient other = otherSchema();
		String waiting = UUID.randomUUID().toString();
		StepVerifier.create(appendTo(other, status(waiting, MessageStatus.ACCEPTED)))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		StalledPublisher stalled = new StalledPublisher();
		OutboxRelay stalledRelay = new OutboxRelay(other, stalled, this.deadLetters, 500, Duration.ofSeconds(60),
				new SimpleMeterRegistry());
		CompletableFuture<Void> stalledRound = stalledRelay.relay().toFuture();
		try {
			stalled.reached.orTimeout(20, TimeUnit.SECONDS).join();

			String meanwhile = UUID.randomUUID().toString();
			StepVerifier
				.create(this.tx
					.transactional(this.outbox.append(Topics.STATUS_EVENTS, status(meanwhile, MessageStatus.SENT))))
				.expectComplete()
				.verify(Duration.ofSeconds(10));
			await().atMost(Duration.ofSeconds(20)).until(() -> !this.received.forMessage(meanwhile).isEmpty());

			assertThat(stalledRound).isNotDone();
			assertThat(
					count(this.db,
							"select count(*) as n from pg_stat_activity "
									+ "where datname = current_database() and state like 'idle in transaction%'"))
				.isZero();
			assertThat(count(this.db, "select count(*) as n from pg_locks where locktype = 'advisory'")).isZero();
			assertThat(other.sql("select holder from outbox_lease for update nowait")
				.map((row) -> row.get("holder", String.class))
				.one()
				.block(Duration.ofSeconds(10))).isEqualTo(stalledRelay.holder());

			OutboxRelay second = new OutboxRelay(other, this.publisher, this.deadLetters, 500, Duration.ofSeconds(60),
					new SimpleMeterRegistry());
			assertThat(second.drainBatch().blockOptional(Duration.ofSeconds(10))).isEmpty();
			assertThat(count(other, "select count(*) as n from outbox")).isOne();
			assertThat(this.received.forMessage(waiting)).isEmpty();

			// the holder gives the lease back: the second relay takes over at once
			stalledRound.cancel(true);
			stalledRelay.release().block(Duration.ofSeconds(10));
			assertThat(second.drainBatch().block(Duration.ofSeconds(20))).isOne();
			second.release().block(Duration.ofSeconds(10));
			await().atMost(Duration.ofSeconds(20)).until(() -> !this.received.forMessage(waiting).isEmpty());
		}
		finally {
			stalledRound.cancel(true);
		}
	}

	/**
	 * A relay that died keeps the lease until it expires; then another instance takes it.
	 */
	@Test
	void anotherRelayTakesTheLeaseOfOneThatDiedOnceItExpires() {
		DatabaseClient other = otherSchema();
		OutboxRelay dead = new OutboxRelay(other, this.publisher, this.deadLetters, 500, Duration.ofSeconds(1),
				new SimpleMeterRegistry());
		OutboxRelay survivor = new OutboxRelay(other, this.publisher, this.deadLetters, 500, Duration.ofSeconds(1),
				new SimpleMeterRegistry());
		await().atMost(Duration.ofSeconds(20)).until(() -> dead.acquire().block(Duration.ofSeconds(10)));
		assertThat(survivor.acquire().block(Duration.ofSeconds(10))).isFalse();
		await().atMost(Duration.ofSeconds(20)).until(() -> survivor.acquire().block(Duration.ofSeconds(10)));
		assertThat(dead.acquire().block(Duration.ofSeconds(10))).isFalse();
		survivor.release().block(Duration.ofSeconds(10));
	}

	/**
	 * A row that cannot be read goes to its topic's dead-letter topic with the reason, as
	 * the platform's error handler writes it, is counted, and does not stop the rows
	 * after it.
	 */
	@Test
	void anUnreadableRowIsDeadLetteredAndTheRowsAfterItArePublished() {
		String unknown = "unknown-" + UUID.randomUUID();
		String garbled = "garbled-" + UUID.randomUUID();
		String next = UUID.randomUUID().toString();
		double unknownBefore = deadLetters("unknown_event_type");
		double garbledBefore = deadLetters("unreadable_record");
		Mono<Void> rows = this.db.sql("""
				insert into outbox (topic, record_key, event_type, payload) values
				('wa.status-events', :unknown, 'message.no-such-type', '{"x":1}'),
				('wa.status-events', :garbled, 'message.status', 'not json')""")
			.bind("unknown", unknown)
			.bind("garbled", garbled)
			.then()
			.then(this.outbox.append(Topics.STATUS_EVENTS, status(next, MessageStatus.SENT)));
		StepVerifier.create(this.tx.transactional(rows)).expectComplete().verify(Duration.ofSeconds(10));

		await().atMost(Duration.ofSeconds(20)).until(() -> !this.received.forMessage(next).isEmpty());
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.received.deadLetter(unknown).isPresent()
					&& this.received.deadLetter(garbled).isPresent());
		ConsumerRecord<String, String> dead = this.received.deadLetter(unknown).orElseThrow();
		assertThat(dead.value()).isEqualTo("{\"x\":1}");
		assertThat(header(dead, RejectedEventException.REASON_HEADER)).isEqualTo("unknown_event_type");
		assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("message.no-such-type");
		assertThat(header(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo("wa.status-events");
		assertThat(header(this.received.deadLetter(garbled).orElseThrow(), RejectedEventException.REASON_HEADER))
			.isEqualTo("unreadable_record");
		assertThat(deadLetters("unknown_event_type") - unknownBefore).isEqualTo(1.0);
		assertThat(deadLetters("unreadable_record") - garbledBefore).isEqualTo(1.0);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(count(this.db, "select count(*) as n from outbox")).isZero());
	}

	/**
	 * The idempotent-consumer log forgets events older than
	 * {@code platform.retention.processed-events} (8 days, longer than any topic keeps a
	 * record), batch by batch, counted per table; younger ones are kept.
	 */
	@Test
	void processedEventsOlderThanTheirRetentionArePurged() {
		String consumer = "purge-" + UUID.randomUUID();
		for (int age : new int[] { 9, 9, 30, 7 }) {
			this.db
				.sql("insert into processed_events (consumer, event_id, processed_at) "
						+ "values (:consumer, :id, now() - make_interval(days => :age))")
				.bind("consumer", consumer)
				.bind("id", UUID.randomUUID())
				.bind("age", age)
				.then()
				.block(Duration.ofSeconds(10));
		}
		StepVerifier.create(this.processedEvents.firstTime(consumer, UUID.randomUUID()))
			.expectNext(true)
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		assertThat(this.retention.tables()).extracting(PurgedTable::table, PurgedTable::retention)
			.contains(tuple("processed_events", Duration.ofDays(8)));
		double before = purged("processed_events");

		this.retention.purge().block(Duration.ofSeconds(30));

		assertThat(count(this.db, "select count(*) as n from processed_events where consumer = '" + consumer + "'"))
			.isEqualTo(2);
		assertThat(count(this.db,
				"select count(*) as n from processed_events where processed_at < now() - interval '8 days'"))
			.isZero();
		assertThat(purged("processed_events") - before).isGreaterThanOrEqualTo(3.0);
	}

	private double purged(String table) {
		Counter counter = this.meters.find(RetentionPurge.PURGED_METRIC).tag("table", table).counter();
		return (counter != null) ? counter.count() : 0.0;
	}

	private double deadLetters(String reason) {
		Counter counter = this.meters.find("platform.dead.letters")
			.tags("topic", "wa.status-events-dlt", "reason", reason)
			.counter();
		return (counter != null) ? counter.count() : 0.0;
	}

	/**
	 * The outbox of another service: schema {@code supporttest2}, migrated as the
	 * services' schemas are, on a connection of its own.
	 */
	private static DatabaseClient otherSchema() {
		Flyway.configure()
			.dataSource(Infrastructure.postgres().getPostgresDatabase())
			.schemas(OTHER_SCHEMA)
			.defaultSchema(OTHER_SCHEMA)
			.locations("classpath:db/support")
			.load()
			.migrate();
		return DatabaseClient.create(ConnectionFactories.get("r2dbc:postgresql://postgres:postgres@localhost:"
				+ Infrastructure.postgres().getPort() + "/postgres?schema=" + OTHER_SCHEMA));
	}

	private static Mono<Void> appendTo(DatabaseClient db, StatusEvent event) {
		return db
			.sql("insert into outbox (topic, record_key, event_type, payload) values "
					+ "('wa.status-events', :key, :type, :payload)")
			.bind("key", event.key())
			.bind("type", event.eventType())
			.bind("payload", Json.mapper().writeValueAsString(event))
			.then();
	}

	private static long count(DatabaseClient db, String sql) {
		return db.sql(sql).map((row) -> row.get("n", Long.class)).one().block(Duration.ofSeconds(10));
	}

	/** Never gets an ack: every publication waits for ever. */
	static final class StalledPublisher extends EventPublisher {

		final CompletableFuture<Void> reached = new CompletableFuture<>();

		StalledPublisher() {
			super(null);
		}

		@Override
		public Mono<Void> publish(String topic, Event event, @Nullable String traceparent) {
			return Mono.fromRunnable(() -> this.reached.complete(null)).then(Mono.never());
		}

	}

	private static String hex(int digits) {
		return UUID.randomUUID().toString().replace("-", "").repeat(2).substring(0, digits);
	}

	@Test
	void backlogGaugesShowRowsTheRelayHasNotPublishedAndTheirAge() {
		String stuck = "stuck-" + UUID.randomUUID();
		CompletableFuture<Void> release = new CompletableFuture<>();
		this.publisher.holdUntil(stuck, release);
		try {
			StepVerifier
				.create(this.tx
					.transactional(this.outbox.append(Topics.STATUS_EVENTS, status(stuck, MessageStatus.ACCEPTED))))
				.expectComplete()
				.verify(Duration.ofSeconds(10));
			this.publisher.gateReached().orTimeout(20, TimeUnit.SECONDS).join();
			// the row is being published, not deleted yet: it waits, and ages
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				this.relay.measureBacklog().block(Duration.ofSeconds(10));
				assertThat(gauge("outbox.backlog")).isGreaterThanOrEqualTo(1.0);
				assertThat(gauge("outbox.oldest.age")).isGreaterThan(0.2);
			});
		}
		finally {
			release.complete(null);
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> !this.received.forMessage(stuck).isEmpty());
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			this.relay.measureBacklog().block(Duration.ofSeconds(10));
			assertThat(gauge("outbox.backlog")).isZero();
			assertThat(gauge("outbox.oldest.age")).isZero();
		});
	}

	private double gauge(String name) {
		return this.meters.get(name).gauge().value();
	}

	@Test
	void processedEventsRecognisesRedelivery() {
		UUID eventId = UUID.randomUUID();
		StepVerifier
			.create(this.processedEvents.firstTime("c1", eventId)
				.concatWith(this.processedEvents.firstTime("c1", eventId))
				.concatWith(this.processedEvents.firstTime("c2", eventId)))
			.expectNext(true, false, true)
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}

	private static StatusEvent status(String messageId, MessageStatus status) {
		return StatusEvent.of("org-1", messageId, status, Instant.now(), "pn-1", "+14155550123", "wamid.1",
				(status == MessageStatus.FAILED) ? ErrorInfo.of(131026, "Message undeliverable", null) : null);
	}

	private static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
		if (record.headers().lastHeader(name) == null) {
			return null;
		}
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	@SpringBootApplication
	static class App {

		@org.springframework.context.annotation.Bean
		Received received() {
			return new Received();
		}

		@org.springframework.context.annotation.Bean
		GatedPublisher gatedPublisher(KafkaTemplate<String, Event> template) {
			return new GatedPublisher(template);
		}

		/** Holds the publishing of one message's event until a signal. */
		static class GatedPublisher extends EventPublisher {

			private volatile CompletableFuture<Void> reached = new CompletableFuture<>();

			private volatile String gatedKey = "";

			private volatile CompletableFuture<?> until = CompletableFuture.completedFuture(null);

			GatedPublisher(KafkaTemplate<String, Event> template) {
				super(template);
			}

			void holdUntil(String key, CompletableFuture<?> signal) {
				this.reached = new CompletableFuture<>();
				this.until = signal;
				this.gatedKey = key;
			}

			CompletableFuture<Void> gateReached() {
				return this.reached;
			}

			@Override
			public Mono<Void> publish(String topic, Event event, @Nullable String traceparent) {
				if (!this.gatedKey.equals(event.key())) {
					return super.publish(topic, event, traceparent);
				}
				return Mono.fromRunnable(() -> this.reached.complete(null))
					.then(Mono.fromFuture(this.until))
					.then(super.publish(topic, event, traceparent));
			}

		}

		static class Received {

			private final List<ConsumerRecord<String, Event>> records = new CopyOnWriteArrayList<>();

			@KafkaListener(topics = "wa.status-events", groupId = "support-tests")
			void on(ConsumerRecord<String, Event> record) {
				this.records.add(record);
			}

			List<ConsumerRecord<String, Event>> forMessage(String messageId) {
				return this.records.stream().filter((record) -> messageId.equals(record.key())).toList();
			}

			private final List<ConsumerRecord<String, String>> deadLetters = new CopyOnWriteArrayList<>();

			@KafkaListener(topics = "wa.status-events-dlt", groupId = "support-tests-dlt",
					properties = "value.deserializer=org.apache.kafka.common.serialization.StringDeserializer")
			void onDeadLetter(ConsumerRecord<String, String> record) {
				this.deadLetters.add(record);
			}

			Optional<ConsumerRecord<String, String>> deadLetter(String key) {
				return this.deadLetters.stream().filter((record) -> key.equals(record.key())).findFirst();
			}

		}

	}

}
