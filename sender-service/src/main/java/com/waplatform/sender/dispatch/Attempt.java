package com.waplatform.sender.dispatch;

import com.waplatform.sender.domain.MetaError;
import com.waplatform.sender.meta.MetaCallException;
import org.jspecify.annotations.Nullable;

/** How one call to Meta went. */
sealed interface Attempt {

	/** Meta accepted the message ({@code wamid} null for a mark-as-read). */
	record Accepted(@Nullable String wamid) implements Attempt {
	}

	/** Meta answered with a Graph error. */
	record Refused(MetaError error) implements Attempt {
	}

	/**
	 * Meta could not be reached, did not answer or answered without a Graph error; the
	 * failure says whether Meta may have accepted the message anyway.
	 */
	record Unavailable(MetaCallException failure) implements Attempt {
	}

	/** The number's circuit breaker is open: Meta was not called. */
	record NotPermitted() implements Attempt {
	}

}
