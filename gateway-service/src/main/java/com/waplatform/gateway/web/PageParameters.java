package com.waplatform.gateway.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The query parameters every paged list reads the same way (messages, conversations, a
 * conversation's messages, suppressions): each problem is added to {@code errors} as a
 * field violation naming the parameter, and the caller answers them all at once.
 */
public final class PageParameters {

	private PageParameters() {
	}

	/** {@code limit}: 20 (or the maximum, if lower) when absent, 1 to {@code max}. */
	public static int pageSize(@Nullable Integer limit, int max, List<FieldViolation> errors) {
		int pageSize = (limit != null) ? limit : Math.min(20, max);
		if (pageSize < 1 || pageSize > max) {
			errors.add(new FieldViolation("limit", "must be between 1 and " + max));
		}
		return pageSize;
	}

	/** A customer as stored ({@link Customers}), or null with a violation. */
	public static @Nullable String customer(String customer, List<FieldViolation> errors) {
		String who = Customers.parse(customer).orElse(null);
		if (who == null) {
			errors.add(new FieldViolation("customer", Customers.EXPECTED));
		}
		return who;
	}

	/** An ISO-8601 instant ({@code before}, {@code since}, {@code until}). */
	public static @Nullable Instant instant(String field, String value, List<FieldViolation> errors) {
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			errors.add(new FieldViolation(field, "must be an ISO-8601 instant, e.g. 2026-01-31T12:00:00Z"));
			return null;
		}
	}

}
