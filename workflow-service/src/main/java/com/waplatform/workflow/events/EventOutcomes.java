package com.waplatform.workflow.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.waplatform.common.json.Json;
import com.waplatform.workflow.events.EventOutcome.Cancelled;
import com.waplatform.workflow.events.EventOutcome.RuleOutcome;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

/**
 * The outcome of each business event, per organization ({@code event_outcomes}). A
 * rejection never replaces a {@code triggered} outcome (a redelivered event that fails
 * after it was handled does not hide the messages it created).
 */
@Repository
class EventOutcomes {

	private static final TypeReference<List<RuleOutcome>> RULES = new TypeReference<>() {
	};

	private static final TypeReference<List<Cancelled>> CANCELLED = new TypeReference<>() {
	};

	private final DatabaseClient db;

	EventOutcomes(DatabaseClient db) {
		this.db = db;
	}

	/** Records (or replaces) an outcome; run it in the transaction of the effect. */
	Mono<Void> record(String organizationId, EventOutcome outcome) {
		GenericExecuteSpec upsert = this.db
			.sql("""
					insert into event_outcomes (organization_id, event_id, type, source, subject, occurred_at, outcome,
						reason, detail, rules, cancelled)
					values (:org, :id, :type, :source, :subject, :occurredAt, :outcome, :reason, :detail, cast(:rules as jsonb),
						cast(:cancelled as jsonb))
					on conflict (organization_id, event_id) do update set outcome = excluded.outcome,
						reason = excluded.reason, detail = excluded.detail, rules = excluded.rules,
						cancelled = excluded.cancelled, recorded_at = now()
					where event_outcomes.outcome <> 'triggered' or excluded.outcome = 'triggered'""")
			.bind("org", organizationId)
			.bind("id", outcome.eventId())
			.bind("type", outcome.type())
			.bind("source", outcome.source())
			.bind("subject", outcome.subject())
			.bind("occurredAt", outcome.occurredAt())
			.bind("outcome", outcome.outcome())
			.bind("rules", Json.mapper().writeValueAsString(outcome.rules()));
		upsert = (outcome.cancelled() != null)
				? upsert.bind("cancelled", Json.mapper().writeValueAsString(outcome.cancelled()))
				: upsert.bindNull("cancelled", String.class);
		upsert = (outcome.reason() != null) ? upsert.bind("reason", outcome.reason())
				: upsert.bindNull("reason", String.class);
		upsert = (outcome.detail() != null) ? upsert.bind("detail", outcome.detail())
				: upsert.bindNull("detail", String.class);
		return upsert.then();
	}

	/** The outcome of an event of this organization (empty for another's). */
	Mono<EventOutcome> find(String organizationId, UUID eventId) {
		return this.db.sql("""
				select event_id, type, source, subject, occurred_at, outcome, reason, detail, rules::text as rules,
					cancelled::text as cancelled, recorded_at
				from event_outcomes where organization_id = :org and event_id = :id""")
			.bind("org", organizationId)
			.bind("id", eventId)
			.map((row) -> new EventOutcome(row.get("event_id", UUID.class), row.get("type", String.class),
					row.get("source", String.class), row.get("subject", String.class),
					row.get("occurred_at", Instant.class), row.get("outcome", String.class),
					row.get("reason", String.class), row.get("detail", String.class),
					Json.mapper().readValue(row.get("rules", String.class), RULES),
					cancelled(row.get("cancelled", String.class)), row.get("recorded_at", Instant.class)))
			.one();
	}

	private static List<Cancelled> cancelled(String json) {
		return (json != null) ? Json.mapper().readValue(json, CANCELLED) : null;
	}

}
