package com.waplatform.workflow.rules.domain;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A rule's delay or offset, an ISO-8601 duration such as {@code P3D}, {@code PT2H},
 * {@code P1DT2H} or {@code -P1D}. Its date part (years, months, weeks, days) counts
 * calendar days in the recipient's time zone, its time part exact hours: "the day before
 * at 10:00" stays 10:00 across a daylight-saving change, where {@link Duration} alone
 * would make it 09:00 or 11:00.
 *
 * @param period the date part, signed
 * @param duration the time part, signed
 */
record CalendarOffset(Period period, Duration duration) {

	/** The offset {@code text} stands for, or null when it is no ISO-8601 duration. */
	static @Nullable CalendarOffset parse(String text) {
		boolean negative = text.startsWith("-");
		String unsigned = (negative || text.startsWith("+")) ? text.substring(1) : text;
		if (!unsigned.startsWith("P") || unsigned.length() < 2 || unsigned.endsWith("T")) {
			return null;
		}
		int t = unsigned.indexOf('T');
		String datePart = (t < 0) ? unsigned.substring(1) : unsigned.substring(1, t);
		String timePart = (t < 0) ? "" : unsigned.substring(t + 1);
		if (datePart.contains("-") || timePart.contains("-") || datePart.contains("+") || timePart.contains("+")) {
			return null;
		}
		try {
			Period period = datePart.isEmpty() ? Period.ZERO : Period.parse("P" + datePart);
			Duration duration = timePart.isEmpty() ? Duration.ZERO : Duration.parse("PT" + timePart);
			return negative ? new CalendarOffset(period.negated(), duration.negated())
					: new CalendarOffset(period, duration);
		}
		catch (DateTimeException | ArithmeticException ex) {
			return null;
		}
	}

	boolean isNegative() {
		return this.period.isNegative() || this.duration.isNegative();
	}

	/** {@code time} moved by this offset: calendar days in its zone, then exact time. */
	ZonedDateTime addTo(ZonedDateTime time) {
		return time.plus(this.period).plus(this.duration);
	}

	/**
	 * A local date-time moved by this offset, then placed in {@code zone}: the days are
	 * added before the zone is applied, so a time that falls in a daylight-saving gap on
	 * the original day does not shift the result.
	 */
	ZonedDateTime addTo(LocalDateTime time, ZoneId zone) {
		return time.plus(this.period).atZone(zone).plus(this.duration);
	}

}
