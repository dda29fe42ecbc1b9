package com.waplatform.gateway.messages;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.waplatform.common.message.MessageStatus;
import com.waplatform.gateway.messages.MessageViews.Context;
import com.waplatform.gateway.messages.MessageViews.Error;
import com.waplatform.gateway.messages.MessageViews.HistoryEntry;
import com.waplatform.gateway.messages.MessageViews.Message;
import com.waplatform.gateway.messages.domain.MessageRequest;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

/**
 * Reads the message read model, always within one organization. A message is shown once
 * its send request was recorded ({@code requested_at}): a row created by a status alone
 * may be a message we never sent.
 */
@Repository
class MessageQueries {

	private static final String COLUMNS = "id, phone_number_id, recipient, type, template_name, status, wamid, "
			+ "error_code, error_title, error_details, context_type, context_id, scheduled_for, created_at, updated_at";

	private final DatabaseClient db;

	MessageQueries(DatabaseClient db) {
		this.db = db;
	}

	Mono<Message> find(String organizationId, String messageId) {
		Mono<List<HistoryEntry>> history = this.db
			.sql("select status, status_at from message_history where message_id = :id")
			.bind("id", messageId)
			.map((row) -> new HistoryEntry(row.get("status", String.class), row.get("status_at", Instant.class)))
			.all()
			// lifecycle order: Meta's timestamps have whole seconds, ours do not, so time
			// alone misorders
			.collectSortedList(Comparator.comparingInt((HistoryEntry entry) -> rank(entry.status()))
				.thenComparing(HistoryEntry::at));
		return this.db
			.sql("select " + COLUMNS
					+ " from messages where id = :id and organization_id = :org and requested_at is not null")
			.bind("id", messageId)
			.bind("org", organizationId)
			.map(MessageQueries::message)
			.one()
			.zipWith(history, Message::withHistory);
	}

	private static int rank(String status) {
		return MessageStatus.fromWire(status).rank();
	}

	/**
	 * Up to {@code filter.limit() + 1} of our messages, newest first, created before
	 * {@code filter.before()} (one more than a page: {@link MessageHistory} tells from it
	 * whether another page follows).
	 */
	Mono<List<Message>> outbound(String organizationId, HistoryFilter filter) {
		StringBuilder sql = new StringBuilder(
				"select " + COLUMNS + " from messages where organization_id = :org and requested_at is not null");
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("org", organizationId);
		condition(sql, values, "recipient", "to", filter.customer());
		condition(sql, values, "phone_number_id", "from", filter.phoneNumberId());
		condition(sql, values, "status", "status", filter.status());
		condition(sql, values, "context_type", "contextType", filter.contextType());
		condition(sql, values, "context_id", "contextId", filter.contextId());
		condition(sql, values, "template_name", "template", filter.template());
		if (filter.conversation()) {
			// a read receipt is no message of the conversation
			sql.append(" and type is distinct from '").append(MessageRequest.MARK_AS_READ).append("'");
		}
		time(sql, values, "created_at >= :since", "since", filter.since());
		time(sql, values, "created_at < :until", "until", filter.until());
		time(sql, values, "created_at < :before", "before", filter.before());
		sql.append(" order by created_at desc, id desc limit :limit");
		values.put("limit", filter.limit() + 1);
		GenericExecuteSpec spec = this.db.sql(sql.toString());
		for (Map.Entry<String, Object> value : values.entrySet()) {
			spec = spec.bind(value.getKey(), value.getValue());
		}
		return spec.map(MessageQueries::message).all().collectList();
	}

	static void time(StringBuilder sql, Map<String, Object> values, String clause, String name,
			@Nullable Instant value) {
		if (value != null) {
			sql.append(" and ").append(clause);
			values.put(name, value);
		}
	}

	static void condition(StringBuilder sql, Map<String, Object> values, String column, String name,
			@Nullable String value) {
		if (value != null) {
			sql.append(" and ").append(column).append(" = :").append(name);
			values.put(name, value);
		}
	}

	private static Message message(Readable row) {
		String errorTitle = row.get("error_title", String.class);
		String contextType = row.get("context_type", String.class);
		String contextId = row.get("context_id", String.class);
		return new Message(row.get("id", String.class), row.get("status", String.class),
				row.get("recipient", String.class), row.get("phone_number_id", String.class),
				row.get("type", String.class), row.get("template_name", String.class), row.get("wamid", String.class),
				(errorTitle != null) ? new Error(row.get("error_code", Integer.class), errorTitle,
						row.get("error_details", String.class)) : null,
				(contextType != null && contextId != null) ? new Context(contextType, contextId) : null,
				row.get("scheduled_for", Instant.class), null, row.get("created_at", Instant.class),
				row.get("updated_at", Instant.class));
	}

}
