package com.waplatform.gateway.admin.domain;

import java.time.LocalTime;

import com.waplatform.common.account.QuietHours;
import com.waplatform.common.conversation.ConversationSettings;
import com.waplatform.common.json.Json;
import com.waplatform.gateway.admin.domain.SettingsRequestReader.Result;
import com.waplatform.gateway.admin.domain.SettingsRequestReader.Settings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsRequestReaderTests {

	@Test
	void aFullBodyIsReadAsGiven() {
		assertThat(read("""
				{"automationEnabled": false, "marketingEnabled": false,
				 "quietHours": {"start": "21:00", "end": "08:00"}, "timeZone": "Europe/Madrid"}""")).isEqualTo(
				new Result.Read(new Settings(false, false, new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)),
						"Europe/Madrid", ConversationSettings.DEFAULTS)));
	}

	@Test
	void whatIsLeftOutOrNullTakesItsDefault() {
		assertThat(read("{}")).isEqualTo(new Result.Read(Settings.DEFAULTS));
		assertThat(read("{\"automationEnabled\": null, \"marketingEnabled\": null, \"quietHours\": null, "
				+ "\"timeZone\": null}"))
			.isEqualTo(new Result.Read(Settings.DEFAULTS));
		assertThat(read("{\"marketingEnabled\": false}"))
			.isEqualTo(new Result.Read(new Settings(true, false, null, null, ConversationSettings.DEFAULTS)));
	}

	@Test
	void quietHoursMaySpanMidnightOrNot() {
		assertThat(read("{\"quietHours\": {\"start\": \"00:00\", \"end\": \"23:59\"}}"))
			.isInstanceOf(Result.Read.class);
		assertThat(read("{\"quietHours\": {\"start\": \"23:59\", \"end\": \"00:00\"}}"))
			.isInstanceOf(Result.Read.class);
	}

	@Test
	void wrongTypesAreMalformedAndWrongValuesInvalid() {
		assertThat(read("{\"marketingEnabled\": \"false\", \"timeZone\": \"Nowhere\"}"))
			.isEqualTo(new Result.Rejected(true,
					java.util.List.of(new SettingsRequestReader.Problem("marketingEnabled", "must be true or false"))));
		Result invalid = read("{\"quietHours\": {\"start\": \"7:00\", \"end\": \"07:00\", \"tz\": \"x\"}, "
				+ "\"timeZone\": \"CET \", \"extra\": 1}");
		assertThat(invalid).isInstanceOfSatisfying(Result.Rejected.class, (rejected) -> {
			assertThat(rejected.malformed()).isFalse();
			assertThat(rejected.problems()).extracting(SettingsRequestReader.Problem::field)
				.containsExactlyInAnyOrder("extra", "quietHours.tz", "quietHours.start", "timeZone");
		});
		assertThat(read("[]")).isInstanceOfSatisfying(Result.Rejected.class,
				(rejected) -> assertThat(rejected.malformed()).isTrue());
	}

	@Test
	void timesAreWrittenAsHoursAndMinutes() {
		assertThat(SettingsRequestReader.format(LocalTime.of(8, 5))).isEqualTo("08:05");
	}

	private static Result read(String json) {
		return SettingsRequestReader.read(Json.mapper().readTree(json));
	}

}
