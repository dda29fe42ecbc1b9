package com.waplatform.webhook.status;

import java.time.Instant;

import com.waplatform.common.message.MessageStatus;
import com.waplatform.webhook.status.domain.StatusUpdate;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;

/**
 * The current status of each message. A status is written with one conditional upsert
 * whose guard ({@code status_rank < excluded.status_rank}) is the status lifecycle of
 * {@link MessageStatus#advances}, so two instances (or two records of one poll) applying
 * statuses of the same message concurrently can never move it backwards: PostgreSQL
 * serialises the upserts on the row and re-checks the guard.
 */
@Component
class StatusStore {

	private final DatabaseClient db;

	StatusStore(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Emits whether the update moved the message (and so must be announced), with the
	 * message's trace context if it is known.
	 */
	Mono<Applied> applyIfForward(MessageRef message, StatusUpdate update) {
		return this.db.sql("""
				insert into message_status (message_id, organization_id, status, status_rank, wamid, status_at)
				values (:messageId, :organizationId, :status, :rank, :wamid, :statusAt)
				on conflict (message_id) do update
				set status = excluded.status, status_rank = excluded.status_rank,
					wamid = excluded.wamid, status_at = excluded.status_at, updated_at = now()
				where message_status.organization_id = excluded.organization_id
					and message_status.status_rank < excluded.status_rank
				returning message_status.traceparent
				""")
			.bind("messageId", message.messageId())
			.bind("organizationId", message.organizationId())
			.bind("status", update.status().wireName())
			.bind("rank", update.status().rank())
			.bind("wamid", update.wamid())
			.bind("statusAt", update.statusAt())
			.map((row) -> new Applied(true, row.get("traceparent", String.class)))
			.one()
			.defaultIfEmpty(new Applied(false, null));
	}

	/**
	 * Records that the sender handed the message to Meta (first status wins), and the
	 * message's trace (also when a webhook's status overtook the accepted event).
	 */
	Mono<Void> recordAccepted(MessageRef message, String wamid, Instant statusAt, @Nullable String traceparent) {
		return this.db.sql("""
				insert into message_status (message_id, organization_id, status, status_rank, wamid, status_at,
					traceparent)
				values (:messageId, :organizationId, 'accepted', :rank, :wamid, :statusAt, :traceparent)
				on conflict (message_id) do update set traceparent = excluded.traceparent
				where message_status.traceparent is null and excluded.traceparent is not null
					and message_status.organization_id = excluded.organization_id
				""")
			.bind("messageId", message.messageId())
			.bind("organizationId", message.organizationId())
			.bind("rank", MessageStatus.ACCEPTED.rank())
			.bind("wamid", wamid)
			.bind("statusAt", statusAt)
			.bind("traceparent", Parameter.fromOrEmpty(traceparent, String.class))
			.then();
	}

	/** Whether a status moved its message, and the message's trace context. */
	record Applied(boolean moved, @Nullable String traceparent) {
	}

}
