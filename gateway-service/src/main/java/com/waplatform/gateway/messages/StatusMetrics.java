package com.waplatform.gateway.messages;

import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.support.accounts.AccountDirectory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The delivery funnel per organization and business number, counted once per status event
 * the read model applied: {@code gateway.messages.statuses{organization, phone_number_id,
 * status}} ({@code accepted}, {@code sent}, {@code delivered}, {@code read},
 * {@code failed}, ...) and {@code gateway.messages.failures{organization,
 * phone_number_id, code}} (Meta's error code of a failure, {@code none} without one). The
 * tags take only values the account directory holds: a number it does not know as the
 * event's organization's counts as {@value #UNKNOWN} for both.
 */
@Component
class StatusMetrics {

	static final String UNKNOWN = "unknown";

	private final MeterRegistry registry;

	private final AccountDirectory directory;

	StatusMetrics(MeterRegistry registry, AccountDirectory directory) {
		this.registry = registry;
		this.directory = directory;
	}

	void applied(StatusEvent event) {
		boolean known = event.phoneNumberId() != null && this.directory.phoneNumber(event.phoneNumberId())
			.map(PhoneNumberConfigured::organizationId)
			.filter(event.organizationId()::equals)
			.isPresent();
		String organization = known ? event.organizationId() : UNKNOWN;
		String number = known ? event.phoneNumberId() : UNKNOWN;
		Counter.builder("gateway.messages.statuses")
			.description("Status events applied to the read model, by organization, number and status")
			.tag("organization", organization)
			.tag("phone_number_id", number)
			.tag("status", event.status().wireName())
			.register(this.registry)
			.increment();
		if (event.status() == MessageStatus.FAILED) {
			Integer code = (event.error() != null) ? event.error().code() : null;
			Counter.builder("gateway.messages.failures")
				.description("Failed messages by organization, number and Meta error code")
				.tag("organization", organization)
				.tag("phone_number_id", number)
				.tag("code", (code != null) ? code.toString() : "none")
				.register(this.registry)
				.increment();
		}
	}

}
