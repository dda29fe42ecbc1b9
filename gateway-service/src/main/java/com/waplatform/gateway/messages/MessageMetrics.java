package com.waplatform.gateway.messages;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * {@code gateway.messages.requests}: message requests by organization and outcome
 * ({@code accepted}, {@code replayed} for an idempotent retry, {@code rejected} for a
 * 4xx, {@code conflict} for a reused idempotency key).
 */
@Component
class MessageMetrics {

	private final MeterRegistry registry;

	MessageMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void record(String organizationId, String outcome) {
		Counter.builder("gateway.messages.requests")
			.description("POST /v1/messages requests by outcome")
			.tag("organization", organizationId)
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

}
