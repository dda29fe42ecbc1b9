package com.waplatform.webhook.status;

import java.time.Instant;

import com.waplatform.common.message.MessageStatus;
import com.waplatform.webhook.status.domain.StatusUpdate;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
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

	/** Emits whether the update moved the message (and so must be announced). */
	Mono<Boolean> applyIfForward(MessageRef message, StatusUpdate update) {
		return this.db.sql("""
				insert into message_status (message_id, organization_id, status, status_rank, wamid, status_at)
				values (:messageId, :organizationId, :status, :rank, :wamid, :statusAt)
				on conflict (message_id) do update
				set status = excluded.status, status_rank = excluded.status_rank,
					wamid = excluded.wamid, status_at = excluded.status_at, updated_at = now()
				where message_status.organization_id = excluded.organization_id
					and message_status.status_rank < excluded.status_rank
				""")
			.bind("messageId", message.messageId())
			.bind("organizationId", message.organizationId())
			.bind("status", update.status().wireName())
			.bind("rank", update.status().rank())
			.bind("wamid", update.wamid())
			.bind("statusAt", update.statusAt())
			.fetch()
			.rowsUpdated()
			.map((count) -> count == 1);
	}

	/** Records that the sender handed the message to Meta (first status wins). */
	Mono<Void> recordAccepted(MessageRef message, String wamid, Instant statusAt) {
		return this.db.sql("""
				insert into message_status (message_id, organization_id, status, status_rank, wamid, status_at)
				values (:messageId, :organizationId, 'accepted', :rank, :wamid, :statusAt)
				on conflict (message_id) do nothing
				""")
			.bind("messageId", message.messageId())
			.bind("organizationId", message.organizationId())
			.bind("rank", MessageStatus.ACCEPTED.rank())
			.bind("wamid", wamid)
			.bind("statusAt", statusAt)
			.then();
	}

}
