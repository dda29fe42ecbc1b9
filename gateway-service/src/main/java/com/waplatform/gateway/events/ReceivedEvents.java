package com.waplatform.gateway.events;

import java.time.Instant;
import java.util.UUID;

import com.waplatform.common.business.BusinessEvent;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The events posted to {@code POST /v1/events}, per organization by CloudEvents
 * {@code source} + {@code id} ({@code received_events}), forgotten after
 * {@code gateway.events.dedup-retention} ({@code RetentionConfiguration}).
 */
@Repository
class ReceivedEvents {

	private final DatabaseClient db;

	ReceivedEvents(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Emits whether the event is new. A concurrent post of the same event waits on the
	 * primary key until the first one commits, then sees it. Run it in the transaction
	 * that appends the event to the outbox.
	 */
	Mono<Boolean> remember(BusinessEvent event, String cloudEventId) {
		return this.db.sql("""
				insert into received_events (organization_id, source, cloud_event_id, event_id, type, subject)
				values (:org, :source, :cloudEventId, :eventId, :type, :subject) on conflict do nothing""")
			.bind("org", event.organizationId())
			.bind("source", event.source())
			.bind("cloudEventId", cloudEventId)
			.bind("eventId", event.eventId())
			.bind("type", event.type())
			.bind("subject", event.subject())
			.fetch()
			.rowsUpdated()
			.map((count) -> count == 1);
	}

	/** An event of this organization still remembered here. */
	Mono<EventViews.Outcome> find(String organizationId, UUID eventId) {
		return this.db.sql("""
				select event_id, cloud_event_id, type, source, subject, received_at from received_events
				where organization_id = :org and event_id = :id limit 1""")
			.bind("org", organizationId)
			.bind("id", eventId)
			.map((row) -> EventViews.Outcome.pending(row.get("event_id", UUID.class),
					row.get("cloud_event_id", String.class), row.get("type", String.class),
					row.get("source", String.class), row.get("subject", String.class),
					row.get("received_at", Instant.class)))
			.one();
	}

}
