package com.waplatform.common.inbound;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A message a customer sent to a business number.
 *
 * @param from the customer's number in E.164
 * @param text the text body, button text or reply title, when the type has one
 * @param payload a quick-reply payload or interactive reply id
 * @param contextWamid the business message this one replies to
 */
public record InboundMessage(UUID eventId, Instant occurredAt, String organizationId, String phoneNumberId, String from,
		@Nullable String profileName, String wamid, String type, Instant sentAt, @Nullable String text,
		@Nullable String payload, @Nullable String contextWamid) implements InboundEvent {

	public static InboundMessage of(String organizationId, String phoneNumberId, String from,
			@Nullable String profileName, String wamid, String type, Instant sentAt, @Nullable String text,
			@Nullable String payload, @Nullable String contextWamid) {
		// derived from the wamid: a webhook delivered twice yields the same event id
		UUID id = UUID.nameUUIDFromBytes(("inbound|" + wamid).getBytes());
		return new InboundMessage(id, Instant.now(), organizationId, phoneNumberId, from, profileName, wamid, type,
				sentAt, text, payload, contextWamid);
	}

	@Override
	public String key() {
		return this.phoneNumberId + ":" + this.from;
	}

}
