package com.waplatform.sender.send;

import com.waplatform.common.message.SendRequest;
import com.waplatform.common.message.SendRequestEvent;
import reactor.core.publisher.Mono;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code wa.send-requests}. The record is acknowledged when the returned Mono
 * completes; an error hands it to the platform's error handler (retried, then
 * dead-lettered to {@code wa.send-requests-dlt}).
 */
@Component
class SendRequestListener {

	private final SendService sendService;

	SendRequestListener(SendService sendService) {
		this.sendService = sendService;
	}

	@KafkaListener(topics = "#{T(com.waplatform.common.kafka.Topics).SEND_REQUESTS.name()}",
			groupId = "${spring.application.name}")
	Mono<Void> onSendRequest(SendRequestEvent event) {
		if (event instanceof SendRequest request) {
			return this.sendService.handle(request);
		}
		return Mono.error(new IllegalArgumentException("Unsupported send request " + event.eventType()));
	}

}
