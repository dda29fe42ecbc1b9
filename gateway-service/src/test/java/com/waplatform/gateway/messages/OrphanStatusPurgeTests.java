package com.waplatform.gateway.messages;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.waplatform.common.event.Event;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.common.message.Priority;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.gateway.GatewayApplication;
import com.waplatform.gateway.messages.MessageViews.Message;
import com.waplatform.support.kafka.EventPublisher;
import com.waplatform.support.retention.RetentionPurge;
import com.waplatform.testsupport.Infrastructure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Messages known only from status events, on the real broker and database: hidden from
 * the queries, purged with their history once older than the cutoff, and counted. The
 * purge is driven through its bean with an explicit cutoff instead of waiting for the
 * TTL. The read models' retention too (service-support's purge, the gateway's tables).
 */
@SpringBootTest(classes = GatewayApplication.class, properties = "spring.config.name=gateway-service")
@DirtiesContext
class OrphanStatusPurgeTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final EventPublisher publisher;

	private final OrphanStatusPurge purge;

	private final ReadModelListeners listeners;

	private final MessageQueries queries;

	private final DatabaseClient db;

	private final MeterRegistry meters;

	private final RetentionPurge retention;

	@Autowired
	OrphanStatusPurgeTests(EventPublisher publisher, OrphanStatusPurge purge, ReadModelListeners listeners,
			MessageQueries queries, DatabaseClient db, MeterRegistry meters, RetentionPurge retention) {
		this.retention = retention;
		this.publisher = publisher;
		this.purge = purge;
		this.listeners = listeners;
		this.queries = queries;
		this.db = db;
		this.meters = meters;
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
	}

	@Test
	void messagesNeverRequestedAreHiddenThenPurgedWithTheirHistoryAndCounted() {
		String org = "org-" + UUID.randomUUID();
		String orphan = UUID.randomUUID().toString();
		String requested = UUID.randomUUID().toString();
		publish(status(org, orphan, MessageStatus.ACCEPTED, "wamid.O1"));
		publish(status(org, orphan, MessageStatus.SENT, null));
		publish(status(org, requested, MessageStatus.ACCEPTED, "wamid.R1"));
		this.publisher.publish(Topics.SEND_REQUESTS, sendRequest(org, requested)).block(WAIT);
		await().atMost(WAIT).until(() -> history(orphan) == 2 && history(requested) == 2);

		assertThat(this.queries.find(org, orphan).blockOptional(WAIT)).isEmpty();
		assertThat(this.queries.find(org, requested).blockOptional(WAIT)).isPresent();
		assertThat(this.queries
			.outbound(org,
					new HistoryFilter(HistoryFilter.Direction.OUTBOUND, null, null, null, null, null, null, null, null,
							null, 100, false))
			.block(WAIT)).extracting(Message::id).containsExactly(requested);

		Instant cutoff = Instant.now();
		String young = UUID.randomUUID().toString();
		publish(status(org, young, MessageStatus.SENT, null));
		await().atMost(WAIT).until(() -> history(young) == 1);

		long orphansBeforeCutoff = count(
				"select count(*) as n from messages where requested_at is null and created_at < :at", cutoff);
		double countedBefore = purgedCount();
		long purged = this.purge.purgeCreatedBefore(cutoff).block(WAIT);
		assertThat(purged).isPositive().isEqualTo(orphansBeforeCutoff);
		assertThat(purgedCount() - countedBefore).isEqualTo(purged);
		assertThat(rows(orphan)).isZero();
		assertThat(history(orphan)).isZero();
		assertThat(rows(requested)).isOne();
		assertThat(history(requested)).isEqualTo(2);
		assertThat(rows(young)).isOne();

		double countedAfter = purgedCount();
		assertThat(this.purge.purgeCreatedBefore(cutoff).block(WAIT)).isZero();
		assertThat(purgedCount()).isEqualTo(countedAfter);
	}

	/** Called directly: a skipped event leaves no trace to wait for on the broker. */
	@Test
	void aStatusEventWhoseMessageIdIsNotOneOfOursChangesNothing() {
		String id = "phantom-" + UUID.randomUUID();
		StatusEvent event = status("org-" + UUID.randomUUID(), id, MessageStatus.DELIVERED, "wamid.X1");
		this.listeners.onStatusEvent(new ConsumerRecord<String, Event>(Topics.STATUS_EVENTS.name(), 0, 0L, id, event))
			.block(WAIT);
		assertThat(rows(id)).isZero();
		assertThat(history(id)).isZero();
	}

	/**
	 * The read models keep {@code gateway.retention.read-models} (90 days): older
	 * messages go with their history, and older inbound messages; younger ones, and an
	 * old message still held for its {@code scheduledFor}, stay. Counted per table.
	 */
	@Test
	void readModelsOlderThanTheirRetentionArePurgedWithTheirHistory() {
		String org = "org-" + UUID.randomUUID();
		String old = UUID.randomUUID().toString();
		String held = UUID.randomUUID().toString();
		String young = UUID.randomUUID().toString();
		message(org, old, 91);
		message(org, held, 91);
		message(org, young, 89);
		this.db
			.sql("insert into scheduled_messages (message_id, organization_id, due_at, send_request) "
					+ "values (:id, :org, now() + interval '1 day', '{}')")
			.bind("id", held)
			.bind("org", org)
			.then()
			.block(WAIT);
		inbound(org, "wamid.old", 91);
		inbound(org, "wamid.young", 89);
		double messagesBefore = retentionPurged("messages");
		double inboundBefore = retentionPurged("inbound_messages");

		this.retention.purge().block(WAIT);

		assertThat(rows(old)).isZero();
		assertThat(history(old)).isZero();
		assertThat(rows(held)).isOne();
		assertThat(history(held)).isOne();
		assertThat(rows(young)).isOne();
		assertThat(history(young)).isOne();
		assertThat(count("select count(*) as n from inbound_messages where organization_id = :at", org)).isOne();
		assertThat(count(
				"select count(*) as n from inbound_messages where organization_id = :at " + "and wamid = 'wamid.young'",
				org))
			.isOne();
		assertThat(retentionPurged("messages") - messagesBefore).isGreaterThanOrEqualTo(1.0);
		assertThat(retentionPurged("inbound_messages") - inboundBefore).isGreaterThanOrEqualTo(1.0);
		assertThat(count(
				"select count(*) as n from messages where created_at < now() - interval '90 days' " + "and id <> :at",
				held))
			.isZero();
	}

	private void message(String org, String id, int ageDays) {
		this.db
			.sql("""
					with m as (
						insert into messages (id, organization_id, status, status_rank, created_at, updated_at, requested_at)
						values (:id, :org, 'sent', 2, now() - make_interval(days => :age), now() - make_interval(days => :age),
							now() - make_interval(days => :age))
					)
					insert into message_history (message_id, status, status_at, event_id)
					values (:id, 'sent', now() - make_interval(days => :age), gen_random_uuid())""")
			.bind("id", id)
			.bind("org", org)
			.bind("age", ageDays)
			.then()
			.block(WAIT);
	}

	private void inbound(String org, String wamid, int ageDays) {
		this.db.sql("""
				insert into inbound_messages (organization_id, phone_number_id, customer, wamid, type, content, context,
					sent_at, received_at)
				values (:org, 'pn-1', '+14155550123', :wamid, 'text', '{}', '{}', now() - make_interval(days => :age),
					now() - make_interval(days => :age))""")
			.bind("org", org)
			.bind("wamid", wamid)
			.bind("age", ageDays)
			.then()
			.block(WAIT);
	}

	private double retentionPurged(String table) {
		Counter counter = this.meters.find(RetentionPurge.PURGED_METRIC).tag("table", table).counter();
		return (counter != null) ? counter.count() : 0.0;
	}

	private void publish(StatusEvent event) {
		this.publisher.publish(Topics.STATUS_EVENTS, event).block(WAIT);
	}

	private static StatusEvent status(String org, String messageId, MessageStatus status, @Nullable String wamid) {
		return StatusEvent.of(org, messageId, status, Instant.now(), "pn-1", "+14155550123", wamid, null);
	}

	private static SendRequest sendRequest(String org, String messageId) {
		return SendRequest.of(org, messageId, "pn-1", "+14155550123", MetaMessage.text("+14155550123", "Hi"), null,
				Priority.TRANSACTIONAL, null, "workflow");
	}

	private double purgedCount() {
		return this.meters.get(OrphanStatusPurge.PURGED_METRIC).counter().count();
	}

	private long rows(String id) {
		return count("select count(*) as n from messages where id = :at", id);
	}

	private long history(String id) {
		return count("select count(*) as n from message_history where message_id = :at", id);
	}

	private long count(String sql, Object value) {
		return this.db.sql(sql).bind("at", value).map((row) -> row.get("n", Long.class)).one().block(WAIT);
	}

}
