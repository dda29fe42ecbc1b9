package com.waplatform.gateway.media;

import com.waplatform.common.event.Event;
import com.waplatform.common.inbound.InboundContent;
import com.waplatform.common.inbound.InboundMessage;
import com.waplatform.support.kafka.TransientFailures;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Learns from {@code wa.inbound-messages} which media ids each organization's customers
 * sent (media messages, and edits that carry media), so that {@code GET
 * /v1/media/{mediaId}} serves them to that organization only. Its own consumer group; a
 * replayed event changes nothing.
 */
@Component
class InboundMediaListener {

	static final String GROUP = "gateway-media-objects";

	private final MediaObjects objects;

	InboundMediaListener(MediaObjects objects) {
		this.objects = objects;
	}

	@KafkaListener(id = GROUP, topics = "#{T(com.waplatform.common.kafka.Topics).INBOUND_MESSAGES.name()}")
	Mono<Void> onInbound(ConsumerRecord<String, Event> record) {
		if (!(record.value() instanceof InboundMessage message)) {
			return Mono.empty();
		}
		InboundContent content = message.content();
		if (content instanceof InboundContent.Edit edit) {
			content = edit.content();
		}
		if (!(content instanceof InboundContent.Media media) || media.mediaId() == null) {
			return Mono.empty();
		}
		return this.objects
			.record(message.organizationId(), media.mediaId(), message.phoneNumberId(), MediaObjects.INBOUND,
					media.mimeType())
			.retryWhen(TransientFailures.retry());
	}

}
