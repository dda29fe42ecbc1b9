package com.waplatform.common.message;

import java.time.Instant;
import java.util.UUID;

import com.waplatform.common.meta.MetaMessage;
import org.jspecify.annotations.Nullable;

/**
 * A request to send one WhatsApp message from a business number.
 *
 * @param messageId our message id; Meta echoes it back as
 * {@code biz_opaque_callback_data}
 * @param message the Meta message object, {@code to} already normalized to E.164
 * @param expiresAt the message is not sent after this instant (marked expired instead)
 */
public record SendRequest(UUID eventId, Instant occurredAt, String organizationId, String messageId,
		String phoneNumberId, String recipient, MetaMessage message, @Nullable BusinessContext context,
		Priority priority, @Nullable Instant expiresAt, @Nullable Instant scheduledFor,
		String source) implements SendRequestEvent {

	public static SendRequest of(String organizationId, String messageId, String phoneNumberId, String recipient,
			MetaMessage message, @Nullable BusinessContext context, Priority priority, @Nullable Instant expiresAt,
			String source) {
		return new SendRequest(UUID.randomUUID(), Instant.now(), organizationId, messageId, phoneNumberId, recipient,
				message, context, priority, expiresAt, null, source);
	}

	@Override
	public String key() {
		return this.phoneNumberId;
	}

	/**
	 * The business record a message belongs to, e.g. {@code booking} / {@code B-1042}.
	 */
	public record BusinessContext(String type, String id) {
	}

}
