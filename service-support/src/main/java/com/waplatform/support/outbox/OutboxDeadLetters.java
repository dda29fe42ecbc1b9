package com.waplatform.support.outbox;

import java.nio.charset.StandardCharsets;

import com.waplatform.common.event.EventHeaders;
import com.waplatform.common.kafka.Topic;
import com.waplatform.common.kafka.Topics;
import com.waplatform.support.kafka.DeadLetterMetrics;
import com.waplatform.support.kafka.RejectedEventException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Dead-letters outbox rows the relay cannot read (an event type no class maps, a payload
 * that does not parse): the row's payload as it is goes to {@code <topic>-dlt}, with the
 * headers {@code DeadLetterPublishingRecoverer} writes for a listener's dead letters
 * ({@code kafka_dlt-original-topic}, {@code kafka_dlt-exception-fqcn},
 * {@code kafka_dlt-exception-message}) and the reason in
 * {@value RejectedEventException#REASON_HEADER}, so the dead-letter tooling reads both
 * kinds alike. Counted in {@code platform.dead.letters{topic, reason}}.
 */
public class OutboxDeadLetters implements DisposableBean {

	/** The reason of a row whose event type no class maps. */
	public static final String UNKNOWN_EVENT_TYPE = "unknown_event_type";

	private final DefaultKafkaProducerFactory<String, byte[]> producers;

	private final KafkaTemplate<String, byte[]> template;

	private final DeadLetterMetrics metrics;

	public OutboxDeadLetters(DefaultKafkaProducerFactory<String, byte[]> producers, DeadLetterMetrics metrics) {
		this.producers = producers;
		this.template = new KafkaTemplate<>(producers);
		this.metrics = metrics;
	}

	@Override
	public void destroy() {
		this.producers.destroy();
	}

	/**
	 * Publishes a row's raw payload to its topic's dead-letter topic; completes on ack.
	 */
	Mono<Void> deadLetter(String topic, String key, String eventType, String payload, String reason, Exception cause) {
		String dlt = dltOf(topic);
		return Mono.fromFuture(() -> this.template.send(record(dlt, topic, key, eventType, payload, reason, cause)))
			.doOnSuccess((sent) -> this.metrics.deadLettered(dlt, reason))
			.then();
	}

	private static ProducerRecord<String, byte[]> record(String dlt, String topic, String key, String eventType,
			String payload, String reason, Exception cause) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(dlt, key,
				payload.getBytes(StandardCharsets.UTF_8));
		Headers headers = record.headers();
		put(headers, KafkaHeaders.DLT_ORIGINAL_TOPIC, topic);
		put(headers, KafkaHeaders.DLT_EXCEPTION_FQCN, cause.getClass().getName());
		put(headers, KafkaHeaders.DLT_EXCEPTION_MESSAGE, String.valueOf(cause.getMessage()));
		put(headers, RejectedEventException.REASON_HEADER, reason);
		put(headers, EventHeaders.TYPE, eventType);
		return record;
	}

	private static void put(Headers headers, String name, String value) {
		headers.add(name, value.getBytes(StandardCharsets.UTF_8));
	}

	/** The dead-letter topic of a topic: {@link Topic#dlt()} of the platform's topics. */
	static String dltOf(String topic) {
		return Topics.ALL.stream()
			.filter((known) -> known.name().equals(topic))
			.findFirst()
			.map(Topic::dlt)
			.orElse(topic + "-dlt");
	}

}
