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
 * may be a message we never sent. A message still {@code queued} whose send request the
 * sender dead-lettered ({@code send_dead_letters}) is shown {@code failed} with the
 * dead-letter reason ({@link #DEAD_LETTERED}); any later status (a replay that sent it)
 * moves the row on, and its real status is shown.
 */
@Repository
class MessageQueries {

	/** The {@code reason} of the error of a dead-lettered message. */
	static final String DEAD_LETTERED = "dead_lettered";

	/** Whether a row is a dead-lettered message no later status moved on. */
	private static final String DEAD = "(m.status = 'queued' and d.message_id is not null)";

	/** The status shown: a dead-lettered message is failed. */
	private static final String STATUS = "(case when " + DEAD + " then 'failed' else m.status end)";

	private static final String COLUMNS = "m.id, m.phone_number_id, m.recipient, m.type, m.template_name, " + STATUS
			+ " as status, m.wamid, m.error_code, m.error_title, m.error_details, m.context_type, m.context_id, "
			+ "m.scheduled_for, m.created_at, m.updated_at, case when " + DEAD
			+ " then d.dead_lettered_at end as dead_lettered_at, d.reason as dead_letter_reason";

	/** The messages with their dead letter, if the sender dead-lettered them. */
	private static final String FROM = " from messages m left join send_dead_letters d"
			+ " on d.message_id = m.id and d.organization_id = m.organization_id";

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
			.sql("select " + COLUMNS + FROM
					+ " where m.id = :id and m.organization_id = :org and m.requested_at is not null")
			.bind("id", messageId)
			.bind("org", organizationId)
			.map((row) -> new Row(message(row), row.get("dead_lettered_at", Instant.class)))
			.one()
			.zipWith(history, (row, entries) -> row.message().withHistory(deadLettered(entries, row.deadLetteredAt())));
	}

	/**
	 * The history, with the dead-lettering as a {@code failed} entry when it is shown.
	 */
	private static List<HistoryEntry> deadLettered(List<HistoryEntry> entries, @Nullable Instant at) {
		if (at == null) {
			return entries;
		}
		List<HistoryEntry> all = new java.util.ArrayList<>(entries);
		all.add(new HistoryEntry(MessageStatus.FAILED.wireName(), at));
		return all;
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
				"select " + COLUMNS + FROM + " where m.organization_id = :org and m.requested_at is not null");
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("org", organizationId);
		condition(sql, values, "m.recipient", "to", filter.customer());
		condition(sql, values, "m.phone_number_id", "from", filter.phoneNumberId());
		condition(sql, values, STATUS, "status", filter.status());
		condition(sql, values, "m.context_type", "contextType", filter.contextType());
		condition(sql, values, "m.context_id", "contextId", filter.contextId());
		condition(sql, values, "m.template_name", "template", filter.template());
		if (filter.conversation()) {
			// a read receipt is no message of the conversation
			sql.append(" and m.type is distinct from '").append(MessageRequest.MARK_AS_READ).append("'");
		}
		time(sql, values, "m.created_at >= :since", "since", filter.since());
		time(sql, values, "m.created_at < :until", "until", filter.until());
		time(sql, values, "m.created_at < :before", "before", filter.before());
		sql.append(" order by m.created_at desc, m.id desc limit :limit");
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
		Error error = (errorTitle != null) ? new Error(row.get("error_code", Integer.class), errorTitle,
				row.get("error_details", String.class), null) : null;
		if (row.get("dead_lettered_at", Instant.class) != null) {
			error = new Error(null, "Dead-lettered", row.get("dead_letter_reason", String.class), DEAD_LETTERED);
		}
		String contextType = row.get("context_type", String.class);
		String contextId = row.get("context_id", String.class);
		return new Message(row.get("id", String.class), row.get("status", String.class),
				row.get("recipient", String.class), row.get("phone_number_id", String.class),
				row.get("type", String.class), row.get("template_name", String.class), row.get("wamid", String.class),
				error, (contextType != null && contextId != null) ? new Context(contextType, contextId) : null,
				row.get("scheduled_for", Instant.class), null, row.get("created_at", Instant.class),
				row.get("updated_at", Instant.class));
	}

	private record Row(Message message, @Nullable Instant deadLetteredAt) {
	}

}
