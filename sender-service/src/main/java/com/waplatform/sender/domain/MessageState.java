package com.waplatform.sender.domain;

import com.waplatform.common.message.MessageStatus;

/**
 * The sender's state of one message. PENDING is the only state in which Meta may be
 * called; the other three are final.
 */
public enum MessageState {

	PENDING, ACCEPTED, FAILED, EXPIRED;

	public boolean isFinal() {
		return this != PENDING;
	}

	/** The public status announced when the message reaches this state. */
	public MessageStatus status() {
		return switch (this) {
			case PENDING -> MessageStatus.QUEUED;
			case ACCEPTED -> MessageStatus.ACCEPTED;
			case FAILED -> MessageStatus.FAILED;
			case EXPIRED -> MessageStatus.EXPIRED;
		};
	}

}
