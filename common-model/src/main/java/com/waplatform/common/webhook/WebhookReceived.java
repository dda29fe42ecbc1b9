package com.waplatform.common.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * A signature-verified Meta webhook, kept byte for byte (as UTF-8 text) so it can be
 * replayed.
 *
 * @param wabaId the first entry's id (the WhatsApp Business Account), the record key
 * @param organizationId the organization owning the WABA, or {@code unknown}
 * @param payload the raw request body
 */
public record WebhookReceived(UUID eventId, Instant occurredAt, String organizationId, String wabaId,
		String payload) implements WebhookEvent {

	public static final String UNKNOWN_ORGANIZATION = "unknown";

	public static WebhookReceived of(String organizationId, String wabaId, String payload) {
		return new WebhookReceived(UUID.randomUUID(), Instant.now(), organizationId, wabaId, payload);
	}

	@Override
	public String key() {
		return this.wabaId;
	}

}
