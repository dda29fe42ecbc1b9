package com.waplatform.gateway.conversations;

import java.time.Instant;

import com.waplatform.common.inbound.InboundMessage;
import com.waplatform.common.json.Json;
import com.waplatform.common.message.StatusEvent;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

/**
 * Writes inbound messages and conversations. A conversation's facts only move forward
 * whatever order messages arrive in: the last inbound time is the latest one, the unread
 * count grows only for messages after the last read. Callers run these inside a
 * transaction.
 */
@Repository
class ConversationStore {

	private final DatabaseClient db;

	ConversationStore(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Stores the message and updates its conversation; emits false (and changes nothing)
	 * when the organization has it already (same wamid).
	 */
	Mono<Boolean> recordInbound(InboundMessage message) {
		GenericExecuteSpec insert = this.db.sql("""
				insert into inbound_messages (organization_id, phone_number_id, customer, wamid, type, text, payload,
					content, context, context_wamid, profile_name, sent_at)
				values (:org, :phone, :customer, :wamid, :type, :text, :payload, cast(:content as jsonb),
					cast(:context as jsonb), :contextWamid, :profile, :sentAt)
				on conflict do nothing""")
			.bind("org", message.organizationId())
			.bind("phone", message.phoneNumberId())
			.bind("customer", message.customer())
			.bind("wamid", message.wamid())
			.bind("type", message.type())
			.bind("content", Json.mapper().writeValueAsString(message.content()))
			.bind("context", Json.mapper().writeValueAsString(message.context()))
			.bind("sentAt", message.sentAt());
		insert = nullable(insert, "text", message.text());
		insert = nullable(insert, "payload", message.payload());
		insert = nullable(insert, "contextWamid", message.contextWamid());
		insert = nullable(insert, "profile", message.profileName());
		return insert.fetch()
			.rowsUpdated()
			.flatMap((count) -> (count > 0) ? conversation(message).thenReturn(true) : Mono.just(false));
	}

	private Mono<Void> conversation(InboundMessage message) {
		GenericExecuteSpec upsert = this.db.sql("""
				insert into conversations (organization_id, phone_number_id, customer, profile_name, last_inbound_at,
					last_inbound_wamid, unread_count)
				values (:org, :phone, :customer, :profile, :at, :wamid, 1)
				on conflict (organization_id, phone_number_id, customer) do update set
					profile_name = coalesce(excluded.profile_name, conversations.profile_name),
					last_inbound_wamid = case when excluded.last_inbound_at >= conversations.last_inbound_at
						then excluded.last_inbound_wamid else conversations.last_inbound_wamid end,
					last_inbound_at = greatest(conversations.last_inbound_at, excluded.last_inbound_at),
					unread_count = conversations.unread_count + case when conversations.last_read_at is null
						or excluded.last_inbound_at > conversations.last_read_at then 1 else 0 end""")
			.bind("org", message.organizationId())
			.bind("phone", message.phoneNumberId())
			.bind("customer", message.customer())
			.bind("at", message.sentAt())
			.bind("wamid", message.wamid());
		return nullable(upsert, "profile", message.profileName()).then();
	}

	/**
	 * Meta said the window of the failed message's customer is closed (131047): the
	 * conversation's window closes at the failure's time, unless a later inbound message
	 * reopened it. The conversation is found through the message (read model) or the
	 * event's own number and recipient.
	 */
	Mono<Void> closeWindow(StatusEvent event) {
		GenericExecuteSpec update = this.db.sql("""
				update conversations c set window_closed_at = greatest(coalesce(c.window_closed_at, :at), :at)
				where c.organization_id = :org and (c.phone_number_id, c.customer) in (
					select phone_number_id, recipient from messages where id = :id and organization_id = :org
					union all select cast(:phone as text), cast(:recipient as text))""")
			.bind("org", event.organizationId())
			.bind("id", event.messageId())
			.bind("at", event.statusAt());
		update = nullable(update, "phone", event.phoneNumberId());
		return nullable(update, "recipient", event.recipient()).then();
	}

	/**
	 * Resets the unread count: everything received up to the last inbound message is
	 * read.
	 */
	Mono<Void> markRead(String organizationId, String phoneNumberId, String customer, Instant lastInboundAt) {
		return this.db.sql("""
				update conversations set unread_count = 0, last_read_at = greatest(last_read_at, :at)
				where organization_id = :org and phone_number_id = :phone and customer = :customer""")
			.bind("org", organizationId)
			.bind("phone", phoneNumberId)
			.bind("customer", customer)
			.bind("at", lastInboundAt)
			.then();
	}

	private static GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, @Nullable String value) {
		return (value != null) ? spec.bind(name, value) : spec.bindNull(name, String.class);
	}

}
