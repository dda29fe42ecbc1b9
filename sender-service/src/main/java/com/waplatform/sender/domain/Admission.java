package com.waplatform.sender.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What to do with a send request once it is recorded, given the state its message was
 * already in (null when the request recorded it just now).
 */
public enum Admission {

	/** First time seen: queue it in its number's lane. */
	SEND,

	/**
	 * Seen before and still pending (a redelivery, a replay, or a retry that was
	 * interrupted): queue it again; a lane that already holds it ignores it.
	 */
	RESUME,

	/**
	 * A call to Meta was started and its outcome never recorded (the process stopped in
	 * between): Meta may have accepted it. Wait for a status webhook of the message
	 * before sending it again.
	 */
	VERIFY,

	/**
	 * Already final, or dead-lettered (only a replay makes it sendable again): Meta is
	 * not called again.
	 */
	DUPLICATE,

	/** Its time-to-live elapsed: never send late. */
	EXPIRE;

	public static Admission decide(@Nullable MessageState existing, @Nullable Instant expiresAt, Instant now) {
		if (existing != null && (existing.isFinal() || existing == MessageState.DEAD_LETTERED)) {
			return DUPLICATE;
		}
		if (existing == MessageState.SENDING) {
			// possibly accepted already: expiring it now could contradict Meta
			return VERIFY;
		}
		if (expiresAt != null && !now.isBefore(expiresAt)) {
			return EXPIRE;
		}
		return (existing != null) ? RESUME : SEND;
	}

}
