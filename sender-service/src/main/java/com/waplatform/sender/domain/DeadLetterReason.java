package com.waplatform.sender.domain;

import java.util.Locale;

/**
 * Why the sender dead-lettered a message ({@code wa.send-requests-dlt}), as counted in
 * {@code sender.dead.letters{reason}}.
 */
public enum DeadLetterReason {

	/** Meta failed it transiently {@code max-attempts} times. */
	RETRIES_EXHAUSTED,

	/** Meta's limits deferred it more than {@code max-deferrals} times. */
	DEFERRALS_EXHAUSTED,

	/**
	 * The account directory did not know its number within
	 * {@code unknown-number-timeout}.
	 */
	UNKNOWN_NUMBER,

	/** Its number belongs to another organization than the request's. */
	FOREIGN_NUMBER;

	/** The metric tag: {@code retries_exhausted}, {@code foreign_number}, … */
	public String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
