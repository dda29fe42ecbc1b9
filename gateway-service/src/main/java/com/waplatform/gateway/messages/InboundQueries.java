package com.waplatform.gateway.messages;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.waplatform.common.json.Json;
import com.waplatform.gateway.messages.MessageViews.Inbound;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

/**
 * Reads the customers' messages (stored by the conversations listener), always within one
 * organization, for message histories.
 */
@Repository
class InboundQueries {

	private final DatabaseClient db;

	InboundQueries(DatabaseClient db) {
		this.db = db;
	}

	/** Up to {@code filter.limit() + 1} inbound messages, newest first. */
	Mono<List<Inbound>> inbound(String organizationId, HistoryFilter filter) {
		StringBuilder sql = new StringBuilder("""
				select wamid, customer, phone_number_id, type, text, payload, content::text as content_json,
					context::text as context_json, profile_name, sent_at, received_at
				from inbound_messages where organization_id = :org""");
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("org", organizationId);
		MessageQueries.condition(sql, values, "customer", "customer", filter.customer());
		MessageQueries.condition(sql, values, "phone_number_id", "from", filter.phoneNumberId());
		MessageQueries.time(sql, values, "sent_at >= :since", "since", filter.since());
		MessageQueries.time(sql, values, "sent_at < :until", "until", filter.until());
		MessageQueries.time(sql, values, "sent_at < :before", "before", filter.before());
		sql.append(" order by sent_at desc, wamid desc limit :limit");
		values.put("limit", filter.limit() + 1);
		GenericExecuteSpec spec = this.db.sql(sql.toString());
		for (Map.Entry<String, Object> value : values.entrySet()) {
			spec = spec.bind(value.getKey(), value.getValue());
		}
		return spec.map(InboundQueries::inbound).all().collectList();
	}

	private static Inbound inbound(Readable row) {
		String context = row.get("context_json", String.class);
		return new Inbound(row.get("wamid", String.class), row.get("customer", String.class),
				row.get("phone_number_id", String.class), row.get("type", String.class), row.get("text", String.class),
				row.get("payload", String.class), Json.mapper().readTree(row.get("content_json", String.class)),
				(context != null) ? Json.mapper().readTree(context) : null, row.get("profile_name", String.class),
				row.get("sent_at", Instant.class), row.get("received_at", Instant.class));
	}

}
