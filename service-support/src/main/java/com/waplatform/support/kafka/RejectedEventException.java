package com.waplatform.support.kafka;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.kafka.support.serializer.DeserializationException;

/**
 * A record the platform cannot use, with a short reason code (bounded: it names a metric
 * tag). The platform error handler dead-letters it with the reason in the
 * {@value #REASON_HEADER} header: at once, or after the usual retries when the reason may
 * go away ({@link #notYet}).
 */
public class RejectedEventException extends RuntimeException {

	/** The dead-letter header naming why a record was dead-lettered. */
	public static final String REASON_HEADER = "dlt-reason";

	/** The reason of a dead-lettered record that could not be deserialized. */
	public static final String UNREADABLE_RECORD = "unreadable_record";

	/** The reason of a dead-lettered record that failed every attempt. */
	public static final String RETRIES_EXHAUSTED = "retries_exhausted";

	/** The reason of a record refused as invalid by its listener. */
	public static final String INVALID = "invalid";

	private final String reason;

	private final boolean retryable;

	private RejectedEventException(String reason, String message, boolean retryable, @Nullable Throwable cause) {
		super(message, cause);
		this.reason = reason;
		this.retryable = retryable;
	}

	/** Never usable: dead-lettered at once. */
	public static RejectedEventException rejected(String reason, String message) {
		return new RejectedEventException(reason, message, false, null);
	}

	/** Never usable, because of {@code cause}: dead-lettered at once. */
	public static RejectedEventException rejected(String reason, String message, Throwable cause) {
		return new RejectedEventException(reason, message, false, cause);
	}

	/** Not usable yet: retried with the usual back-off, then dead-lettered. */
	public static RejectedEventException notYet(String reason, String message) {
		return new RejectedEventException(reason, message, true, null);
	}

	public String reason() {
		return this.reason;
	}

	public boolean retryable() {
		return this.retryable;
	}

	/** The rejection in an exception's causes, if any. */
	public static Optional<RejectedEventException> in(@Nullable Throwable exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof RejectedEventException rejected) {
				return Optional.of(rejected);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return Optional.empty();
	}

	/**
	 * Why a record failed with {@code exception}: the rejection's reason, else
	 * {@value #UNREADABLE_RECORD}, {@value #INVALID} or {@value #RETRIES_EXHAUSTED}.
	 */
	public static String reasonOf(@Nullable Throwable exception) {
		return in(exception).map(RejectedEventException::reason).orElseGet(() -> {
			if (causedBy(exception, DeserializationException.class)) {
				return UNREADABLE_RECORD;
			}
			return causedBy(exception, IllegalArgumentException.class) ? INVALID : RETRIES_EXHAUSTED;
		});
	}

	private static boolean causedBy(@Nullable Throwable exception, Class<? extends Throwable> type) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
