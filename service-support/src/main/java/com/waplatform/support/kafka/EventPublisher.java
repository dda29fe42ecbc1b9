package com.waplatform.support.kafka;

import com.waplatform.common.event.Event;
import com.waplatform.common.kafka.Topic;
import reactor.core.publisher.Mono;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes events keyed by their {@link Event#key()}; completes when the broker
 * acknowledged.
 */
public class EventPublisher {

	private final KafkaTemplate<String, Event> template;

	public EventPublisher(KafkaTemplate<String, Event> template) {
		this.template = template;
	}

	public <V extends Event> Mono<Void> publish(Topic<V> topic, V event) {
		return publish(topic.name(), event);
	}

	public Mono<Void> publish(String topic, Event event) {
		return Mono.fromFuture(() -> this.template.send(topic, event.key(), event)).then();
	}

	/** A tombstone: removes the key from a compacted topic. */
	public Mono<Void> delete(Topic<?> topic, String key) {
		return Mono.fromFuture(() -> this.template.send(topic.name(), key, null)).then();
	}

}
