package com.waplatform.callback.delivery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Handles the records of one partition one after the other. A listener that returns a
 * {@code Mono} is handed the next record of a poll before the previous one's work is done
 * (Spring Kafka's async acks), so two status events of one message could insert their
 * deliveries in either order; the insert order is the delivery order, so each record's
 * work here starts only when the previous record of its partition has finished
 * (successfully or not). The listener is called in record order on the consumer thread,
 * so the chain is in record order too. Each link holds only its predecessor's completion
 * signal: nothing accumulates.
 */
final class PartitionOrder {

	private final Map<String, Mono<Void>> tails = new ConcurrentHashMap<>();

	/** Runs {@code work} once the previous record of this partition has finished. */
	Mono<Void> after(String topic, int partition, Supplier<Mono<Void>> work) {
		Sinks.Empty<Void> finished = Sinks.empty();
		Mono<Void> previous = this.tails.put(topic + "-" + partition, finished.asMono());
		Mono<Void> waited = (previous != null) ? previous : Mono.empty();
		return waited.then(Mono.defer(work)).doFinally((signal) -> finished.tryEmitEmpty());
	}

}
