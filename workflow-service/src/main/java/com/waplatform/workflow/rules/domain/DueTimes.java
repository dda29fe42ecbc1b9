package com.waplatform.workflow.rules.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.waplatform.workflow.rules.domain.RuleDefinition.Timing;
import org.jspecify.annotations.Nullable;

/**
 * When a rule's messages are due, before quiet hours: now; the event's time plus the
 * delay; or, for a series, the time at {@code relativeTo} plus each offset. A date
 * without a time ({@code 2026-12-10}) is taken at {@code at} (default 10:00) in the
 * recipient's zone; a date-time is used as it is and {@code at} ignored. Offsets count
 * calendar days in the recipient's zone ({@link CalendarOffset}). A due time already past
 * is kept: the caller decides what a late message does.
 */
final class DueTimes {

	static final LocalTime DEFAULT_AT = LocalTime.of(10, 0);

	private DueTimes() {
	}

	/**
	 * One entry per message: null for "now", else the instant it is due.
	 * @throws InvalidEvent when the time of a series is missing or no date
	 */
	static List<@Nullable Instant> of(Timing timing, TriggerEvent event, ZoneId zone) {
		try {
			if (timing.delay() != null) {
				ZonedDateTime eventTime = event.time().atZone(zone);
				return List.of(offset(timing.delay()).addTo(eventTime).toInstant());
			}
			if (timing.relativeTo() != null) {
				return series(timing, event, zone);
			}
			return Collections.singletonList(null);
		}
		catch (DateTimeException | ArithmeticException ex) {
			throw new InvalidEvent(RulePlan.Invalid.INVALID_TIME, "a due time is out of range: " + ex.getMessage());
		}
	}

	private static List<@Nullable Instant> series(Timing timing, TriggerEvent event, ZoneId zone) {
		String pointer = timing.relativeTo();
		String value = Pointers.text(event.data(), pointer)
			.orElseThrow(() -> new InvalidEvent(RulePlan.Invalid.MISSING_VALUE,
					pointer + " has no value: the time the rule's messages are due from"));
		Temporal time = TemporalValues.parse(value, zone);
		LocalTime at = (timing.at() != null) ? ClockTime.parse(timing.at()) : DEFAULT_AT;
		List<@Nullable Instant> due = new ArrayList<>();
		for (String text : timing.offsets()) {
			CalendarOffset offset = offset(text);
			if (time instanceof LocalDate date) {
				due.add(offset.addTo(date.atTime(at), zone).toInstant());
			}
			else if (time instanceof LocalDateTime dateTime) {
				due.add(offset.addTo(dateTime, zone).toInstant());
			}
			else if (time instanceof ZonedDateTime dateTime) {
				due.add(offset.addTo(dateTime).toInstant());
			}
			else {
				throw new InvalidEvent(RulePlan.Invalid.INVALID_TIME,
						pointer + " is \"" + ParameterText.truncate(value, 40)
								+ "\", not an ISO-8601 date or date-time like 2026-12-10 or 2026-12-10T09:00:00Z");
			}
		}
		return due;
	}

	private static CalendarOffset offset(String text) {
		CalendarOffset offset = CalendarOffset.parse(text);
		if (offset == null) {
			throw new IllegalArgumentException("Rule offset '" + text + "' was not validated");
		}
		return offset;
	}

}
