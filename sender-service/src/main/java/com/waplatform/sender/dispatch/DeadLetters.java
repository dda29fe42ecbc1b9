package com.waplatform.sender.dispatch;

import com.waplatform.common.event.Event;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.ErrorInfo;
import com.waplatform.common.message.SendRequest;
import com.waplatform.sender.domain.DeadLetterReason;
import com.waplatform.sender.store.Messages;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;

/**
 * Dead-letters a message the sender gives up on: publishes its request to
 * {@code wa.send-requests-dlt} with the same headers as the platform's error handler
 * writes ({@code kafka_dlt-exception-*}, {@code kafka_dlt-original-*}), so that all dead
 * letters of the topic read alike, then marks its row DEAD_LETTERED with the reason, and
 * counts it ({@code sender.messages{outcome=dead_lettered}},
 * {@code sender.dead.letters{reason}}). The request was acknowledged on admission, so the
 * record is rebuilt from the row's partition and offset. No status event is published:
 * the message stays {@code queued} in the public feed, and a replay can still send it.
 * The recoverer waits for the broker's acknowledgement, hence the bounded-elastic
 * scheduler.
 */
@Component
public class DeadLetters {

	private final DeadLetterPublishingRecoverer recoverer;

	private final Messages messages;

	private final SendMetrics metrics;

	DeadLetters(KafkaTemplate<String, Event> kafkaTemplate, Messages messages, SendMetrics metrics) {
		this.recoverer = new DeadLetterPublishingRecoverer(kafkaTemplate);
		this.messages = messages;
		this.metrics = metrics;
	}

	/**
	 * Publishes the request to the dead-letter topic, then marks its row DEAD_LETTERED
	 * (if it is PENDING) with the reason. A failure leaves the row as it was, to be
	 * dead-lettered again.
	 * @param why the reason's kind, for the metric
	 * @param reason the reason operators read ({@code kafka_dlt-exception-message} and
	 * the row's {@code error_details})
	 */
	public Mono<Void> deadLetter(SendRequest request, int partition, long offset, DeadLetterReason why, String reason) {
		SendDeferredException exception = new SendDeferredException(request.messageId(), reason);
		ConsumerRecord<String, Event> original = new ConsumerRecord<>(Topics.SEND_REQUESTS.name(), partition,
				Math.max(0, offset), request.key(), request);
		return Mono.fromRunnable(() -> this.recoverer.accept(original, exception))
			.subscribeOn(Schedulers.boundedElastic())
			.then(this.messages.deadLettered(request.organizationId(), request.messageId(),
					ErrorInfo.reason("Dead-lettered", reason)))
			.doOnSuccess((marked) -> this.metrics.deadLettered(request.organizationId(), request.phoneNumberId(), why))
			.then();
	}

	/** The reason of {@link DeadLetterReason#UNKNOWN_NUMBER}. */
	public static String unknownNumber(SendRequest request) {
		return "Unknown business phone number " + request.phoneNumberId()
				+ ": the account directory does not know it for organization " + request.organizationId();
	}

	/**
	 * The reason of {@link DeadLetterReason#FOREIGN_NUMBER}. It does not name the
	 * organization the number belongs to: dead letters are listed to the request's
	 * organization.
	 */
	public static String foreignNumber(SendRequest request) {
		return "Business phone number " + request.phoneNumberId() + " is not a number of organization "
				+ request.organizationId() + ": an organization sends only from its own numbers";
	}

}
