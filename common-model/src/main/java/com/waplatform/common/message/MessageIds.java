package com.waplatform.common.message;

import org.jspecify.annotations.Nullable;

/**
 * The shape of our message ids: a UUID in its canonical text form (36 characters,
 * lowercase hex digits in groups of 8-4-4-4-12, as {@link java.util.UUID#toString()}
 * writes it). The gateway makes random ones, workflow name-based ones (so a redelivered
 * business event is the same message), and the sender hands them to Meta as
 * {@code biz_opaque_callback_data}. Text of any other shape, whatever a webhook or an
 * event claims, is not one of our messages.
 */
public final class MessageIds {

	private static final int LENGTH = 36;

	private MessageIds() {
	}

	/** Whether {@code candidate} has the shape of one of our message ids. */
	public static boolean isValid(@Nullable String candidate) {
		if (candidate == null || candidate.length() != LENGTH) {
			return false;
		}
		for (int i = 0; i < LENGTH; i++) {
			char c = candidate.charAt(i);
			boolean valid = (i == 8 || i == 13 || i == 18 || i == 23) ? c == '-'
					: (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
			if (!valid) {
				return false;
			}
		}
		return true;
	}

}
