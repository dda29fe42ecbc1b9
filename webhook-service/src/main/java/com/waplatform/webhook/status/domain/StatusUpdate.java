package com.waplatform.webhook.status.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.waplatform.common.message.ErrorInfo;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.common.meta.WebhookPayload;
import com.waplatform.webhook.routing.domain.CustomerNumbers;
import com.waplatform.webhook.routing.domain.MetaTimestamps;
import org.jspecify.annotations.Nullable;

/**
 * One status of a Meta status webhook, in our terms. Whether it moves its message is the
 * status lifecycle of {@link MessageStatus} (docs/common-model.md, "Status lifecycle").
 *
 * @param wamid Meta's message id
 * @param callbackData {@code biz_opaque_callback_data}: our message id, when Meta echoes
 * it
 * @param status sent, delivered, read or failed
 * @param statusAt Meta's timestamp
 * @param recipient the customer's number in E.164, when Meta gives one (not for group
 * messages, whose recipient is a group id, nor for BSUID recipients)
 * @param error the first of Meta's errors, for {@code failed}
 */
public record StatusUpdate(String wamid, @Nullable String callbackData, MessageStatus status, Instant statusAt,
		@Nullable String recipient, @Nullable ErrorInfo error) {

	/** The statuses of Meta's webhooks we track. */
	private static final Set<MessageStatus> WEBHOOK_STATUSES = EnumSet.of(MessageStatus.SENT, MessageStatus.DELIVERED,
			MessageStatus.READ, MessageStatus.FAILED);

	/**
	 * Maps Meta's status object; empty when the status is not one we track. Malformed
	 * objects (no wamid, non-numeric timestamp) are {@link IllegalArgumentException}s.
	 */
	public static Optional<StatusUpdate> from(WebhookPayload.Status status) {
		if (status.id() == null || status.id().isBlank() || status.status() == null) {
			throw new IllegalArgumentException("Status webhook without 'id' or 'status'");
		}
		return fromWebhook(status.status())
			.map((ours) -> new StatusUpdate(status.id(), blankToNull(status.bizOpaqueCallbackData()), ours,
					MetaTimestamps.epochSeconds(status.timestamp(), "Status webhook"),
					CustomerNumbers.phoneOrNull(status.recipientId()),
					(ours == MessageStatus.FAILED) ? firstError(status.errors()) : null));
	}

	/**
	 * Meta's status name as ours; empty for the ones we do not track (e.g. {@code played}
	 * of voice messages).
	 */
	public static Optional<MessageStatus> fromWebhook(String status) {
		return WEBHOOK_STATUSES.stream()
			.filter((candidate) -> candidate.wireName().equals(status.toLowerCase(Locale.ROOT)))
			.findFirst();
	}

	/** The event announcing this status of our message {@code messageId}. */
	public StatusEvent toEvent(String organizationId, String messageId, @Nullable String phoneNumberId) {
		return StatusEvent.deterministic(organizationId, messageId, this.status, this.statusAt, phoneNumberId,
				this.recipient, this.wamid, this.error);
	}

	private static @Nullable ErrorInfo firstError(@Nullable List<WebhookPayload.WebhookError> errors) {
		if (errors == null || errors.isEmpty()) {
			return null;
		}
		WebhookPayload.WebhookError error = errors.get(0);
		String title = (error.title() != null) ? error.title()
				: (error.message() != null) ? error.message() : "Meta error " + error.code();
		return ErrorInfo.of(error.code(), title, error.details());
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
