package com.waplatform.gateway.messages;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** Responses of the messages API. Statuses are lowercase wire names. */
final class MessageViews {

	private MessageViews() {
	}

	/**
	 * @param language the template language sent (template messages)
	 * @param languageFallback the organization's language fallback used, e.g.
	 * {@code en→en_US}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Accepted(String id, String status, @Nullable String language, @Nullable String languageFallback) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Message(String id, String status, @Nullable String to, @Nullable String from, @Nullable String type,
			@Nullable String template, @Nullable String wamid, @Nullable Error error, @Nullable Context context,
			@Nullable Instant scheduledFor, @Nullable List<HistoryEntry> history, Instant createdAt,
			Instant updatedAt) {

		Message withHistory(List<HistoryEntry> entries) {
			return new Message(this.id, this.status, this.to, this.from, this.type, this.template, this.wamid,
					this.error, this.context, this.scheduledFor, entries, this.createdAt, this.updatedAt);
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Error(@Nullable Integer code, String title, @Nullable String details) {
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
	record Page(List<Message> messages, @Nullable Instant nextBefore) {
	}

}
