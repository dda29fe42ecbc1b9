package com.waplatform.gateway.messages;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import com.waplatform.common.json.Json;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.ErrorInfo;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.gateway.config.SchedulerProperties;
import com.waplatform.gateway.web.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import com.waplatform.support.outbox.Outbox;
import com.waplatform.support.scheduling.DueMessages;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Messages sent with {@code scheduledFor}: held in {@code scheduled_messages}
 * (PostgreSQL, nothing in the heap) until due, then released by service-support's
 * {@link DueMessages} (the claim workflow-service's rules use too: exactly once, with
 * several instances or after a crash): in the claiming transaction, the read model moves
 * from {@code scheduled} to {@code queued} and the {@link SendRequest} goes to the
 * outbox. A message whose {@code expiresAt} passed while it was held (e.g. the instances
 * were down) is marked {@code expired} instead. A cancellation deletes the row too:
 * whichever of the claim and the cancellation locks the row first wins, the other finds
 * it gone; a cancellation is announced on {@code wa.status-events} for other backends.
 * <p>
 * Metrics:
 * {@code gateway.scheduler.messages{outcome=scheduled|published|expired|cancelled}} and
 * the gauge {@code gateway.scheduler.lag} (now minus the oldest due message not yet
 * published, as of the last round; 0 when none).
 */
@Component
class ScheduledMessages {

	static final String MESSAGES_METRIC = "gateway.scheduler.messages";

	static final String LAG_METRIC = "gateway.scheduler.lag";

	private final DatabaseClient db;

	private final TransactionalOperator tx;

	private final Outbox outbox;

	private final Clock clock;

	private final SchedulerProperties properties;

	private final MeterRegistry meters;

	private final DueMessages due;

	ScheduledMessages(DatabaseClient db, TransactionalOperator tx, Outbox outbox, Clock clock,
			SchedulerProperties properties, MeterRegistry meters) {
		this.db = db;
		this.tx = tx;
		this.outbox = outbox;
		this.clock = clock;
		this.properties = properties;
		this.meters = meters;
		this.due = new DueMessages(db, tx, clock, properties.batchSize(), "null::text", meters, LAG_METRIC);
	}

	/**
	 * Holds a scheduled send request until its {@code scheduledFor}; run inside the
	 * transaction that records the message.
	 */
	Mono<Void> hold(SendRequest request) {
		return nullableInstant(this.db.sql("""
				insert into scheduled_messages (message_id, organization_id, due_at, expires_at, send_request)
				values (:id, :org, :due, :expires, :request)""")
			.bind("id", request.messageId())
			.bind("org", request.organizationId())
			.bind("due", request.scheduledFor())
			.bind("request", Json.mapper().writeValueAsString(request)), "expires", request.expiresAt()).then();
	}

	/** Counts a message held (after its transaction committed). */
	void recordScheduled() {
		count("scheduled", 1);
	}

	@Scheduled(fixedDelayString = "${gateway.scheduler.poll-interval:1s}",
			initialDelayString = "${gateway.scheduler.poll-interval:1s}")
	Mono<Void> release() {
		return releaseDue().then();
	}

	/**
	 * Releases everything due now ({@link DueMessages}); emits how many messages were
	 * published or expired.
	 */
	Mono<Long> releaseDue() {
		return this.due.releaseDue(this::releaseOne, (released) -> count(released.outcome(), 1));
	}

	/** One batch, one transaction: claims, then publishes or expires each. */
	Mono<Long> batch(Instant now) {
		return this.due.batch(now, this::releaseOne, (released) -> count(released.outcome(), 1));
	}

