package com.waplatform.gateway.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * {@code gateway.webhooks.received}: Meta webhook notifications by outcome
 * ({@code verified} and stored, {@code rejected} for a bad signature, {@code unparseable}
 * for a signed body without a WABA id).
 */
@Component
class WebhookMetrics {

	private final MeterRegistry registry;

	WebhookMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void received(String outcome) {
		Counter.builder("gateway.webhooks.received")
			.description("Meta webhook notifications by outcome")
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

}
