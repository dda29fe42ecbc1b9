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
import com.waplatform.testsupport.Infrastructure;
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
 * TTL.
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

	@Autowired
	OrphanStatusPurgeTests(EventPublisher publisher, OrphanStatusPurge purge, ReadModelListeners listeners,
			MessageQueries queries, DatabaseClient db, MeterRegistry meters) {
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
