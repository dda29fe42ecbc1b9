package com.waplatform.sender.domain;

/**
 * What the sender does after Meta refused a message, by error class. The whole table in
 * one place so it can be read (and tested) code by code.
 */
public enum Reaction {

	/** Fail the message now with Meta's code, title and details. */
	FAIL,

	/**
	 * Retry later with exponential backoff and jitter; after the configured attempts the
	 * request is dead-lettered.
	 */
	RETRY_WITH_BACKOFF,

	/**
	 * The number sends too fast: lower its rate and retry soon; not a failed attempt.
	 */
	SLOW_DOWN_NUMBER,

	/**
	 * Too many messages to this recipient: hold the recipient back (4^(n-1) seconds for
	 * its n-th refusal in a row, at least the pair interval, at most the maximum hold)
	 * and retry; other recipients of the number go on. Not a failed attempt.
	 */
	HOLD_RECIPIENT,

	/**
	 * The access token is invalid or expired: pause the organization's sending until its
	 * credentials are updated. The message stays queued.
	 */
	PAUSE_ORGANIZATION;

	public static Reaction to(ErrorClass errorClass) {
		return switch (errorClass) {
			case PERMANENT, WINDOW -> FAIL;
			case TRANSIENT -> RETRY_WITH_BACKOFF;
			case THROUGHPUT -> SLOW_DOWN_NUMBER;
			case PAIR_LIMIT -> HOLD_RECIPIENT;
			case AUTH -> PAUSE_ORGANIZATION;
		};
	}

	/** Whether the message counts a failed attempt (towards dead-lettering). */
	public boolean countsAsFailure() {
		return this == RETRY_WITH_BACKOFF;
	}

}
