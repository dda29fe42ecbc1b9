package com.waplatform.support.kafka;

import java.nio.charset.StandardCharsets;

import com.waplatform.common.event.Event;
import com.waplatform.common.kafka.Topic;
import com.waplatform.support.tracing.TraceContexts;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes events keyed by their {@link Event#key()}; completes when the broker
 * acknowledged. A record carries the trace context of its work as its
 * {@value TraceContexts#TRACEPARENT} header (W3C), which listeners continue.
 */
public class EventPublisher {

	private final KafkaTemplate<String, Event> template;

	private final TraceContexts traces;

	public EventPublisher(KafkaTemplate<String, Event> template) {
		this(template, TraceContexts.none());
	}

	public EventPublisher(KafkaTemplate<String, Event> template, TraceContexts traces) {
		this.template = template;
		this.traces = traces;
	}

	public <V extends Event> Mono<Void> publish(Topic<V> topic, V event) {
		return publish(topic.name(), event);
	}

	/** Publishes in the current trace (the Reactor context's, else the thread's). */
	public Mono<Void> publish(String topic, Event event) {
		return Mono.deferContextual((context) -> publish(topic, event, this.traces.current(context)));
	}

	/** Publishes in the trace of {@code traceparent} (none: no trace header). */
	public Mono<Void> publish(String topic, Event event, @Nullable String traceparent) {
		return Mono.fromFuture(() -> this.template.send(record(topic, event.key(), event, traceparent))).then();
	}

	/** A tombstone: removes the key from a compacted topic. */
	public Mono<Void> delete(Topic<?> topic, String key) {
		return Mono.fromFuture(() -> this.template.send(topic.name(), key, null)).then();
	}

	private static ProducerRecord<String, Event> record(String topic, String key, Event event,
			@Nullable String traceparent) {
		ProducerRecord<String, Event> record = new ProducerRecord<>(topic, key, event);
		if (traceparent != null) {
			record.headers().add(TraceContexts.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
		}
		return record;
	}

}
