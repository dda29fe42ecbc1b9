package com.waplatform.gateway.stats.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The parameters of {@code GET /v1/analytics/messages}: messages created in
 * {@code [since, until)}, grouped by {@code groupBy}. {@code since} and {@code until} are
 * ISO-8601 instants or dates (a date is its midnight UTC); left out, {@code until} is now
 * and {@code since} is {@code defaultRange} before {@code until}. The range is at most
 * {@code maxRange}, so that one request reads a bounded part of the history.
 */
public record AnalyticsQuery(Instant since, Instant until, GroupBy groupBy) {

	/** How messages are grouped. */
	public enum GroupBy {

		/** The UTC day the message was created on ({@code 2026-01-31}). */
		DAY,

		/** The template's name (free-form messages: no key). */
		TEMPLATE,

		/** The business phone-number id it is sent from. */
		NUMBER,

		/** The type of the business record it belongs to ({@code booking}...). */
		CONTEXT;

		public String wireName() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * Reads the raw parameters.
	 * @return the query, or the problems, each naming its parameter
	 */
	public static Result read(@Nullable String since, @Nullable String until, @Nullable String groupBy, Instant now,
			Duration defaultRange, Duration maxRange) {
		List<Problem> problems = new ArrayList<>();
		Instant end = (until != null) ? instant("until", until, problems) : now;
		Instant start = (since != null) ? instant("since", since, problems)
				: ((end != null) ? end.minus(defaultRange) : null);
		GroupBy group = (groupBy != null) ? groupBy(groupBy, problems) : GroupBy.DAY;
		if (start != null && end != null) {
			if (!start.isBefore(end)) {
				problems.add(new Problem("since", "must be before until"));
			}
			else if (Duration.between(start, end).compareTo(maxRange) > 0) {
				problems.add(new Problem("until",
						"the range from since to until is at most " + maxRange.toDays() + " days; ask in parts"));
			}
		}
		if (!problems.isEmpty() || start == null || end == null || group == null) {
			return new Result(null, List.copyOf(problems));
		}
		return new Result(new AnalyticsQuery(start, end, group), List.of());
	}

	private static @Nullable Instant instant(String name, String value, List<Problem> problems) {
		try {
			return (value.length() == 10) ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
					: Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			problems.add(new Problem(name, "must be an ISO-8601 instant (2026-01-31T00:00:00Z) or date (2026-01-31)"));
			return null;
		}
	}

	private static @Nullable GroupBy groupBy(String value, List<Problem> problems) {
		for (GroupBy group : GroupBy.values()) {
			if (group.wireName().equals(value)) {
				return group;
			}
		}
		problems.add(new Problem("groupBy", "must be one of day, template, number, context"));
		return null;
	}

	/** A parameter and what is wrong with it. */
	public record Problem(String field, String message) {
	}

	/** The query, or (when it is null) the problems. */
	public record Result(@Nullable AnalyticsQuery query, List<Problem> problems) {
	}

}
