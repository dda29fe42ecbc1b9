package com.waplatform.sender.meta;

import com.waplatform.sender.domain.MetaError;
import org.jspecify.annotations.Nullable;

/**
 * Meta's answer to a send: accepted (with the {@code wamid}; mark-as-read answers only
 * {@code success}), or refused with a Graph error.
 */
public sealed interface MetaReply {

	record Accepted(@Nullable String wamid) implements MetaReply {
	}

	record Refused(int httpStatus, MetaError error) implements MetaReply {
	}

}
