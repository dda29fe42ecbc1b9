package com.waplatform.support.outbox;

import java.util.List;

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
		return appendAll(topic, List.of(event));
	}

	/**
	 * Appends several events with one statement (what a batch of outcomes announces),
	 * published in the order given.
	 */
	public <V extends Event> Mono<Void> appendAll(Topic<V> topic, List<? extends V> events) {
		if (events.isEmpty()) {
			return Mono.empty();
		}
		String[] keys = new String[events.size()];
		String[] types = new String[events.size()];
		String[] payloads = new String[events.size()];
		for (int i = 0; i < events.size(); i++) {
			V event = events.get(i);
			keys[i] = event.key();
			types[i] = event.eventType();
			payloads[i] = Json.mapper().writeValueAsString(event);
		}
		return this.db.sql("""
				insert into outbox (topic, record_key, event_type, payload)
				select :topic, e.record_key, e.event_type, e.payload
				from unnest(:keys::text[], :types::text[], :payloads::text[]) with ordinality
					as e(record_key, event_type, payload, position)
				order by e.position""")
			.bind("topic", topic.name())
			.bind("keys", keys)
			.bind("types", types)
			.bind("payloads", payloads)
			.then();
	}

}
