package com.waplatform.gateway.web;

import java.util.Optional;
import java.util.regex.Pattern;

import com.waplatform.common.phone.NormalizedPhone;
import com.waplatform.common.phone.PhoneNumbers;
import org.jspecify.annotations.Nullable;

/**
 * Reads a customer named by a client ({@code {customer}} in a path, a {@code customer}
 * filter or body member) the way conversations and suppressions key customers
 * ({@code InboundMessage.customer()}): a phone number in E.164 (given with {@code +},
 * URL-encoded as {@code %2B}, or as digits with the country code) or Meta's
 * business-scoped user id (BSUID, e.g. {@code US.13491208655302741918}), kept as is.
 */
public final class Customers {

	/** A BSUID: a letter first (no phone number has one), then Meta's id characters. */
	private static final Pattern USER_ID = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{1,127}");

	/** What a client is told when a customer cannot be read. */
	public static final String EXPECTED = "must be a phone number in international format (e.g. +14155550123) "
			+ "or a business-scoped user id (e.g. US.13491208655302741918)";

	private Customers() {
	}

	/** The customer as stored, or empty when {@code raw} is neither form. */
	public static Optional<String> parse(@Nullable String raw) {
		if (raw == null || raw.isBlank()) {
			return Optional.empty();
		}
		String trimmed = raw.strip();
		if (USER_ID.matcher(trimmed).matches()) {
			return Optional.of(trimmed);
		}
		if (PhoneNumbers.normalize(trimmed) instanceof NormalizedPhone.Valid valid) {
			return Optional.of(valid.e164());
		}
		return Optional.empty();
	}

}
