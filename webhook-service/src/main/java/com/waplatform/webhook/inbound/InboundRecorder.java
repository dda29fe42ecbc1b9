package com.waplatform.webhook.inbound;

import com.waplatform.common.inbound.InboundMessage;
import com.waplatform.common.kafka.Topics;
import com.waplatform.support.outbox.Outbox;
import com.waplatform.support.outbox.ProcessedEvents;
import com.waplatform.webhook.inbound.domain.InboundMapping;
import com.waplatform.webhook.routing.domain.LogText;
import com.waplatform.webhook.routing.domain.MetricTags;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * Publishes customers' messages on {@code wa.inbound-messages} through the outbox, once
 * per {@code wamid}: Meta may redeliver a message in another webhook, and the
 * {@link InboundMessage}'s event id is derived from the wamid, so the processed-event log
 * recognises it. Must run inside the webhook's transaction.
 */
@Component
public class InboundRecorder {

	static final String CONSUMER = "webhook-service.inbound";

	private static final Logger logger = LoggerFactory.getLogger(InboundRecorder.class);

	private final ProcessedEvents processedEvents;

	private final Outbox outbox;

	private final MeterRegistry meters;

	InboundRecorder(ProcessedEvents processedEvents, Outbox outbox, MeterRegistry meters) {
		this.processedEvents = processedEvents;
		this.outbox = outbox;
		this.meters = meters;
	}

	/**
	 * @param contacts the change's {@code value.contacts}
	 * @param message one element of its {@code value.messages}
	 */
	public Mono<Void> record(String organizationId, String phoneNumberId, JsonNode contacts, JsonNode message) {
		InboundMessage inbound = InboundMapping.map(organizationId, phoneNumberId, contacts, message);
		return this.processedEvents.firstTime(CONSUMER, inbound.eventId()).flatMap((first) -> {
			if (!first) {
				this.meters.counter("webhook.inbound.duplicates").increment();
				return Mono.empty();
			}
			this.meters.counter("webhook.inbound.messages", "type", MetricTags.inboundType(inbound.type())).increment();
			logger.debug("Inbound {} message {} from {}", inbound.type(), LogText.of(inbound.wamid()),
					(inbound.from() != null) ? "a number" : "a business-scoped user id");
			return this.outbox.append(Topics.INBOUND_MESSAGES, inbound);
		});
	}

}
