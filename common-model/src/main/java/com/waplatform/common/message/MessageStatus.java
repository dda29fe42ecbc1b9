package com.waplatform.common.message;

import java.util.Locale;

/**
 * The public status of a message. The rank orders the delivery progression (queued,
 * accepted, sent, delivered, read) so that late or duplicated webhooks never move a
 * message backwards; the terminal failures share the highest rank.
 */
public enum MessageStatus {

	QUEUED(0), SCHEDULED(0), ACCEPTED(1), SENT(2), DELIVERED(3), READ(4), FAILED(5), EXPIRED(5), REJECTED(5);

	private final int rank;

	MessageStatus(int rank) {
		this.rank = rank;
	}

	public int rank() {
		return this.rank;
	}

	public boolean isTerminalFailure() {
		return this == FAILED || this == EXPIRED || this == REJECTED;
	}

	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static MessageStatus fromWire(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
