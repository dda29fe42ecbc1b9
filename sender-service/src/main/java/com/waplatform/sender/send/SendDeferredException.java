package com.waplatform.sender.send;

/**
 * Meta could not take a message now (retries exhausted). The message stays PENDING and
 * the record goes back to the Kafka error handler: retried, then dead-lettered with this
 * reason, so that a replay can still send it.
 */
class SendDeferredException extends RuntimeException {

	private final int calls;

	SendDeferredException(String messageId, int calls, Throwable lastFailure) {
		super("Message " + messageId + " not sent after " + calls + " call(s) to Meta: " + lastFailure.getMessage(),
				lastFailure);
		this.calls = calls;
	}

	int calls() {
		return this.calls;
	}

}
