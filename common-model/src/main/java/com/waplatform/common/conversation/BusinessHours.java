package com.waplatform.common.conversation;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * When an organization answers: on {@code days}, from {@code opens} to {@code closes}
 * (local time in the organization's time zone; {@code closes} before {@code opens} spans
 * midnight, and belongs to the day it opened).
 */
public record BusinessHours(Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {

	public BusinessHours {
		if (days == null || days.isEmpty()) {
			throw new IllegalArgumentException("Business hours need at least one day");
		}
		if (opens.equals(closes)) {
			throw new IllegalArgumentException("Business hours cannot open and close at the same time");
		}
		days = Set.copyOf(EnumSet.copyOf(days));
	}

	public boolean isOpen(Instant at, ZoneId zone) {
		ZonedDateTime local = at.atZone(zone);
		LocalTime time = local.toLocalTime();
		if (this.opens.isBefore(this.closes)) {
			return this.days.contains(local.getDayOfWeek()) && !time.isBefore(this.opens) && time.isBefore(this.closes);
		}
		// spans midnight: the evening of an open day, or the early morning after one
		return (this.days.contains(local.getDayOfWeek()) && !time.isBefore(this.opens))
				|| (this.days.contains(local.getDayOfWeek().minus(1)) && time.isBefore(this.closes));
	}

}
