package com.waplatform.simulator.messages;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * {@code simulator.messages.accepted{phone_number_id}} and
 * {@code simulator.messages.rejected{phone_number_id,code}}.
 */
@Component
class MessageMetrics {

	private final MeterRegistry registry;

	MessageMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void accepted(String phoneNumberId) {
		Counter.builder("simulator.messages.accepted")
			.description("Messages the simulator accepted")
			.tag("phone_number_id", phoneNumberId)
			.register(this.registry)
			.increment();
	}

	void rejected(String phoneNumberId, int code) {
		Counter.builder("simulator.messages.rejected")
			.description("Sends the simulator refused, by Meta error code")
			.tag("phone_number_id", phoneNumberId)
			.tag("code", Integer.toString(code))
			.register(this.registry)
			.increment();
	}

}
