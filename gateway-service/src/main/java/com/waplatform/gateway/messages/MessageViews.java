package com.waplatform.gateway.messages;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/** Responses of the messages API. Statuses are lowercase wire names. */
final class MessageViews {

	private MessageViews() {
	}

	/**
	 * @param language the template language sent (template messages)
	 * @param languageFallback the organization's language fallback used, e.g.
	 * {@code en→en_US}
	 * @param fallback the window fallback template sent instead of the free-form message,
	 * {@code {"template", "reason": "outside_service_window"}}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Accepted(String id, String status, @Nullable String language, @Nullable String languageFallback,
			ConversationChecks.@Nullable Fallback fallback) {
	}

	/**
	 * A message of a history page: one we sent ({@link Message}) or one a customer sent
	 * ({@link Inbound}), told apart by {@code direction}.
	 */
	sealed interface Item permits Message, Inbound {

		String id();

		/**
		 * When it was created (ours) or sent (the customer's): what pages are ordered by.
		 */
		Instant createdAt();

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Message(String id, String status, @Nullable String to, @Nullable String from, @Nullable String type,
			@Nullable String template, @Nullable String wamid, @Nullable Error error, @Nullable Context context,
			@Nullable Instant scheduledFor, @Nullable List<HistoryEntry> history, Instant createdAt,
			Instant updatedAt) implements Item {

		@JsonProperty("direction")
		String direction() {
			return "outbound";
		}

		Message withHistory(List<HistoryEntry> entries) {
			return new Message(this.id, this.status, this.to, this.from, this.type, this.template, this.wamid,
					this.error, this.context, this.scheduledFor, entries, this.createdAt, this.updatedAt);
		}

	}

	/**
	 * A customer's message, with its typed content as {@code wa.inbound-messages} carries
	 * it ({@code content.kind}: text, media, location, contacts, reply, reaction, order,
	 * system, edit, revoke, unsupported).
	 *
	 * @param id Meta's message id (wamid)
	 * @param from the customer: E.164 number or business-scoped user id
	 * @param to the business phone-number id it was sent to
	 * @param type Meta's message type
	 * @param text the plain-text view (text, caption, button or reply title), if any
	 * @param payload a reply's id or payload, a flow's response JSON
	 * @param createdAt when the customer sent it (Meta's timestamp)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Inbound(String id, String from, String to, String type, @Nullable String text, @Nullable String payload,
			JsonNode content, @Nullable JsonNode context, @Nullable String profileName, Instant createdAt,
			Instant receivedAt) implements Item {

		@JsonProperty("direction")
		String direction() {
			return "inbound";
		}

	}

	/**
	 * Why a message failed, expired or was rejected.
	 *
	 * @param code Meta's error code (absent for the platform's own failures)
	 * @param reason the platform's own code of a failure it decided, e.g.
	 * {@code dead_lettered}: the sender gave the message up (absent for Meta's)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Error(@Nullable Integer code, String title, @Nullable String details, @Nullable String reason) {
	}

	record Context(String type, String id) {
	}

	record HistoryEntry(String status, Instant at) {
	}

	/**
	 * @param nextBefore pass as {@code before} to get the next (older) page; absent on
	 * the last page
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Page(List<? extends Item> messages, @Nullable Instant nextBefore) {
	}

}
