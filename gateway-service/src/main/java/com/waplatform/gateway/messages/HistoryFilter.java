package com.waplatform.gateway.messages;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Filters of a message history page; null means any. {@code status}, {@code template} and
 * the business context describe only our messages: with any of them a history shows no
 * inbound message.
 *
 * @param customer the customer (E.164 or business-scoped user id) either way
 * @param phoneNumberId the business number either way
 * @param since created (or, inbound, sent) at or after
 * @param until created (or sent) before
 * @param before the paging cursor: created (or sent) before
 * @param conversation whether mark-as-read requests are left out (a conversation's view)
 */
record HistoryFilter(Direction direction, @Nullable String customer, @Nullable String phoneNumberId,
		@Nullable String status, @Nullable String contextType, @Nullable String contextId, @Nullable String template,
		@Nullable Instant since, @Nullable Instant until, @Nullable Instant before, int limit, boolean conversation) {

	boolean includesOutbound() {
		return this.direction != Direction.INBOUND;
	}

	boolean includesInbound() {
		return this.direction != Direction.OUTBOUND && this.status == null && this.template == null
				&& this.contextType == null && this.contextId == null;
	}

	/** Which messages a history shows: ours (the default), the customers', or both. */
	enum Direction {

		OUTBOUND, INBOUND, ALL;

		static @Nullable Direction fromWire(String value) {
			for (Direction direction : values()) {
				if (direction.name().equalsIgnoreCase(value)) {
					return direction;
				}
			}
			return null;
		}

	}

}
