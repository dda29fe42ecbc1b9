package com.waplatform.sender.domain;

import java.time.Instant;

import com.waplatform.common.message.ErrorInfo;
import org.jspecify.annotations.Nullable;

/**
 * How sending a message ended: the final state, Meta's {@code wamid} when accepted, the
 * reason otherwise, and how many calls to Meta it took.
 */
public record SendOutcome(MessageState state, @Nullable String wamid, @Nullable ErrorInfo error, int calls) {

	public SendOutcome {
		if (state == MessageState.PENDING) {
			throw new IllegalArgumentException("An outcome is final");
		}
	}

	public static SendOutcome accepted(@Nullable String wamid, int calls) {
		return new SendOutcome(MessageState.ACCEPTED, wamid, null, calls);
	}

	public static SendOutcome failed(ErrorInfo error, int calls) {
		return new SendOutcome(MessageState.FAILED, null, error, calls);
	}

	public static SendOutcome expired(Instant expiresAt) {
		return new SendOutcome(MessageState.EXPIRED, null,
				ErrorInfo.reason("Time-to-live elapsed", "The message expired at " + expiresAt + " before it was sent"),
				0);
	}

}
