package com.waplatform.gateway.web;

import java.util.Optional;

import com.waplatform.common.phone.CustomerIds;
import org.jspecify.annotations.Nullable;

/**
 * Reads a customer named by a client ({@code {customer}} in a path, a {@code customer}
 * filter or body member) the way conversations and suppressions key customers
 * ({@code InboundMessage.customer()}): a phone number in E.164 (given with {@code +},
 * URL-encoded as {@code %2B}, or as digits with the country code) or Meta's
 * business-scoped user id (BSUID, e.g. {@code US.13491208655302741918}), kept as is: the
 * rule of common-model's {@link CustomerIds}, which webhook-service stores by.
 */
public final class Customers {

	/** What a client is told when a customer cannot be read. */
	public static final String EXPECTED = "must be a phone number in international format (e.g. +14155550123) "
			+ "or a business-scoped user id (e.g. US.13491208655302741918)";

	private Customers() {
	}

	/** The customer as stored, or empty when {@code raw} is neither form. */
	public static Optional<String> parse(@Nullable String raw) {
		return Optional.ofNullable(CustomerIds.parse(raw));
	}

}
