package com.waplatform.webhook.routing.domain;

import org.jspecify.annotations.Nullable;

/**
 * Text from a webhook payload, made fit for a log line: at most {@value #MAX_LENGTH}
 * characters (longer text is cut and ends with {@code ...}), control characters (line
 * breaks included) replaced by {@code ?}, so a payload can neither flood the log nor
 * forge lines in it.
 */
public final class LogText {

	static final int MAX_LENGTH = 64;

	private LogText() {
	}

	public static String of(@Nullable String text) {
		if (text == null) {
			return "null";
		}
		String head = text;
		if (text.length() > MAX_LENGTH) {
			// never half a surrogate pair
			int end = Character.isHighSurrogate(text.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
			head = text.substring(0, end) + "...";
		}
		StringBuilder printable = new StringBuilder(head.length());
		head.codePoints()
			.forEach((c) -> printable.appendCodePoint((Character.isISOControl(c) || isLineSeparator(c)) ? '?' : c));
		return printable.toString();
	}

	private static boolean isLineSeparator(int c) {
		return c == 0x2028 || c == 0x2029;
	}

}
