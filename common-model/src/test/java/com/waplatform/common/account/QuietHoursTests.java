package com.waplatform.common.account;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class QuietHoursTests {

	private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

	private final QuietHours night = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

	@Test
	void aWindowAcrossMidnightContainsTheLateEveningAndTheEarlyMorning() {
		assertThat(this.night.contains(LocalTime.of(21, 0))).isTrue();
		assertThat(this.night.contains(LocalTime.of(23, 59))).isTrue();
		assertThat(this.night.contains(LocalTime.of(0, 0))).isTrue();
		assertThat(this.night.contains(LocalTime.of(7, 59))).isTrue();
		assertThat(this.night.contains(LocalTime.of(8, 0))).isFalse();
		assertThat(this.night.contains(LocalTime.of(20, 59))).isFalse();
	}

	@Test
	void aWindowWithinOneDayAndAnEmptyOne() {
		QuietHours lunch = new QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 0));
		assertThat(lunch.contains(LocalTime.of(13, 0))).isTrue();
		assertThat(lunch.contains(LocalTime.of(15, 0))).isFalse();
		assertThat(lunch.contains(LocalTime.of(12, 59))).isFalse();
		assertThat(new QuietHours(LocalTime.NOON, LocalTime.NOON).contains(LocalTime.NOON)).isFalse();
	}

	@Test
	void aMessageDueAtNightWaitsUntilTheMorningInTheRecipientsZone() {
		// 23:30 in Madrid (CET, UTC+1) waits until 08:00 the next day
		assertThat(this.night.deliverableFrom(Instant.parse("2026-12-03T22:30:00Z"), MADRID))
			.isEqualTo(Instant.parse("2026-12-04T07:00:00Z"));
		// 06:00 in Madrid waits until 08:00 the same day
		assertThat(this.night.deliverableFrom(Instant.parse("2026-12-04T05:00:00Z"), MADRID))
			.isEqualTo(Instant.parse("2026-12-04T07:00:00Z"));
		// 12:00 in Madrid goes at once
		assertThat(this.night.deliverableFrom(Instant.parse("2026-12-04T11:00:00Z"), MADRID))
			.isEqualTo(Instant.parse("2026-12-04T11:00:00Z"));
	}

	@Test
	void theMorningAfterADaylightSavingChangeIsLocalTime() {
		// night of 28 to 29 March 2026: clocks go forward at 02:00; 08:00 is CEST (UTC+2)
		assertThat(this.night.deliverableFrom(Instant.parse("2026-03-28T23:00:00Z"), MADRID))
			.isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
	}

	@Test
	void bothEndsAreRequired() {
		assertThatIllegalArgumentException().isThrownBy(() -> new QuietHours(null, LocalTime.NOON));
	}

}
