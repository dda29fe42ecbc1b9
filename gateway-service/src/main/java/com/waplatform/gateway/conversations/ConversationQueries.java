package com.waplatform.gateway.conversations;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.waplatform.common.conversation.ServiceWindow;
import com.waplatform.gateway.conversations.ConversationViews.Conversation;
import com.waplatform.gateway.conversations.ConversationViews.LastMessage;
import com.waplatform.gateway.conversations.ConversationViews.Page;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

/**
 * Reads conversations, always within one organization. A conversation's last message is
 * whichever is newer of its last inbound message and its last outbound message (the read
 * model's, mark-as-read requests aside), found when it is read.
 */
@Repository
class ConversationQueries {

	private static final String LIST = """
			select * from (
				select c.phone_number_id, c.customer, c.profile_name, c.last_inbound_at, c.window_closed_at,
					c.unread_count, i.type as in_type, i.text as in_text, i.sent_at as in_at, o.type as out_type,
					o.template_name as out_template, o.status as out_status, o.created_at as out_at,
					(s.customer is not null) as opted_out,
					greatest(c.last_inbound_at, o.created_at) as activity
				from conversations c
				left join lateral (select type, text, sent_at from inbound_messages
					where organization_id = c.organization_id and customer = c.customer
						and phone_number_id = c.phone_number_id
					order by sent_at desc limit 1) i on true
				left join lateral (select type, template_name, status, created_at from messages
					where organization_id = c.organization_id and phone_number_id = c.phone_number_id
						and recipient = c.customer and requested_at is not null
						and type is distinct from 'mark_as_read'
					order by created_at desc limit 1) o on true
				left join suppressions s on s.organization_id = c.organization_id and s.customer = c.customer
				where c.organization_id = :org""";

	private final DatabaseClient db;

	private final Clock clock;

	ConversationQueries(DatabaseClient db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	/** A page of conversations, newest activity first, active before {@code before}. */
	Mono<Page> list(String organizationId, @Nullable String phoneNumberId, @Nullable String customer,
			@Nullable Instant before, int limit) {
		StringBuilder sql = new StringBuilder(LIST);
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("org", organizationId);
		if (phoneNumberId != null) {
			sql.append(" and c.phone_number_id = :phone");
			values.put("phone", phoneNumberId);
		}
		if (customer != null) {
			sql.append(" and c.customer = :customer");
			values.put("customer", customer);
		}
		sql.append(") conversation");
		if (before != null) {
			sql.append(" where activity < :before");
			values.put("before", before);
		}
		sql.append(" order by activity desc, customer desc, phone_number_id desc limit :limit");
		values.put("limit", limit + 1);
		GenericExecuteSpec spec = this.db.sql(sql.toString());
		for (Map.Entry<String, Object> value : values.entrySet()) {
			spec = spec.bind(value.getKey(), value.getValue());
		}
		Instant now = this.clock.instant();
		return spec.map((row) -> conversation(row, now)).all().collectList().map((found) -> {
			if (found.size() <= limit) {
				return new Page(found, null);
			}
			List<Conversation> page = List.copyOf(found.subList(0, limit));
			return new Page(page, page.get(page.size() - 1).lastActivityAt());
		});
	}

	/**
	 * The conversation whose last inbound message a read marks: with {@code from}, the
	 * customer's conversation with that number, else the one the customer wrote to last.
	 */
	Mono<LastInbound> lastInbound(String organizationId, @Nullable String phoneNumberId, String customer) {
		GenericExecuteSpec spec = this.db.sql("""
				select phone_number_id, last_inbound_wamid, last_inbound_at from conversations
				where organization_id = :org and customer = :customer
					and (cast(:phone as text) is null or phone_number_id = :phone)
				order by last_inbound_at desc limit 1""").bind("org", organizationId).bind("customer", customer);
		spec = (phoneNumberId != null) ? spec.bind("phone", phoneNumberId) : spec.bindNull("phone", String.class);
		return spec
			.map((row) -> new LastInbound(row.get("phone_number_id", String.class),
					row.get("last_inbound_wamid", String.class), row.get("last_inbound_at", Instant.class)))
			.one();
	}

	private static Conversation conversation(Readable row, Instant now) {
		Instant lastInbound = row.get("last_inbound_at", Instant.class);
		Instant closedAt = row.get("window_closed_at", Instant.class);
		Instant inboundAt = row.get("in_at", Instant.class);
		Instant outboundAt = row.get("out_at", Instant.class);
		LastMessage last = (outboundAt != null && (inboundAt == null || outboundAt.isAfter(inboundAt)))
				? new LastMessage("outbound", row.get("out_type", String.class), null,
						row.get("out_template", String.class), outboundAt, row.get("out_status", String.class))
				: new LastMessage("inbound", row.get("in_type", String.class), row.get("in_text", String.class), null,
						(inboundAt != null) ? inboundAt : lastInbound, null);
		return new Conversation(row.get("customer", String.class), row.get("phone_number_id", String.class),
				row.get("profile_name", String.class), last, row.get("unread_count", Integer.class),
				ServiceWindow.isOpen(lastInbound, closedAt, now) ? ServiceWindow.openUntil(lastInbound) : null,
				Boolean.TRUE.equals(row.get("opted_out", Boolean.class)), row.get("activity", Instant.class));
	}

	/** A conversation's last inbound message. */
	record LastInbound(String phoneNumberId, String wamid, Instant at) {
	}

}
