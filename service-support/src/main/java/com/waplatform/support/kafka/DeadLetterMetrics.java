package com.waplatform.support.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * {@code platform.dead.letters{topic, reason}}: records the platform error handler put on
 * a dead-letter topic ({@code topic} names it: the source topic plus {@code -dlt}), by
 * the reason of {@link RejectedEventException#reasonOf}. Every service's listeners count
 * here, and so do the outbox rows its relay could not read; the sender's own dead letters
 * of {@code wa.send-requests} are {@code sender.dead.letters}.
 */
public class DeadLetterMetrics implements DeadLetterObserver {

	private final MeterRegistry registry;

	public DeadLetterMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void deadLettered(ConsumerRecord<?, ?> record, Exception exception, String reason) {
		deadLettered(record.topic() + "-dlt", reason);
	}

	/** Counts a record put on the dead-letter topic {@code deadLetterTopic}. */
	public void deadLettered(String deadLetterTopic, String reason) {
		Counter.builder("platform.dead.letters")
			.description("Records put on a dead-letter topic by the platform error handler")
			.tag("topic", deadLetterTopic)
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

}
