package com.waplatform.support.outbox;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The idempotent-consumer log: records that a consumer handled an event, in the same
 * transaction as the effect, so a redelivered event is recognised and skipped.
 */
public class ProcessedEvents {

	private final DatabaseClient db;

	public ProcessedEvents(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Emits {@code true} the first time this consumer sees the event, {@code false} after
	 * that.
	 */
	public Mono<Boolean> firstTime(String consumer, UUID eventId) {
		return this.db
			.sql("insert into processed_events (consumer, event_id) values (:consumer, :id) on conflict do nothing")
			.bind("consumer", consumer)
			.bind("id", eventId)
			.fetch()
			.rowsUpdated()
			.map((count) -> count == 1);
	}

}
