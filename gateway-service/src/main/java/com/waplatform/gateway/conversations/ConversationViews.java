package com.waplatform.gateway.conversations;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** Responses of {@code /v1/conversations}. */
final class ConversationViews {

	private ConversationViews() {
	}

	/**
	 * One customer's conversation with one business number.
	 *
	 * @param customer the E.164 number or business-scoped user id
	 * @param windowOpenUntil when the 24-hour service window closes; null when it is
	 * closed
	 * @param optedOut whether the customer is on the organization's suppression list
	 * @param lastActivityAt the last message either way (what the list is ordered by)
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record Conversation(String customer, String phoneNumberId, @Nullable String profileName, LastMessage lastMessage,
			int unreadCount, @Nullable Instant windowOpenUntil, boolean optedOut, Instant lastActivityAt) {
	}

	/**
	 * @param direction {@code inbound} or {@code outbound}
	 * @param text the inbound message's text (caption, reply title...), if any
	 * @param template the outbound template's name
	 * @param status the outbound message's status
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record LastMessage(String direction, @Nullable String type, @Nullable String text, @Nullable String template,
			Instant at, @Nullable String status) {
	}

	/**
	 * @param nextBefore pass as {@code before} to get the next (older) page; absent on
	 * the last page
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Page(List<Conversation> conversations, @Nullable Instant nextBefore) {
	}

	/**
	 * The mark-as-read send request queued for the customer's last inbound message.
	 *
	 * @param id the message id of the mark-as-read request
	 * @param wamid the customer's message marked as read
	 */
	record Read(String id, String status, String customer, String phoneNumberId, String wamid, int unreadCount) {
	}

}
