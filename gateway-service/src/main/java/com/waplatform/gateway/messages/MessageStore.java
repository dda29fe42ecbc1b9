package com.waplatform.gateway.messages;

import java.time.Instant;
import java.util.UUID;

import com.waplatform.common.message.ErrorInfo;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.gateway.messages.domain.MessageRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

/**
 * Writes the message read model. Statuses only move forward, by the status lifecycle of
 * {@link MessageStatus#advances} (the webhook service applies the same rule); a message
 * is created by whichever of its send request or its first status arrives first, and the
 * other fills in what is missing. Only the send request sets {@code requested_at}: until
 * then the row is not shown ({@link MessageQueries}), and a row that never gets one is
 * purged ({@link OrphanStatusPurge}). Callers run these inside a transaction.
 */
@Repository
class MessageStore {

	private static final Log log = LogFactory.getLog(MessageStore.class);

	private final DatabaseClient db;

	MessageStore(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Records a send request as queued (or scheduled, with its due time); never changes a
	 * later status. A message held elsewhere (a workflow rule's) moves from
	 * {@code scheduled} to {@code queued} when its send request arrives.
	 */
	Mono<Void> recordSendRequest(SendRequest request) {
		// held until a later time, or released (its time has come)
		boolean held = request.scheduledFor() != null && request.scheduledFor().isAfter(request.occurredAt());
		MessageStatus status = held ? MessageStatus.SCHEDULED : MessageStatus.QUEUED;
		String type = request.message().isMarkRead() ? MessageRequest.MARK_AS_READ : request.message().type();
		String template = (request.message().template() != null) ? request.message().template().name() : null;
		String language = (request.message().template() != null) ? request.message().template().language().code()
				: null;
		GenericExecuteSpec insert = this.db.sql("""
				insert into messages (id, organization_id, phone_number_id, recipient, type, template_name, status,
					status_rank, context_type, context_id, scheduled_for, created_at, updated_at, requested_at,
					template_language)
				values (:id, :org, :from, :to, :type, :template, :status, :rank, :contextType, :contextId,
					:scheduledFor, :at, :at, :at, :language)
				on conflict (id) do update set
					phone_number_id = coalesce(messages.phone_number_id, excluded.phone_number_id),
					recipient = coalesce(messages.recipient, excluded.recipient),
					type = coalesce(messages.type, excluded.type),
					template_name = coalesce(messages.template_name, excluded.template_name),
					template_language = coalesce(messages.template_language, excluded.template_language),
					context_type = coalesce(messages.context_type, excluded.context_type),
					context_id = coalesce(messages.context_id, excluded.context_id),
					scheduled_for = coalesce(messages.scheduled_for, excluded.scheduled_for),
					status = case when messages.status = 'scheduled' and excluded.status = 'queued'
						then excluded.status else messages.status end,
					created_at = least(messages.created_at, excluded.created_at),
					requested_at = coalesce(messages.requested_at, excluded.requested_at)
				where messages.organization_id = excluded.organization_id""")
			.bind("id", request.messageId())
			.bind("org", request.organizationId())
			.bind("from", request.phoneNumberId())
			.bind("to", request.recipient())
			.bind("status", status.wireName())
			.bind("rank", status.rank())
			.bind("at", request.occurredAt());
		insert = nullable(insert, "type", type);
		insert = nullable(insert, "template", template);
		insert = nullable(insert, "language", language);
		insert = nullable(insert, "contextType", (request.context() != null) ? request.context().type() : null);
		insert = nullable(insert, "contextId", (request.context() != null) ? request.context().id() : null);
		insert = (request.scheduledFor() != null) ? insert.bind("scheduledFor", request.scheduledFor())
				: insert.bindNull("scheduledFor", Instant.class);
		return insert.fetch()
			.rowsUpdated()
			.flatMap((count) -> (count > 0)
					? history(request.messageId(), status, request.occurredAt(), request.eventId()) : Mono.empty());
	}

	/** Applies a status if it moves the message forward; records it in the history. */
	Mono<Void> applyStatus(StatusEvent event) {
		return createWithStatus(event).flatMap((created) -> created ? Mono.just(true) : advance(event))
			.flatMap((applies) -> applies
					? history(event.messageId(), event.status(), event.statusAt(), event.eventId()) : Mono.empty());
	}

	/**
	 * Creates the message from its status, not shown until its send request arrives. Its
	 * times are ours, not the event's: the purge ages the row by {@code created_at},
	 * which a status timestamp from a webhook must not move into the future.
	 */
	private Mono<Boolean> createWithStatus(StatusEvent event) {
		GenericExecuteSpec insert = this.db.sql("""
				insert into messages (id, organization_id, phone_number_id, recipient, status, status_rank, wamid,
					error_code, error_title, error_details, created_at, updated_at)
				values (:id, :org, :from, :to, :status, :rank, :wamid, :errorCode, :errorTitle, :errorDetails, :at, :at)
				on conflict (id) do nothing""")
			.bind("id", event.messageId())
			.bind("org", event.organizationId())
			.bind("status", event.status().wireName())
			.bind("rank", event.status().rank())
			.bind("at", Instant.now());
		insert = nullable(insert, "from", event.phoneNumberId());
		insert = nullable(insert, "to", event.recipient());
		insert = nullable(insert, "wamid", event.wamid());
		insert = error(insert, event.error());
		return insert.fetch().rowsUpdated().map((count) -> count > 0);
	}

	/**
	 * Moves an existing message to the event's status when that is forward; emits whether
	 * the event belongs to the message (same organization), so its history is recorded.
	 */
	private Mono<Boolean> advance(StatusEvent event) {
		return this.db.sql("select status from messages where id = :id and organization_id = :org for update")
			.bind("id", event.messageId())
			.bind("org", event.organizationId())
			.map((row) -> MessageStatus.fromWire(row.get("status", String.class)))
			.one()
			.flatMap((current) -> MessageStatus.advances(current, event.status()) ? moveTo(event) : keepWamid(event))
			.thenReturn(true)
			.switchIfEmpty(Mono.fromSupplier(() -> {
				log.warn("Ignoring status of message " + event.messageId() + " from another organization");
				return false;
			}));
	}

	private Mono<Void> moveTo(StatusEvent event) {
		GenericExecuteSpec update = this.db.sql("""
				update messages set status = :status, status_rank = :rank, wamid = coalesce(:wamid, wamid),
					phone_number_id = coalesce(phone_number_id, :from), recipient = coalesce(recipient, :to),
					error_code = :errorCode, error_title = :errorTitle, error_details = :errorDetails, updated_at = :at
				where id = :id""")
			.bind("id", event.messageId())
			.bind("status", event.status().wireName())
			.bind("rank", event.status().rank())
			.bind("at", Instant.now());
		update = nullable(update, "wamid", event.wamid());
		update = nullable(update, "from", event.phoneNumberId());
		update = nullable(update, "to", event.recipient());
		return error(update, event.error()).then();
	}

	/** A late status may still carry Meta's message id the model does not have yet. */
	private Mono<Void> keepWamid(StatusEvent event) {
		if (event.wamid() == null) {
			return Mono.empty();
		}
		return this.db.sql("update messages set wamid = :wamid where id = :id and wamid is null")
			.bind("wamid", event.wamid())
			.bind("id", event.messageId())
			.then();
	}

	private Mono<Void> history(String messageId, MessageStatus status, Instant at, UUID eventId) {
		return this.db.sql("""
				insert into message_history (message_id, status, status_at, event_id)
				values (:id, :status, :at, :event) on conflict (message_id, status) do nothing""")
			.bind("id", messageId)
			.bind("status", status.wireName())
			.bind("at", at)
			.bind("event", eventId)
			.then();
	}

	private static GenericExecuteSpec error(GenericExecuteSpec spec, @Nullable ErrorInfo error) {
		GenericExecuteSpec bound = nullable(spec, "errorTitle", (error != null) ? error.title() : null);
		bound = nullable(bound, "errorDetails", (error != null) ? error.details() : null);
		return (error != null && error.code() != null) ? bound.bind("errorCode", error.code())
				: bound.bindNull("errorCode", Integer.class);
	}

	static GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, @Nullable String value) {
		return (value != null) ? spec.bind(name, value) : spec.bindNull(name, String.class);
	}

}
