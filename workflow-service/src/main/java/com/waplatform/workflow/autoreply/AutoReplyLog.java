package com.waplatform.workflow.autoreply;

import java.time.Instant;

import com.waplatform.workflow.autoreply.domain.AutoReplyPolicy;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Every auto-reply sent (table {@code auto_replies}): whether a rule already answered a
 * customer within the window, and whether a customer's message quotes one of our
 * auto-replies (by Meta's wamid, which the sender's status events bring later).
 */
@Component
class AutoReplyLog {

	private final DatabaseClient db;

	AutoReplyLog(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Records a reply; false when its message id is already recorded (the same inbound
	 * message answered by the same rule before: a redelivery).
	 */
	Mono<Boolean> record(String messageId, String organizationId, String phoneNumberId, String customer, String rule,
			String inboundWamid, Instant sentAt) {
		return this.db.sql("""
				insert into auto_replies (message_id, organization_id, phone_number_id, customer, rule, inbound_wamid,
					sent_at)
				values (:id, :org, :number, :customer, :rule, :inbound, :at)
				on conflict (message_id) do nothing""")
			.bind("id", messageId)
			.bind("org", organizationId)
			.bind("number", phoneNumberId)
			.bind("customer", customer)
			.bind("rule", rule)
			.bind("inbound", inboundWamid)
			.bind("at", sentAt)
			.fetch()
			.rowsUpdated()
			.map((count) -> count > 0);
	}

	/** Whether the rule answered the customer on this number within the window. */
	Mono<Boolean> repliedWithinWindow(String organizationId, String phoneNumberId, String customer, String rule,
			Instant now) {
		return this.db.sql("""
				select exists (select 1 from auto_replies where organization_id = :org and phone_number_id = :number
					and customer = :customer and rule = :rule and sent_at > :since) as replied""")
			.bind("org", organizationId)
			.bind("number", phoneNumberId)
			.bind("customer", customer)
			.bind("rule", rule)
			.bind("since", AutoReplyPolicy.windowStart(now))
			.map((row) -> Boolean.TRUE.equals(row.get("replied", Boolean.class)))
			.one();
	}

	/**
	 * Whether a message that quotes {@code repliedTo} answers one of our auto-replies:
	 * its wamid (or message id) is one of theirs, or, to be safe while a status event is
	 * late, an auto-reply to this customer within the window has no wamid yet.
	 */
	Mono<Boolean> repliesToAutoReply(String organizationId, String customer, @Nullable String repliedTo, Instant now) {
		if (repliedTo == null) {
			return Mono.just(false);
		}
		return this.db.sql("""
				select exists (select 1 from auto_replies where organization_id = :org and (wamid = :quoted
					or message_id = :quoted
					or (customer = :customer and wamid is null and sent_at > :since))) as loop""")
			.bind("org", organizationId)
			.bind("quoted", repliedTo)
			.bind("customer", customer)
			.bind("since", AutoReplyPolicy.windowStart(now))
			.map((row) -> Boolean.TRUE.equals(row.get("loop", Boolean.class)))
			.one();
	}

	/** Notes Meta's id of a reply (no-op for any other message). */
	Mono<Void> wamid(String messageId, String wamid) {
		return this.db.sql("update auto_replies set wamid = :wamid where message_id = :id and wamid is null")
			.bind("wamid", wamid)
			.bind("id", messageId)
			.then();
	}

}
