package com.waplatform.sender.meta;

import com.waplatform.sender.domain.MetaError;
import org.jspecify.annotations.Nullable;

/**
 * What became of one call to Meta. {@link MetaClient} answers {@link Accepted} (with the
 * {@code wamid}; mark-as-read answers only {@code success}) or {@link Refused} with a
 * Graph error, and fails with a {@link MetaCallException} otherwise (so that the number's
 * circuit breaker counts it); the call through the breaker turns those failures into
 * {@link Unavailable} and a call the breaker refused into {@link NotPermitted}.
 */
public sealed interface MetaReply {

	/** Meta accepted the message ({@code wamid} null for a mark-as-read). */
	record Accepted(@Nullable String wamid) implements MetaReply {
	}

	/** Meta answered with a Graph error. */
	record Refused(int httpStatus, MetaError error) implements MetaReply {
	}

	/**
	 * Meta could not be reached, did not answer or answered without a Graph error; the
	 * failure says whether Meta may have accepted the message anyway.
	 */
	record Unavailable(MetaCallException failure) implements MetaReply {
	}

	/** The number's circuit breaker is open: Meta was not called. */
	record NotPermitted() implements MetaReply {
	}

}
