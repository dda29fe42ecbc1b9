package com.waplatform.support.outbox;

import java.util.List;
import java.util.function.IntFunction;

import com.waplatform.common.event.Event;
import com.waplatform.common.json.Json;
import com.waplatform.common.kafka.Topic;
import com.waplatform.support.tracing.TraceContexts;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Appends events to the outbox table. Call it inside the transaction that writes the
 * state the event announces: both commit or neither does, and {@link OutboxRelay}
 * publishes afterwards. Each row keeps the trace context ({@code traceparent}) of the
 * work that appended it, and the relay publishes the record with it as a header, so the
 * trace of a message goes on in its consumers.
 */
public class Outbox {

	private final DatabaseClient db;

	private final TraceContexts traces;

	public Outbox(DatabaseClient db, TraceContexts traces) {
		this.db = db;
		this.traces = traces;
	}

	/**
	 * Appends an event in the current trace (the Reactor context's, else the thread's).
	 */
	public <V extends Event> Mono<Void> append(Topic<V> topic, V event) {
		return appendAll(topic, List.of(event));
	}

	/** Appends an event in the trace of {@code traceparent} (none: no trace header). */
	public <V extends Event> Mono<Void> append(Topic<V> topic, V event, @Nullable String traceparent) {
		return insert(topic, List.of(event), (i) -> traceparent);
	}

	/**
	 * Appends several events with one statement (what a batch of outcomes announces),
	 * published in the order given.
	 */
	public <V extends Event> Mono<Void> appendAll(Topic<V> topic, List<? extends V> events) {
		if (events.isEmpty()) {
			return Mono.empty();
		}
		return Mono.deferContextual((context) -> {
			String traceparent = this.traces.current(context);
			return insert(topic, events, (i) -> traceparent);
		});
	}

	/**
	 * Appends several events with one statement, each in its own trace (the outcomes of a
	 * batch of messages): {@code traceparents} holds one traceparent (or null) per event.
	 */
	public <V extends Event> Mono<Void> appendAll(Topic<V> topic, List<? extends V> events,
			List<? extends @Nullable String> traceparents) {
		if (traceparents.size() != events.size()) {
			throw new IllegalArgumentException(
					events.size() + " events but " + traceparents.size() + " trace contexts");
		}
		return insert(topic, events, traceparents::get);
	}

	private <V extends Event> Mono<Void> insert(Topic<V> topic, List<? extends V> events,
			IntFunction<@Nullable String> traceparents) {
		if (events.isEmpty()) {
			return Mono.empty();
		}
		String[] keys = new String[events.size()];
		String[] types = new String[events.size()];
		String[] payloads = new String[events.size()];
		@Nullable String[] traces = new String[events.size()];
		for (int i = 0; i < events.size(); i++) {
			V event = events.get(i);
			keys[i] = event.key();
			types[i] = event.eventType();
			payloads[i] = Json.mapper().writeValueAsString(event);
			traces[i] = traceparents.apply(i);
		}
		return this.db.sql("""
				insert into outbox (topic, record_key, event_type, payload, traceparent)
				select :topic, e.record_key, e.event_type, e.payload, e.traceparent
				from unnest(:keys::text[], :types::text[], :payloads::text[], :traces::text[]) with ordinality
					as e(record_key, event_type, payload, traceparent, position)
				order by e.position""")
			.bind("topic", topic.name())
			.bind("keys", keys)
			.bind("types", types)
			.bind("payloads", payloads)
			.bind("traces", traces)
			.then();
	}

}
