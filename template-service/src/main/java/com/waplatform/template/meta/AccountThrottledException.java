package com.waplatform.template.meta;

import java.time.Instant;

/**
 * No call is made for the account: it is at or near Meta's management limits, and backs
 * off until {@link #until()}.
 */
public class AccountThrottledException extends RuntimeException {

	private final String wabaId;

	private final Instant until;

	AccountThrottledException(String wabaId, Instant until) {
		super("Backing off from Meta's management limits for WABA " + wabaId + " until " + until);
		this.wabaId = wabaId;
		this.until = until;
	}

	public String wabaId() {
		return this.wabaId;
	}

	public Instant until() {
		return this.until;
	}

}
