package com.waplatform.gateway.messages.domain;

import com.waplatform.common.message.MessageStatus;

/**
 * The monotonic status machine of the read model. Statuses move forward by rank (queued,
 * accepted, sent, delivered, read), so late or duplicated events never move a message
 * back: a late {@code sent} after {@code delivered} is ignored. A terminal failure wins
 * over any earlier status except {@code read}: once the customer read the message it was
 * delivered, whatever arrives later. Nothing replaces a terminal failure.
 */
public final class StatusProgression {

	private StatusProgression() {
	}

	public static boolean replaces(MessageStatus current, MessageStatus incoming) {
		if (incoming.isTerminalFailure() && current == MessageStatus.READ) {
			return false;
		}
		return incoming.rank() > current.rank();
	}

}
