package com.waplatform.sender.meta;

import com.waplatform.sender.domain.ErrorClass;
import com.waplatform.sender.domain.MetaError;
import org.jspecify.annotations.Nullable;

/**
 * A call to Meta that did not succeed but may succeed later: Meta answered an error
 * without a Graph body, timed out or could not be reached. Some of these are
 * <em>ambiguous</em>: the request may have reached Meta and been accepted (no answer in
 * time, connection lost after sending, a gateway timeout), so sending again could deliver
 * the message twice.
 */
public class MetaCallException extends RuntimeException {

	private final ErrorClass errorClass;

	private final String code;

	private final @Nullable MetaError metaError;

	private final boolean ambiguous;

	MetaCallException(ErrorClass errorClass, String code, String message, boolean ambiguous,
			@Nullable Throwable cause) {
		super(message, cause);
		this.errorClass = errorClass;
		this.code = code;
		this.metaError = null;
		this.ambiguous = ambiguous;
	}

	public MetaCallException(ErrorClass errorClass, MetaError metaError) {
		super(metaError + " [" + errorClass + "]");
		this.errorClass = errorClass;
		this.code = Integer.toString(metaError.code());
		this.metaError = metaError;
		this.ambiguous = false;
	}

	public ErrorClass errorClass() {
		return this.errorClass;
	}

	/**
	 * Meta's error code, or what went wrong without one (timeout, connection, http_502).
	 */
	public String code() {
		return this.code;
	}

	public @Nullable MetaError metaError() {
		return this.metaError;
	}

	/** Whether Meta may have accepted the message despite this failure. */
	public boolean ambiguous() {
		return this.ambiguous;
	}

	/**
	 * Whether this failure says Meta is unhealthy (counts towards opening the number's
	 * circuit breaker); throughput and pair limits say we are too fast, not that Meta is
	 * down.
	 */
	public static boolean signalsOutage(Throwable failure) {
		return failure instanceof MetaCallException call && call.errorClass == ErrorClass.TRANSIENT;
	}

}
