package com.waplatform.sender.domain;

/**
 * What a failed Meta call means for the message, decided by Meta's {@code error.code}.
 */
public enum ErrorClass {

	/** The request can never succeed as it is: fail the message now. */
	PERMANENT(false),

	/** Meta is unavailable or overloaded: retry with backoff. */
	TRANSIENT(true),

	/** Throughput of the business number (or app) exceeded: retry later. */
	THROUGHPUT(true),

	/** Too many messages to the same recipient: retry that recipient later. */
	PAIR_LIMIT(true),

	/** The access token is invalid or expired: no send can succeed until it is fixed. */
	AUTH(false),

	/** Outside the 24-hour customer service window: only a template can be sent. */
	WINDOW(false);

	private final boolean retryable;

	ErrorClass(boolean retryable) {
		this.retryable = retryable;
	}

	/** Whether sending the same request again later can succeed. */
	public boolean retryable() {
		return this.retryable;
	}

}
