package com.waplatform.sender.domain;

import java.time.Duration;
import java.time.Instant;

import com.waplatform.common.conversation.ServiceWindow;
import com.waplatform.common.message.ErrorInfo;
import org.jspecify.annotations.Nullable;

/**
 * What the sender knows of one customer's 24-hour service window with one business
 * number: when the customer last wrote, and when Meta last said the window was closed
 * (131047). Both only move forward, so facts arriving out of order or twice (a
 * redelivered inbound message, two instances writing) merge to the same state. The rule
 * itself is common-model's {@link ServiceWindow}.
 *
 * @param lastInbound when the customer last wrote (null: never, as far as we know)
 * @param closedAt when Meta last answered 131047 (null: never)
 */
public record CustomerWindow(@Nullable Instant lastInbound, @Nullable Instant closedAt) {

	/** Nothing known: the customer never wrote. */
	public static final CustomerWindow NONE = new CustomerWindow(null, null);

	/** Meta's title for 131047, as its answers carry it. */
	public static final String REFUSAL_TITLE = "Re-engagement message";

	public CustomerWindow inbound(Instant at) {
		return new CustomerWindow(later(this.lastInbound, at), this.closedAt);
	}

	public CustomerWindow closed(Instant at) {
		return new CustomerWindow(this.lastInbound, later(this.closedAt, at));
	}

	/** Both facts: the later of each. */
	public CustomerWindow merge(CustomerWindow other) {
		return new CustomerWindow(later(this.lastInbound, other.lastInbound), later(this.closedAt, other.closedAt));
	}

	public boolean isOpen(Instant now) {
		return ServiceWindow.isOpen(this.lastInbound, this.closedAt, now);
	}

	/**
	 * Why a free-form message is not sent: Meta's code and title for a message outside
	 * the window, so that clients handle our refusal and Meta's alike, and details that
	 * say it was our check (Meta was not called) and what to send instead.
	 */
	/**
	 * Whether a free-form message requested at {@code requestedAt} is refused at
	 * {@code now}. A request younger than {@code freshness} is not refused on this view
	 * alone: whoever requested it checked the window an instant ago (the gateway at
	 * submission, an auto-reply to the message that just arrived), and this instance may
	 * not have read the customer's newest message yet; Meta still decides. Refusing is
	 * for messages whose window closed while they waited.
	 */
	public boolean refuses(Instant requestedAt, Instant now, Duration freshness) {
		return !isOpen(now) && !requestedAt.plus(freshness).isAfter(now);
	}

	public ErrorInfo refusal(Instant now) {
		String known;
		if (this.lastInbound == null) {
			known = "the customer never wrote to this number";
		}
		else if (this.closedAt != null && !this.closedAt.isBefore(this.lastInbound)) {
			known = "Meta reported the window closed at " + this.closedAt + " (the customer last wrote at "
					+ this.lastInbound + ")";
		}
		else {
			known = "the customer last wrote at " + this.lastInbound + ", so it closed at "
					+ ServiceWindow.openUntil(this.lastInbound);
		}
		return ErrorInfo.of(ServiceWindow.REENGAGEMENT_CODE, REFUSAL_TITLE,
				"The 24-hour customer service window was closed when the message's turn came (checked at " + now
						+ " before calling Meta, which was not called): " + known
						+ ". Only an approved template message can be sent to this customer until they write again.");
	}

	/**
	 * The customer as windows are keyed: an E.164 number without its {@code +} (requests
	 * carry {@code +15551234567}, some inbound producers {@code 15551234567}); a
	 * business-scoped user id as it is.
	 */
	public static String customerKey(String customer) {
		String trimmed = customer.trim();
		String digits = trimmed.startsWith("+") ? trimmed.substring(1) : trimmed;
		return (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit)) ? digits : trimmed;
	}

	private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.isAfter(b)) ? a : b;
	}

}
