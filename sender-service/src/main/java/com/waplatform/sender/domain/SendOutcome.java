package com.waplatform.sender.domain;

import java.time.Instant;

import com.waplatform.common.message.ErrorInfo;
import org.jspecify.annotations.Nullable;

/**
 * How sending a message ended: the final state, Meta's {@code wamid} when accepted, the
 * reason otherwise.
 */
public record SendOutcome(MessageState state, @Nullable String wamid, @Nullable ErrorInfo error) {

	public SendOutcome {
		if (!state.isFinal()) {
			throw new IllegalArgumentException("An outcome is final");
		}
	}

	public static SendOutcome accepted(@Nullable String wamid) {
		return new SendOutcome(MessageState.ACCEPTED, wamid, null);
	}

	public static SendOutcome failed(ErrorInfo error) {
		return new SendOutcome(MessageState.FAILED, null, error);
	}

	public static SendOutcome expired(Instant expiresAt) {
		return new SendOutcome(MessageState.EXPIRED, null, ErrorInfo.reason("Time-to-live elapsed",
				"The message expired at " + expiresAt + " before it was sent"));
	}

}
