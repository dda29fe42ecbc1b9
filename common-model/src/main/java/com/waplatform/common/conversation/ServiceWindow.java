package com.waplatform.common.conversation;

import java.time.Duration;
import java.time.Instant;

import com.waplatform.common.meta.MetaMessage;
import org.jspecify.annotations.Nullable;

/**
 * Meta's 24-hour customer service window: each message from the customer opens it (or
 * resets it) for 24 hours; inside it any message may be sent, outside it only approved
 * templates (else Meta answers 131047). The business's own messages do not extend it. One
 * rule for the gateway (refuses before Meta does), the sender (checks again just before
 * the call) and auto-replies.
 */
public final class ServiceWindow {

	public static final Duration LENGTH = Duration.ofHours(24);

	/** Meta's code for a free-form message outside the window. */
	public static final int REENGAGEMENT_CODE = 131047;

	private ServiceWindow() {
	}

	/**
	 * When the window opened by the customer's last message closes; null: never opened.
	 */
	public static @Nullable Instant openUntil(@Nullable Instant lastInbound) {
		return (lastInbound != null) ? lastInbound.plus(LENGTH) : null;
	}

	/**
	 * Whether the window is open at {@code now}. {@code closedAt}, when Meta answered
	 * 131047 after the last inbound message, closes it early: Meta's word wins over our
	 * clock.
	 */
	public static boolean isOpen(@Nullable Instant lastInbound, @Nullable Instant closedAt, Instant now) {
		if (lastInbound == null) {
			return false;
		}
		if (closedAt != null && !closedAt.isBefore(lastInbound)) {
			return false;
		}
		return now.isBefore(lastInbound.plus(LENGTH));
	}

	/**
	 * Whether a message needs the window: anything but a template (reactions included); a
	 * mark-as-read is not a message.
	 */
	public static boolean needsWindow(MetaMessage message) {
		return !message.isMarkRead() && !"template".equals(message.type());
	}

	/** Whether a Meta error code says the window is closed. */
	public static boolean closedBy(@Nullable Integer metaErrorCode) {
		return metaErrorCode != null && metaErrorCode == REENGAGEMENT_CODE;
	}

}
