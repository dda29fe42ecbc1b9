package com.waplatform.common.phone;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * How the platform keys a customer (conversations, windows, suppressions): the phone
 * number in E.164, else Meta's business-scoped user id (BSUID). One rule for what
 * webhook-service stores and what the gateway reads back from a client: a number Meta
 * names is authoritative, so one libphonenumber does not know (a new range, a test
 * number) keeps its digits rather than being dropped.
 */
public final class CustomerIds {

	/**
	 * E.164 allows at most 15 digits; the shortest numbers in use (country code included)
	 * have 7.
	 */
	private static final Pattern DIGITS = Pattern.compile("\\+?[0-9]{7,15}");

	/** A BSUID: a letter first (no phone number has one), then Meta's id characters. */
	private static final Pattern USER_ID = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{1,127}");

	private CustomerIds() {
	}

	/**
	 * A phone number as E.164 with a plus: normalized by libphonenumber when it knows the
	 * number, else its digits when they are 7 to 15; {@code null} for anything else (a
	 * placeholder such as {@code PHONE_NUMBER}, a group id, nothing).
	 */
	public static @Nullable String phoneOrNull(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String trimmed = text.strip();
		if (PhoneNumbers.normalize(trimmed) instanceof NormalizedPhone.Valid valid) {
			return valid.e164();
		}
		if (!DIGITS.matcher(trimmed).matches()) {
			return null;
		}
		return trimmed.startsWith("+") ? trimmed : "+" + trimmed;
	}

	/** Whether the text is a phone number in Meta's form (digits, optionally a plus). */
	public static boolean isPhoneDigits(@Nullable String text) {
		return text != null && DIGITS.matcher(text.strip()).matches();
	}

	/** Whether the text is a business-scoped user id. */
	public static boolean isUserId(@Nullable String text) {
		return text != null && USER_ID.matcher(text.strip()).matches();
	}

	/**
	 * A customer as a client names it (E.164 with or without the plus, or a BSUID), as
	 * the platform stores it; {@code null} when it is neither.
	 */
	public static @Nullable String parse(@Nullable String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		String trimmed = raw.strip();
		return isUserId(trimmed) ? trimmed : phoneOrNull(trimmed);
	}

}
