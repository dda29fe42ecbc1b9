package com.waplatform.workflow.rules.domain;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.jspecify.annotations.Nullable;

/**
 * The recipient's time zone, which due times and quiet hours are read in: the one the
 * event gives, else the one of the phone number's area, else the organization's.
 */
final class RecipientZones {

	private static final PhoneNumberToTimeZonesMapper MAPPER = PhoneNumberToTimeZonesMapper.getInstance();

	private RecipientZones() {
	}

	/**
	 * @param fromEvent the zone the event gives (an IANA id such as
	 * {@code Europe/Lisbon}, or an offset), ignored unless valid
	 * @param e164 the recipient's valid number
	 * @param organizationDefault the organization's zone, or null for UTC
	 */
	static ZoneId zoneOf(@Nullable String fromEvent, String e164, @Nullable ZoneId organizationDefault) {
		if (fromEvent != null) {
			try {
				return ZoneId.of(fromEvent);
			}
			catch (DateTimeException ex) {
				// an unknown zone is no reason to lose the message: the number still
				// tells
			}
		}
		ZoneId fallback = (organizationDefault != null) ? organizationDefault : ZoneOffset.UTC;
		List<String> zones = zonesOfNumber(e164);
		if (zones.isEmpty() || zones.contains(PhoneNumberToTimeZonesMapper.getUnknownTimeZone())) {
			return fallback;
		}
		// A number whose prefix spans several zones (a US toll-free number, a UK mobile):
		// the organization's zone when it is one of them, its customers being mostly
		// local;
		// else the first the mapper lists (alphabetical, so a guess).
		if (zones.contains(fallback.getId())) {
			return fallback;
		}
		try {
			return ZoneId.of(zones.get(0));
		}
		catch (DateTimeException ex) {
			return fallback;
		}
	}

	/**
	 * The zones of the number's prefix. Looked up as for a geographic number even for a
	 * mobile one: libphonenumber's type-aware lookup gives a mobile every zone of its
	 * country in alphabetical order (a Spanish mobile: Atlantic/Canary before
	 * Europe/Madrid; a Moscow mobile: Asia/Almaty first), while the prefix table maps
	 * most countries' mobile ranges to their main zone (Europe/Madrid, Europe/Moscow).
	 */
	private static List<String> zonesOfNumber(String e164) {
		try {
			PhoneNumber number = PhoneNumberUtil.getInstance().parse(e164, "ZZ");
			return MAPPER.getTimeZonesForGeographicalNumber(number);
		}
		catch (NumberParseException ex) {
			return List.of();
		}
	}

}
