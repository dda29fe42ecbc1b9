package com.waplatform.sender.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What to do with a send request once it is recorded, given the state its message was
 * already in (null when the request recorded it just now).
 */
public enum Admission {

	/** First time seen: call Meta. */
	SEND,

	/**
	 * Seen before and still pending: an earlier attempt failed, or the process stopped
	 * between recording and recording the outcome (Meta may have accepted it already).
	 */
	RESUME,

	/** Already final: a redelivery, Meta is not called again. */
	DUPLICATE,

	/** Its time-to-live elapsed: never send late. */
	EXPIRE;

	public static Admission decide(@Nullable MessageState existing, @Nullable Instant expiresAt, Instant now) {
		if (existing != null && existing.isFinal()) {
			return DUPLICATE;
		}
		if (expiresAt != null && !now.isBefore(expiresAt)) {
			return EXPIRE;
		}
		return (existing != null) ? RESUME : SEND;
	}

}
