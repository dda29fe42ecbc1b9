package com.waplatform.sender.windows;

import com.waplatform.common.inbound.InboundEvent;
import com.waplatform.common.inbound.InboundMessage;
import com.waplatform.support.kafka.TransientFailures;
import reactor.core.publisher.Mono;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Learns customers' windows from {@code wa.inbound-messages}: each customer message opens
 * (or renews) the window of its business number. One group for all instances (the table
 * is shared; each instance's send path reads it on a miss), from the earliest retained
 * message for a new group, so windows opened before the first start are known. No
 * {@code ProcessedEvents} record: the write keeps the later time, so a redelivery changes
 * nothing. {@code UserPreference} events on the same topic are not about windows.
 */
@Component
class InboundWindowListener {

	private final WindowChecks windows;

	InboundWindowListener(WindowChecks windows) {
		this.windows = windows;
	}

	@KafkaListener(id = "sender-windows", topics = "#{T(com.waplatform.common.kafka.Topics).INBOUND_MESSAGES.name()}",
			groupId = "${spring.application.name}-windows", properties = "auto.offset.reset=earliest")
	Mono<Void> onInbound(InboundEvent event) {
		if (event instanceof InboundMessage message) {
			return this.windows.inbound(message).retryWhen(TransientFailures.retry());
		}
		return Mono.empty();
	}

}
