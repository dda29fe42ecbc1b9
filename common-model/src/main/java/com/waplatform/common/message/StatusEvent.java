package com.waplatform.common.message;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A status change of one message, the public status feed ({@code wa.status-events}, keyed
 * by message id).
 *
 * @param statusAt when the status happened (Meta's timestamp for webhook statuses)
 * @param wamid Meta's message id, once known
 * @param error set for {@code failed}, {@code expired} and {@code rejected}
 */
public record StatusEvent(UUID eventId, Instant occurredAt, String organizationId, String messageId,
		MessageStatus status, Instant statusAt, @Nullable String phoneNumberId, @Nullable String recipient,
		@Nullable String wamid, @Nullable ErrorInfo error) implements MessageStatusEvent {

	public static StatusEvent of(String organizationId, String messageId, MessageStatus status, Instant statusAt,
			@Nullable String phoneNumberId, @Nullable String recipient, @Nullable String wamid,
			@Nullable ErrorInfo error) {
		return new StatusEvent(UUID.randomUUID(), Instant.now(), organizationId, messageId, status, statusAt,
				phoneNumberId, recipient, wamid, error);
	}

	/**
	 * A status event with an id derived from its content, so a redelivered input
	 * republishes the same event.
	 */
	public static StatusEvent deterministic(String organizationId, String messageId, MessageStatus status,
			Instant statusAt, @Nullable String phoneNumberId, @Nullable String recipient, @Nullable String wamid,
			@Nullable ErrorInfo error) {
		UUID id = UUID.nameUUIDFromBytes((messageId + "|" + status + "|" + statusAt.toEpochMilli()).getBytes());
		return new StatusEvent(id, Instant.now(), organizationId, messageId, status, statusAt, phoneNumberId, recipient,
				wamid, error);
	}

	@Override
	public String key() {
		return this.messageId;
	}

}
