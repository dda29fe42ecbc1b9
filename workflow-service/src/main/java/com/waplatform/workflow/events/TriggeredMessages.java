package com.waplatform.workflow.events;

import java.util.UUID;

import com.waplatform.common.message.SendRequest;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** The messages rules triggered, keyed by our (deterministic) message id. */
@Component
class TriggeredMessages {

	private final DatabaseClient db;

	TriggeredMessages(DatabaseClient db) {
		this.db = db;
	}

	/** Emits whether the message is new (it was not triggered before). */
	Mono<Boolean> record(SendRequest request, UUID eventId, String rule) {
		return this.db
			.sql("insert into triggered_messages (message_id, event_id, rule, organization_id) "
					+ "values (:messageId, :eventId, :rule, :organizationId) on conflict do nothing")
			.bind("messageId", request.messageId())
			.bind("eventId", eventId)
			.bind("rule", rule)
			.bind("organizationId", request.organizationId())
			.fetch()
			.rowsUpdated()
			.map((count) -> count == 1);
	}

}
