package com.waplatform.workflow.rules.domain;

import java.time.ZoneId;
import java.util.Locale;

import com.waplatform.common.json.Json;
import com.waplatform.workflow.rules.domain.RuleDefinition.ValueSpec;
import org.junit.jupiter.api.Test;

import static com.waplatform.workflow.rules.domain.RuleFixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ParameterResolverTests {

	private static final Locale EN_US = TemplateLanguage.locale("en_US");

	private static final Locale ES = TemplateLanguage.locale("es");

	private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

	@Test
	void datesInTheRecipientsLocale() {
		String date = "{\"from\": \"/d\", \"format\": \"date\"}";
		assertThat(resolve(date, "\"2026-12-10\"", EN_US)).isEqualTo("December 10, 2026");
		assertThat(resolve(date, "\"2026-12-10\"", ES)).isEqualTo("10 de diciembre de 2026");
		// an instant is a date in the recipient's zone: 23:30 UTC is already the 11th in
		// Madrid
		assertThat(resolve(date, "\"2026-12-10T23:30:00Z\"", EN_US)).isEqualTo("December 11, 2026");
		assertThat(resolve(date, "\"2026-12-10T23:30\"", EN_US)).isEqualTo("December 10, 2026");
	}

	@Test
	void dateTimesAndTimesInTheRecipientsZone() {
		String dateTime = "{\"from\": \"/d\", \"format\": \"datetime\"}";
		assertThat(resolve(dateTime, "\"2026-12-10T09:00:00Z\"", EN_US)).isEqualTo("December 10, 2026, 10:00 AM");
		assertThat(resolve(dateTime, "\"2026-12-10T09:00:00+01:00\"", ES)).isEqualTo("10 de diciembre de 2026 9:00");
		assertThat(resolve(dateTime, "\"2026-12-10T09:00\"", EN_US)).isEqualTo("December 10, 2026, 9:00 AM");
		String time = "{\"from\": \"/d\", \"format\": \"time\"}";
		assertThat(resolve(time, "\"2026-12-10T13:00:00Z\"", EN_US)).isEqualTo("2:00 PM");
		assertThat(resolve(time, "\"2026-12-10T13:00:00Z\"", ES)).isEqualTo("14:00");
		assertThat(resolve(time, "\"09:30\"", EN_US)).isEqualTo("9:30 AM");
	}

	@Test
	void aPatternOverridesTheStyle() {
		assertThat(
				resolve("{\"from\": \"/d\", \"format\": \"date\", \"pattern\": \"EEEE d MMMM\"}", "\"2026-12-10\"", ES))
			.isEqualTo("jueves 10 diciembre");
		assertThat(invalid("{\"from\": \"/d\", \"format\": \"date\", \"pattern\": \"d MMM HH:mm\"}", "\"2026-12-10\""))
			.isEqualTo(new RulePlan.Invalid("invalid_value",
					"pattern \"d MMM HH:mm\" cannot show /d (\"2026-12-10\"): Unsupported field: HourOfDay "
							+ "(parameters[0])"));
	}

	@Test
	void aValueThatIsNoDateOrTimeIsInvalid() {
		assertThat(invalid("{\"from\": \"/d\", \"format\": \"datetime\"}", "\"2026-12-10\"")).isEqualTo(
				new RulePlan.Invalid("invalid_value", "/d is \"2026-12-10\", which cannot show as datetime: that needs "
						+ "a date and a time (parameters[0])"));
		assertThat(invalid("{\"from\": \"/d\", \"format\": \"time\"}", "\"2026-12-10\""))
			.isEqualTo(new RulePlan.Invalid("invalid_value",
					"/d is \"2026-12-10\", which cannot show as time: that needs " + "a time (parameters[0])"));
		assertThat(invalid("{\"from\": \"/d\", \"format\": \"date\"}", "\"next Tuesday\""))
			.isEqualTo(new RulePlan.Invalid("invalid_value", "/d is \"next Tuesday\", not an ISO-8601 date or time "
					+ "like 2026-12-10 or 2026-12-10T09:00:00Z (parameters[0])"));
	}

	@Test
	void amountsInTheirCurrency() {
		String fromEvent = "{\"from\": \"/d\", \"format\": \"currency\", \"currencyFrom\": \"/currency\"}";
		assertThat(resolve(fromEvent, "450, \"currency\": \"EUR\"", EN_US)).isEqualTo("€450.00");
		assertThat(resolve(fromEvent, "450, \"currency\": \"EUR\"", ES)).isEqualTo("450,00\u00a0€");
		assertThat(resolve(fromEvent, "\"99.5\", \"currency\": \"usd\"", EN_US)).isEqualTo("$99.50");
		assertThat(resolve(fromEvent, "1234.5, \"currency\": \"JPY\"", EN_US)).isEqualTo("¥1,235");
		String withDefault = "{\"from\": \"/d\", \"format\": \"currency\", \"currency\": \"EUR\", "
				+ "\"currencyFrom\": \"/currency\"}";
		assertThat(resolve(withDefault, "10.005", EN_US)).isEqualTo("€10.01");
		assertThat(resolve(withDefault, "10, \"currency\": \"GBP\"", EN_US)).isEqualTo("£10.00");
	}

	@Test
	void anAmountNeedsANumberAndACurrency() {
		String fromEvent = "{\"from\": \"/d\", \"format\": \"currency\", \"currencyFrom\": \"/currency\"}";
		assertThat(invalid(fromEvent, "450")).isEqualTo(new RulePlan.Invalid("missing_value",
				"/currency has no value (parameters[0]'s currency) and the rule gives no currency"));
		assertThat(invalid(fromEvent, "450, \"currency\": \"EURO\"")).isEqualTo(
				new RulePlan.Invalid("invalid_value", "\"EURO\" is not an ISO 4217 currency code (parameters[0])"));
		assertThat(invalid(fromEvent, "\"a lot\", \"currency\": \"EUR\""))
			.isEqualTo(new RulePlan.Invalid("invalid_value", "/d is \"a lot\", not an amount (parameters[0])"));
	}

	@Test
	void upperCaseIsTheLocales() {
		String upper = "{\"from\": \"/d\", \"format\": \"upper\"}";
		assertThat(resolve(upper, "\"istanbul\"", EN_US)).isEqualTo("ISTANBUL");
		assertThat(resolve(upper, "\"istanbul\"", TemplateLanguage.locale("tr"))).isEqualTo("İSTANBUL");
	}

	@Test
	void truncateCutsToMaxLengthInCodePoints() {
		String truncate = "{\"from\": \"/d\", \"format\": \"truncate\", \"maxLength\": 10}";
		assertThat(resolve(truncate, "\"Lisbon Old Town Walk\"", EN_US)).isEqualTo("Lisbon Ol…");
		assertThat(resolve(truncate, "\"Lisbon Old\"", EN_US)).isEqualTo("Lisbon Old");
		// "Algarves🌊" is 9 code points but 10 UTF-16 chars: a cut after 9 chars would
		// split the emoji
		assertThat(resolve(truncate, "\"Algarves\uD83C\uDF0A\uD83C\uDF0A and more\"", EN_US))
			.isEqualTo("Algarves\uD83C\uDF0A…");
		assertThat(resolve("{\"from\": \"/d\", \"format\": \"truncate\"}", "\"" + "a".repeat(2000) + "\"", EN_US))
			.hasSize(1024)
			.endsWith("a…");
	}

	@Test
	void noTextExceedsMetasParameterLimitWhateverTheFormat() {
		String emoji = "\uD83D\uDE00";
		String value = resolve("{\"from\": \"/d\"}", "\"" + emoji.repeat(1500) + "\"", EN_US);
		assertThat(value.codePointCount(0, value.length())).isEqualTo(1024);
		assertThat(value).isEqualTo(emoji.repeat(1023) + "…");
		assertThat(resolve("{\"from\": \"/d\", \"format\": \"upper\"}", "\"" + "a".repeat(1025) + "\"", EN_US))
			.isEqualTo("A".repeat(1023) + "…");
	}

	@Test
	void textsGoOnOneLineAsMetaWantsThem() {
		assertThat(resolve("{\"from\": \"/d\"}", "\"Rua Augusta 1\\n1100-048 Lisboa\\tPortugal\"", EN_US))
			.isEqualTo("Rua Augusta 1 1100-048 Lisboa Portugal");
	}

	@Test
	void aMissingValueTakesTheDefaultOrMakesTheEventInvalid() {
		assertThat(resolve("{\"from\": \"/meetingPoint\", \"default\": \"the main square\"}", "1", EN_US))
			.isEqualTo("the main square");
		assertThat(invalid("{\"from\": \"/meetingPoint\"}", "1")).isEqualTo(new RulePlan.Invalid("missing_value",
				"/meetingPoint has no value (parameters[0]) and the rule gives no default"));
		assertThat(invalid("{\"from\": \"/d\"}", "{\"street\": \"Rua Augusta\"}"))
			.isEqualTo(new RulePlan.Invalid("invalid_value", "/d is an object, not a text or a number"));
		assertThat(resolve("{\"from\": \"/d\"}", "42.50", EN_US)).isEqualTo("42.5");
		assertThat(resolve("{\"value\": \"Acme Tours\"}", "1", EN_US)).isEqualTo("Acme Tours");
		assertThat(resolve("{\"value\": 120, \"format\": \"currency\", \"currency\": \"EUR\"}", "1", ES))
			.isEqualTo("120,00\u00a0€");
	}

	/**
	 * {@code data} is the JSON of the data's {@code d} member, and maybe more members.
	 */
	private static String resolve(String spec, String data, Locale locale) {
		return resolver(data, locale).resolve(spec(spec), "parameters[0]");
	}

	private static RulePlan.Invalid invalid(String spec, String data) {
		InvalidEvent invalid = catchThrowableOfType(InvalidEvent.class,
				() -> resolver(data, EN_US).resolve(spec(spec), "parameters[0]"));
		assertThat(invalid).as("an invalid value").isNotNull();
		return invalid.toPlan();
	}

	private static ParameterResolver resolver(String data, Locale locale) {
		return new ParameterResolver(Json.mapper().readTree("{\"d\": " + data + "}"), locale, MADRID);
	}

	private static ValueSpec spec(String json) {
		return rule("\"parameters\": [" + json + "]").parameters().positional().get(0);
	}

}
