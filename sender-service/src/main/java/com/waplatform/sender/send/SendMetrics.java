package com.waplatform.sender.send;

import java.util.Locale;

import com.waplatform.sender.domain.MessageState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * {@code sender.messages} (by business number and outcome: accepted, failed, expired,
 * duplicate) and {@code sender.duplicates.skipped} (redeliveries not sent again).
 */
@Component
class SendMetrics {

	private final MeterRegistry registry;

	private final Counter duplicatesSkipped;

	SendMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.duplicatesSkipped = Counter.builder("sender.duplicates.skipped")
			.description("Redelivered send requests of messages already final, not sent again")
			.register(registry);
	}

	void outcome(String phoneNumberId, MessageState state) {
		count(phoneNumberId, state.name().toLowerCase(Locale.ROOT));
	}

	void duplicate(String phoneNumberId) {
		this.duplicatesSkipped.increment();
		count(phoneNumberId, "duplicate");
	}

	private void count(String phoneNumberId, String outcome) {
		Counter.builder("sender.messages")
			.description("Send requests by final outcome")
			.tag("phone_number_id", phoneNumberId)
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

}
