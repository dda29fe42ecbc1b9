package com.waplatform.support.outbox;

import com.waplatform.common.event.Event;
import com.waplatform.common.json.Json;
import com.waplatform.common.kafka.Topic;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Appends events to the outbox table. Call it inside the transaction that writes the
 * state the event announces: both commit or neither does, and {@link OutboxRelay}
 * publishes afterwards.
 */
public class Outbox {

	private final DatabaseClient db;

	public Outbox(DatabaseClient db) {
		this.db = db;
	}

	public <V extends Event> Mono<Void> append(Topic<V> topic, V event) {
		return this.db
			.sql("insert into outbox (topic, record_key, event_type, payload) values (:topic, :key, :type, :payload)")
			.bind("topic", topic.name())
			.bind("key", event.key())
			.bind("type", event.eventType())
			.bind("payload", Json.mapper().writeValueAsString(event))
			.then();
	}

}
