package com.waplatform.common.account;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Hours of the recipient's local night during which no automated message is delivered,
 * e.g. 21:00 to 08:00: a message due inside them waits until {@code end}. A window may
 * span midnight ({@code start} after {@code end}); {@code start == end} is no window at
 * all.
 *
 * @param start local time at which the quiet hours begin (inclusive)
 * @param end local time at which they end (exclusive), when waiting messages go out
 */
public record QuietHours(LocalTime start, LocalTime end) {

	public QuietHours {
		if (start == null || end == null) {
			throw new IllegalArgumentException("Quiet hours need a start and an end");
		}
	}

	/** Whether {@code local} falls inside the quiet hours. */
	public boolean contains(LocalTime local) {
		if (this.start.equals(this.end)) {
			return false;
		}
		if (this.start.isBefore(this.end)) {
			return !local.isBefore(this.start) && local.isBefore(this.end);
		}
		return !local.isBefore(this.start) || local.isBefore(this.end);
	}

	/**
	 * When a message due at {@code due} may go out in {@code zone}: {@code due} itself
	 * outside the quiet hours, else the next {@code end} in that zone (on a day when a
	 * daylight-saving gap swallows {@code end}, the first instant after the gap).
	 */
	public Instant deliverableFrom(Instant due, ZoneId zone) {
		ZonedDateTime local = due.atZone(zone);
		if (!contains(local.toLocalTime())) {
			return due;
		}
		ZonedDateTime end = local.with(this.end);
		if (end.isBefore(local)) {
			end = local.toLocalDate().plusDays(1).atTime(this.end).atZone(zone);
		}
		return end.toInstant();
	}

}
