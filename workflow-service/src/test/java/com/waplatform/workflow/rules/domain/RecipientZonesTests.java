package com.waplatform.workflow.rules.domain;

import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecipientZonesTests {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Test
	void theEventsZoneComesFirst() {
		assertThat(RecipientZones.zoneOf("America/Sao_Paulo", "+34600123456", NEW_YORK))
			.isEqualTo(ZoneId.of("America/Sao_Paulo"));
		assertThat(RecipientZones.zoneOf("+01:00", "+34600123456", null)).isEqualTo(ZoneOffset.ofHours(1));
	}

	@Test
	void anInvalidZoneInTheEventFallsBackToTheNumbers() {
		assertThat(RecipientZones.zoneOf("Mars/Olympus_Mons", "+34600123456", NEW_YORK))
			.isEqualTo(ZoneId.of("Europe/Madrid"));
	}

	@Test
	void aSpanishMobileIsInMadrid() {
		// libphonenumber's type-aware lookup would list Atlantic/Canary first for any
		// Spanish mobile
		assertThat(RecipientZones.zoneOf(null, "+34600123456", null)).isEqualTo(ZoneId.of("Europe/Madrid"));
	}

	@Test
	void aSanFranciscoNumberIsInLosAngeles() {
		// area code 415: the mapper gives exactly one zone, America/Los_Angeles
		assertThat(RecipientZones.zoneOf(null, "+14155550123", NEW_YORK)).isEqualTo(ZoneId.of("America/Los_Angeles"));
	}

	@Test
	void aNumberOfSeveralZonesTakesTheOrganizationsIfItIsOneElseTheFirstListed() {
		// a US toll-free number: the mapper lists every zone of +1, America/Adak (UTC-10)
		// first
		assertThat(RecipientZones.zoneOf(null, "+18005550123", NEW_YORK)).isEqualTo(NEW_YORK);
		assertThat(RecipientZones.zoneOf(null, "+18005550123", null)).isEqualTo(ZoneId.of("America/Adak"));
		// a Portuguese mobile: Atlantic/Azores and Europe/Lisbon
		assertThat(RecipientZones.zoneOf(null, "+351912345678", ZoneId.of("Europe/Lisbon")))
			.isEqualTo(ZoneId.of("Europe/Lisbon"));
		assertThat(RecipientZones.zoneOf(null, "+351912345678", null)).isEqualTo(ZoneId.of("Atlantic/Azores"));
	}

	@Test
	void aNumberOfNoKnownZoneTakesTheOrganizationsElseUtc() {
		// +800: international freephone, valid but of no country ("Etc/Unknown")
		assertThat(RecipientZones.zoneOf(null, "+80012345678", NEW_YORK)).isEqualTo(NEW_YORK);
		assertThat(RecipientZones.zoneOf(null, "+80012345678", null)).isEqualTo(ZoneOffset.UTC);
	}

}
