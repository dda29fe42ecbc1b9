package com.waplatform.common.conversation;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BusinessHoursTests {

	private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

	private final BusinessHours weekdays = new BusinessHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
			LocalTime.of(9, 0), LocalTime.of(18, 0));

	@Test
	void openOnWeekdaysBetweenOpeningAndClosingInTheOrganizationsZone() {
		// Thursday 3 December 2026: Madrid is UTC+1
		assertThat(this.weekdays.isOpen(Instant.parse("2026-12-03T08:00:00Z"), MADRID)).isTrue();
		assertThat(this.weekdays.isOpen(Instant.parse("2026-12-03T07:59:59Z"), MADRID)).isFalse();
		assertThat(this.weekdays.isOpen(Instant.parse("2026-12-03T16:59:59Z"), MADRID)).isTrue();
		assertThat(this.weekdays.isOpen(Instant.parse("2026-12-03T17:00:00Z"), MADRID)).isFalse();
		// Saturday
		assertThat(this.weekdays.isOpen(Instant.parse("2026-12-05T10:00:00Z"), MADRID)).isFalse();
	}

	@Test
	void hoursAcrossMidnightBelongToTheDayTheyOpened() {
		BusinessHours fridayNight = new BusinessHours(Set.of(DayOfWeek.FRIDAY), LocalTime.of(20, 0),
				LocalTime.of(2, 0));
		assertThat(fridayNight.isOpen(Instant.parse("2026-12-04T22:00:00Z"), MADRID)).isTrue();
		// 01:30 Saturday in Madrid
		assertThat(fridayNight.isOpen(Instant.parse("2026-12-05T00:30:00Z"), MADRID)).isTrue();
		// 01:30 Friday in Madrid: Thursday was closed
		assertThat(fridayNight.isOpen(Instant.parse("2026-12-04T00:30:00Z"), MADRID)).isFalse();
	}

	@Test
	void hoursNeedADayAndDistinctTimes() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BusinessHours(Set.of(), LocalTime.of(9, 0), LocalTime.of(18, 0)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BusinessHours(Set.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), LocalTime.of(9, 0)));
	}

}
