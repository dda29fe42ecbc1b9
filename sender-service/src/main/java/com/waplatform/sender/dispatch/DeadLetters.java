package com.waplatform.sender.dispatch;

import com.waplatform.common.event.Event;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.SendRequest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;

/**
 * Publishes a request whose retries are exhausted to {@code wa.send-requests-dlt}, with
 * the same headers as the platform's error handler writes ({@code kafka_dlt-exception-*},
 * {@code kafka_dlt-original-*}), so that all dead letters of the topic read alike. The
 * request was acknowledged on admission long before, so the record is rebuilt from the
 * table (partition and offset included). The recoverer waits for the broker's
 * acknowledgement, hence the bounded-elastic scheduler.
 */
@Component
class DeadLetters {

	private final DeadLetterPublishingRecoverer recoverer;

	DeadLetters(KafkaTemplate<String, Event> kafkaTemplate) {
		this.recoverer = new DeadLetterPublishingRecoverer(kafkaTemplate);
	}

	Mono<Void> publish(SendRequest request, int partition, long offset, SendDeferredException reason) {
		ConsumerRecord<String, Event> original = new ConsumerRecord<>(Topics.SEND_REQUESTS.name(), partition,
				Math.max(0, offset), request.key(), request);
		return Mono.fromRunnable(() -> this.recoverer.accept(original, reason))
			.subscribeOn(Schedulers.boundedElastic())
			.then();
	}

}
