package com.waplatform.workflow.rules.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;

import org.jspecify.annotations.Nullable;

/**
 * Dates and times as events carry them (ISO-8601): a date {@code 2026-12-10}, an instant
 * {@code 2026-12-10T09:00:00Z} or {@code 2026-12-10T09:00:00+01:00} (also with a
 * {@code [Europe/Madrid]} suffix), a local date-time {@code 2026-12-10T09:00} or a local
 * time {@code 09:00}. An instant is moved into the recipient's zone; local values are
 * taken as they are, in the recipient's zone.
 */
final class TemporalValues {

	private TemporalValues() {
	}

	/**
	 * A {@link LocalDate}, {@link LocalDateTime}, {@link LocalTime} or (for an instant) a
	 * {@link ZonedDateTime} in {@code zone}; null when {@code text} is none of them.
	 */
	static @Nullable Temporal parse(String text, ZoneId zone) {
		try {
			if (text.contains("T")) {
				return (Temporal) DateTimeFormatter.ISO_DATE_TIME.parseBest(text,
						(parsed) -> ZonedDateTime.from(parsed).withZoneSameInstant(zone), LocalDateTime::from);
			}
			if (text.contains(":")) {
				return LocalTime.parse(text);
			}
			return LocalDate.parse(text);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

}
