package com.waplatform.webhook.routing;

import com.waplatform.common.meta.WebhookPayload;
import com.waplatform.common.webhook.WebhookEvent;
import com.waplatform.common.webhook.WebhookReceived;
import com.waplatform.support.kafka.TransientFailures;
import com.waplatform.support.outbox.ProcessedEvents;
import com.waplatform.webhook.routing.domain.WebhookPayloads;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Consumes {@code wa.webhook-events}. Each webhook is processed once: the event id is
 * recorded in the transaction that writes its effects (status rows, outbox events), so a
 * redelivered webhook changes nothing.
 */
@Component
class WebhookEventsListener {

	static final String CONSUMER = "webhook-service";

	private static final Logger logger = LoggerFactory.getLogger(WebhookEventsListener.class);

	private final ChangeRouter router;

	private final ProcessedEvents processedEvents;

	private final TransactionalOperator tx;

	private final Counter duplicates;

	WebhookEventsListener(ChangeRouter router, ProcessedEvents processedEvents, TransactionalOperator tx,
			MeterRegistry meters) {
		this.router = router;
		this.processedEvents = processedEvents;
		this.tx = tx;
		this.duplicates = Counter.builder("webhook.events.duplicates")
			.description("Webhook events delivered more than once and skipped")
			.register(meters);
	}

	@KafkaListener(topics = "#{T(com.waplatform.common.kafka.Topics).WEBHOOK_EVENTS.name()}")
	Mono<Void> onWebhook(WebhookEvent event) {
		if (event instanceof WebhookReceived received) {
			return process(received);
		}
		throw new IllegalArgumentException("Unexpected event on wa.webhook-events: " + event.eventType());
	}

	private Mono<Void> process(WebhookReceived received) {
		// parsed before the transaction: an unparseable payload is an
		// IllegalArgumentException and goes to the dead-letter topic at once
		WebhookPayload payload = WebhookPayloads.parse(received.payload());
		Mono<Void> once = this.processedEvents.firstTime(CONSUMER, received.eventId())
			.flatMap((first) -> first ? this.router.route(received, payload) : skip(received));
		return this.tx.transactional(once).retryWhen(TransientFailures.retry());
	}

	private Mono<Void> skip(WebhookReceived received) {
		logger.debug("Webhook event {} already processed", received.eventId());
		this.duplicates.increment();
		return Mono.empty();
	}

}
