package com.waplatform.webhook.status;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Meta's message id ({@code wamid}) to our message id, learnt from the sender's
 * {@code accepted} status events: the fallback for status webhooks that lack
 * {@code biz_opaque_callback_data}.
 */
@Component
class MessageRefs {

	private final DatabaseClient db;

	MessageRefs(DatabaseClient db) {
		this.db = db;
	}

	Mono<Void> record(String wamid, MessageRef message) {
		return this.db.sql(
				"insert into message_refs (wamid, message_id, organization_id) values (:wamid, :messageId, :organizationId) "
						+ "on conflict do nothing")
			.bind("wamid", wamid)
			.bind("messageId", message.messageId())
			.bind("organizationId", message.organizationId())
			.then();
	}

	/** The message Meta calls {@code wamid}, if it belongs to the organization. */
	Mono<MessageRef> find(String organizationId, String wamid) {
		return this.db.sql(
				"select message_id, organization_id from message_refs where wamid = :wamid and organization_id = :organizationId")
			.bind("wamid", wamid)
			.bind("organizationId", organizationId)
			.map((row) -> new MessageRef(row.get("message_id", String.class), row.get("organization_id", String.class)))
			.one();
	}

}