	private Mono<String> releaseOne(DueMessages.Claimed claimed, Instant now) {
		SendRequest held = claimed.request();
		if (DueMessages.expired(held, now)) {
			return this.db.sql("""
					update messages set status = :status, status_rank = :rank, error_title = :title,
						error_details = :details, updated_at = :now
					where id = :id and status_rank < :rank""")
				.bind("status", MessageStatus.EXPIRED.wireName())
				.bind("rank", MessageStatus.EXPIRED.rank())
				.bind("title", "Time-to-live elapsed")
				.bind("details",
						"The message expired at " + held.expiresAt() + " before its scheduled time " + "was released")
				.bind("now", now)
				.bind("id", held.messageId())
				.then()
				.then(history(held.messageId(), MessageStatus.EXPIRED, held.expiresAt()))
				.thenReturn("expired");
		}
		return this.db.sql("update messages set status = :status, updated_at = :now where id = :id and status = :held")
			.bind("status", MessageStatus.QUEUED.wireName())
			.bind("now", now)
			.bind("id", held.messageId())
			.bind("held", MessageStatus.SCHEDULED.wireName())
			.then()
			.then(history(held.messageId(), MessageStatus.QUEUED, now))
			.then(this.outbox.append(Topics.SEND_REQUESTS, DueMessages.due(held, now)))
			.thenReturn("published");
	}

	/**
	 * Cancels a message of the organization while it is still held: 204; a message on its
	 * way (or done) is a 409, another organization's or an unknown one a 404.
	 */
	Mono<Void> cancel(String organizationId, String messageId) {
		Instant now = this.clock.instant();
		Mono<Void> cancel = this.db
			.sql("delete from scheduled_messages where message_id = :id and organization_id = :org "
					+ "returning send_request")
			.bind("id", messageId)
			.bind("org", organizationId)
			.map((row) -> Json.mapper().readValue(row.get("send_request", String.class), SendRequest.class))
			.one()
			.flatMap((held) -> markCancelled(messageId, now).then(announceCancelled(held, now)).thenReturn(true))
			.switchIfEmpty(Mono.defer(() -> notCancellable(organizationId, messageId).thenReturn(false)))
			.then();
		return this.tx.transactional(cancel).doOnSuccess((done) -> count("cancelled", 1));
	}

	private Mono<Void> markCancelled(String messageId, Instant now) {
		return this.db.sql("""
				update messages set status = :status, status_rank = :rank, updated_at = :now
				where id = :id and status_rank < :rank""")
			.bind("status", MessageStatus.CANCELLED.wireName())
			.bind("rank", MessageStatus.CANCELLED.rank())
			.bind("now", now)
			.bind("id", messageId)
			.then()
			.then(history(messageId, MessageStatus.CANCELLED, now));
	}

	/** Tells other backends on the public status feed ({@code wa.status-events}). */
	private Mono<Void> announceCancelled(SendRequest held, Instant now) {
		return this.outbox.append(Topics.STATUS_EVENTS,
				StatusEvent.deterministic(held.organizationId(), held.messageId(), MessageStatus.CANCELLED, now,
						held.phoneNumberId(), held.recipient(), null,
						ErrorInfo.reason("Cancelled", "Cancelled through DELETE /v1/messages/" + held.messageId())));
	}

	private Mono<Void> notCancellable(String organizationId, String messageId) {
		return this.db
			.sql("select status from messages where id = :id and organization_id = :org and requested_at is not null")
			.bind("id", messageId)
			.bind("org", organizationId)
			.map((row) -> row.get("status", String.class))
			.one()
			.switchIfEmpty(Mono.error(() -> Problems.notFound("No message " + messageId)))
			.flatMap((status) -> Mono.error(Problems.exception(HttpStatus.CONFLICT, "message-not-cancellable",
					"Message not cancellable", "Message " + messageId + " is " + status
							+ "; only a scheduled message can be cancelled, before its time")));
	}

	private Mono<Void> history(String messageId, MessageStatus status, Instant at) {
		return this.db.sql("""
				insert into message_history (message_id, status, status_at, event_id)
				values (:id, :status, :at, :event) on conflict (message_id, status) do nothing""")
			.bind("id", messageId)
			.bind("status", status.wireName())
			.bind("at", at)
			.bind("event", UUID.randomUUID())
			.then();
	}

	private void count(String outcome, long amount) {
		Counter.builder(MESSAGES_METRIC)
			.description("Scheduled messages by outcome: scheduled, published, expired, cancelled")
			.tag("outcome", outcome)
			.register(this.meters)
			.increment(amount);
	}

	private static DatabaseClient.GenericExecuteSpec nullableInstant(DatabaseClient.GenericExecuteSpec spec,
			String name, @Nullable Instant value) {
		return (value != null) ? spec.bind(name, value) : spec.bindNull(name, Instant.class);
	}

}
