package com.waplatform.sender.dispatch;

/**
 * Why a message was dead-lettered: Meta could not take it within the retry budget. It
 * travels as the dead letter's {@code kafka_dlt-exception-*} headers; the message stays
 * in the table as DEAD_LETTERED, so that a replay can still send it.
 */
public class SendDeferredException extends RuntimeException {

	public SendDeferredException(String messageId, String reason) {
		super("Message " + messageId + " not sent: " + reason);
	}

}
