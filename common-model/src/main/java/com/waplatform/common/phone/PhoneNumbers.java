package com.waplatform.common.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Recipient normalization to E.164 with libphonenumber. Input must be international (a
 * leading {@code +}, or digits with the country code as Meta's {@code wa_id} has them).
 */
public final class PhoneNumbers {

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	private PhoneNumbers() {
	}

	public static NormalizedPhone normalize(String input) {
		if (input == null || input.isBlank()) {
			return new NormalizedPhone.Invalid(input, "a phone number is required");
		}
		String trimmed = input.strip();
		if (trimmed.length() > 32) {
			return new NormalizedPhone.Invalid(input, "too long to be a phone number");
		}
		String international = trimmed.startsWith("+") ? trimmed : "+" + trimmed;
		try {
			PhoneNumber number = UTIL.parse(international, "ZZ");
			if (!UTIL.isValidNumber(number)) {
				return new NormalizedPhone.Invalid(input,
						(UTIL.isPossibleNumber(number)) ? "not a valid number for its country code"
								: "not a possible phone number (wrong length for its country code)");
			}
			return new NormalizedPhone.Valid(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
		}
		catch (NumberParseException ex) {
			return new NormalizedPhone.Invalid(input, describe(ex));
		}
	}

	/** Meta's {@code wa_id} form: E.164 without the plus. */
	public static String waId(String e164) {
		return e164.startsWith("+") ? e164.substring(1) : e164;
	}

	private static String describe(NumberParseException ex) {
		return switch (ex.getErrorType()) {
			case INVALID_COUNTRY_CODE -> "unknown country code; use the international format, e.g. +14155550123";
			case NOT_A_NUMBER -> "not a phone number";
			case TOO_SHORT_NSN, TOO_SHORT_AFTER_IDD -> "too short to be a phone number";
			case TOO_LONG -> "too long to be a phone number";
		};
	}

}
