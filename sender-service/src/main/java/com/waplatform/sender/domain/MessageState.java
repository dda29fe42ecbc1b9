package com.waplatform.sender.domain;

import com.waplatform.common.message.MessageStatus;

/**
 * The sender's state of one message.
 * <ul>
 * <li>PENDING: recorded, waiting in its number's lane (or in the table when the lane is
 * full); Meta has not been called for the current attempt.</li>
 * <li>SENDING: written just before a call to Meta. A row left SENDING (a crash, an
 * unanswered call) may or may not have reached Meta: it is verified against Meta's status
 * webhooks before it is sent again.</li>
 * <li>DEAD_LETTERED: retries exhausted, the request is on {@code wa.send-requests-dlt};
 * only a replay makes it sendable again.</li>
 * <li>ACCEPTED, FAILED, EXPIRED: final.</li>
 * </ul>
 */
public enum MessageState {

	PENDING, SENDING, ACCEPTED, FAILED, EXPIRED, DEAD_LETTERED;

	public boolean isFinal() {
		return this == ACCEPTED || this == FAILED || this == EXPIRED;
	}

	/** The public status announced when the message reaches this state. */
	public MessageStatus status() {
		return switch (this) {
			case PENDING, SENDING, DEAD_LETTERED -> MessageStatus.QUEUED;
			case ACCEPTED -> MessageStatus.ACCEPTED;
			case FAILED -> MessageStatus.FAILED;
			case EXPIRED -> MessageStatus.EXPIRED;
		};
	}

}
