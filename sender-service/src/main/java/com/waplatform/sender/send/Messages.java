package com.waplatform.sender.send;

import com.waplatform.common.message.ErrorInfo;
import com.waplatform.common.message.SendRequest;
import com.waplatform.sender.domain.MessageState;
import com.waplatform.sender.domain.SendOutcome;
import com.waplatform.sender.meta.MetaCallException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;

/**
 * The {@code messages} table: one row per message id, PENDING until its outcome is
 * recorded. Every statement is scoped to the organization of the request.
 */
@Component
class Messages {

	private final DatabaseClient db;

	Messages(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Records the message unless it is known already; emits the state it was in before,
	 * if any.
	 */
	Mono<Recorded> record(SendRequest request) {
		return this.db.sql("""
				insert into messages (message_id, organization_id, phone_number_id, recipient, state)
				values (:id, :org, :number, :recipient, 'PENDING')
				on conflict (message_id) do nothing""")
			.bind("id", request.messageId())
			.bind("org", request.organizationId())
			.bind("number", request.phoneNumberId())
			.bind("recipient", request.recipient())
			.fetch()
			.rowsUpdated()
			.flatMap((inserted) -> (inserted == 1) ? Mono.just(Recorded.NEW) : existing(request));
	}

	private Mono<Recorded> existing(SendRequest request) {
		return this.db
			.sql("select state, attempts, error_title from messages "
					+ "where message_id = :id and organization_id = :org")
			.bind("id", request.messageId())
			.bind("org", request.organizationId())
			.map((row) -> new Recorded(MessageState.valueOf(row.get("state", String.class)),
					row.get("attempts", Integer.class), row.get("error_title", String.class)))
			.one()
			// the id is taken by another organization's message: this request is invalid
			.switchIfEmpty(Mono.error(() -> new IllegalArgumentException(
					"Message id " + request.messageId() + " is already used by another organization")));
	}

	/**
	 * Records the outcome of a pending message; emits whether it was pending (false: it
	 * was completed concurrently and nothing changed).
	 */
	Mono<Boolean> complete(SendRequest request, SendOutcome outcome) {
		GenericExecuteSpec spec = this.db.sql("""
				update messages set state = :state, wamid = :wamid, attempts = attempts + :calls,
				  error_code = :code, error_title = :title, error_details = :details, updated_at = now()
				where message_id = :id and organization_id = :org and state = 'PENDING'""")
			.bind("state", outcome.state().name())
			.bind("calls", outcome.calls())
			.bind("id", request.messageId())
			.bind("org", request.organizationId());
		spec = bind(spec, "wamid", outcome.wamid(), String.class);
		spec = error(spec, outcome.error());
		return spec.fetch().rowsUpdated().map((updated) -> updated == 1);
	}

	/** Keeps the message PENDING and notes why it could not be sent yet. */
	Mono<Void> defer(SendRequest request, int calls, Throwable lastFailure) {
		ErrorInfo error = (lastFailure instanceof MetaCallException call && call.metaError() != null)
				? call.metaError().toErrorInfo() : ErrorInfo.reason("Meta unavailable", lastFailure.getMessage());
		GenericExecuteSpec spec = this.db.sql("""
				update messages set attempts = attempts + :calls, error_code = :code, error_title = :title,
				  error_details = :details, updated_at = now()
				where message_id = :id and organization_id = :org and state = 'PENDING'""")
			.bind("calls", calls)
			.bind("id", request.messageId())
			.bind("org", request.organizationId());
		return error(spec, error).fetch().rowsUpdated().then();
	}

	private static GenericExecuteSpec error(GenericExecuteSpec spec, @Nullable ErrorInfo error) {
		spec = bind(spec, "code", (error != null) ? error.code() : null, Integer.class);
		spec = bind(spec, "title", (error != null) ? error.title() : null, String.class);
		return bind(spec, "details", (error != null) ? error.details() : null, String.class);
	}

	private static GenericExecuteSpec bind(GenericExecuteSpec spec, String name, @Nullable Object value,
			Class<?> type) {
		return (value != null) ? spec.bind(name, value) : spec.bindNull(name, type);
	}

	/**
	 * What was recorded about a message before this request.
	 *
	 * @param existing its state, null if this request recorded it
	 * @param attempts calls to Meta made for it so far
	 * @param lastError why the last attempt did not succeed, if it did not
	 */
	record Recorded(@Nullable MessageState existing, int attempts, @Nullable String lastError) {

		static final Recorded NEW = new Recorded(null, 0, null);

	}

}
