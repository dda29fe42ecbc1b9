package com.waplatform.common.inbound;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

/**
 * Meta's {@code user_preferences} webhook: a customer stopped or resumed marketing
 * messages from the business in WhatsApp itself.
 *
 * @param from the customer's number in E.164, when Meta gives one
 * @param fromUserId the business-scoped user id, when Meta gives one
 * @param category Meta's category, e.g. {@code marketing_messages}
 * @param value {@code stop} or {@code resume}
 * @param detail Meta's wording, e.g. "User requested to stop marketing messages"
 * @param at when the customer chose
 */
public record UserPreference(UUID eventId, Instant occurredAt, String organizationId, String phoneNumberId,
		@Nullable String from, @Nullable String fromUserId, String category, String value, @Nullable String detail,
		Instant at) implements InboundEvent {

	public static final String MARKETING = "marketing_messages";

	public UserPreference {
		if (from == null && fromUserId == null) {
			throw new IllegalArgumentException("A user preference needs a customer number or user id");
		}
	}

	public static UserPreference of(String organizationId, String phoneNumberId, @Nullable String from,
			@Nullable String fromUserId, String category, String value, @Nullable String detail, Instant at) {
		// derived from what Meta sent: the same webhook delivered twice yields the same
		// id
		UUID id = UUID.nameUUIDFromBytes(("preference|" + phoneNumberId + "|" + from + "|" + fromUserId + "|" + category
				+ "|" + value + "|" + at.getEpochSecond())
			.getBytes(StandardCharsets.UTF_8));
		return new UserPreference(id, Instant.now(), organizationId, phoneNumberId, from, fromUserId, category, value,
				detail, at);
	}

	@JsonIgnore
	public String customer() {
		return (this.from != null) ? this.from : this.fromUserId;
	}

	/** Whether the customer stopped marketing messages (else resumed them). */
	@JsonIgnore
	public boolean stopsMarketing() {
		return MARKETING.equals(this.category) && "stop".equalsIgnoreCase(this.value);
	}

	@JsonIgnore
	public boolean resumesMarketing() {
		return MARKETING.equals(this.category) && "resume".equalsIgnoreCase(this.value);
	}

	@Override
	public String key() {
		return this.phoneNumberId + ":" + customer();
	}

}
