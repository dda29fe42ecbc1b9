package com.waplatform.common.template;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import com.waplatform.common.json.Json;
import com.waplatform.common.meta.MetaMessage;
import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.waplatform.common.template.TemplateFixtures.BODY_ONLY;
import static com.waplatform.common.template.TemplateFixtures.BOOKING;
import static com.waplatform.common.template.TemplateFixtures.BOOKING_SEND;
import static com.waplatform.common.template.TemplateFixtures.FOLLOW_UP;
import static com.waplatform.common.template.TemplateFixtures.FOLLOW_UP_SEND;
import static com.waplatform.common.template.TemplateFixtures.buttonSend;
import static com.waplatform.common.template.TemplateFixtures.buttonTemplate;
import static com.waplatform.common.template.TemplateFixtures.mediaSend;
import static com.waplatform.common.template.TemplateFixtures.mediaTemplate;
import static com.waplatform.common.template.TemplateFixtures.send;
import static com.waplatform.common.template.TemplateFixtures.template;
import static com.waplatform.common.template.TemplateFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class TemplateValidatorTests {

	@Test
	void acceptsACompletePositionalSend() {
		assertThat(validate(BOOKING, BOOKING_SEND)).isEmpty();
	}

	@Test
	void acceptsACompleteNamedSendInAnyOrder() {
		assertThat(validate(FOLLOW_UP, FOLLOW_UP_SEND)).isEmpty();
	}

	@Test
	void acceptsMetasOwnExampleAgainstTheTemplateItFits() throws IOException {
		MetaMessage message;
		try (InputStream in = getClass()
			.getResourceAsStream("/meta-samples/api/spec_req_send_template_header_image_quick_reply_buttons.json")) {
			message = Json.mapper().readValue(in, MetaMessage.class);
		}
		String listed = """
				{"name":"template-name","language":"language-and-locale-code","status":"APPROVED","components":[
				  {"type":"HEADER","format":"IMAGE"},
				  {"type":"BODY","text":"Hi {{1}}, you owe {{2}} since {{3}}."},
				  {"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"Pay"},{"type":"QUICK_REPLY","text":"Later"}]}]}
				""";
		assertThat(TemplateValidator.validate(template(listed), message.template())).isEmpty();
	}

	@Nested
	class Status {

		@ParameterizedTest
		@CsvSource({ "PAUSED, template-paused, 132015", "DISABLED, template-disabled, 132016",
				"PENDING, template-not-approved, 132001", "REJECTED, template-not-approved, 132001",
				"IN_APPEAL, template-not-approved, 132001" })
		void onlyApprovedTemplatesCanBeSent(String status, String code, int metaCode) {
			assertViolations(with(BOOKING, "\"APPROVED\"", "\"" + status + "\""), BOOKING_SEND)
				.containsExactly(tuple("template", code, metaCode));
		}

		@Test
		void theSendMustNameTheTemplateAndItsLanguage() {
			assertViolations(BOOKING,
					with(with(BOOKING_SEND, "\"booking_update\"", "\"booking_updat\""), "{\"code\":\"en_US\"}",
							"{\"code\":\"en\"}"))
				.containsExactly(tuple("template.name", "template-not-found", 132001),
						tuple("template.language.code", "template-not-found", 132001));
		}

	}

	@Nested
	class Counts {

		@Test
		void namesEveryMissingBodyParameter() {
			List<TemplateViolation> violations = validate(BOOKING, with(BOOKING_SEND,
					",{\"type\":\"currency\",\"currency\":{\"fallback_value\":\"€120.00\",\"code\":\"EUR\",\"amount_1000\":120000}}",
					""));
			assertThat(violations)
				.containsExactly(new TemplateViolation("template.components[body].parameters[3]", "parameter-missing",
						"expected 4 body parameters ({{1}}..{{4}}), got 3: {{4}} has no value", 132000));
		}

		@Test
		void namesEveryExtraBodyParameter() {
			assertViolations(BOOKING, with(BOOKING_SEND, "{\"type\":\"text\",\"text\":\"Ana\"},",
					"{\"type\":\"text\",\"text\":\"Ana\"},{\"type\":\"text\",\"text\":\"x\"},{\"type\":\"text\",\"text\":\"y\"},"))
				.containsExactly(tuple("template.components[body].parameters[4]", "parameter-unexpected", 132000),
						tuple("template.components[body].parameters[5]", "parameter-unexpected", 132000));
		}

		@Test
		void aMissingBodyComponentIsOneViolation() {
			List<TemplateViolation> violations = validate(BODY_ONLY,
					"{\"name\":\"notice\",\"language\":{\"code\":\"en\"}}");
			assertThat(violations).singleElement().satisfies((violation) -> {
				assertThat(violation.field()).isEqualTo("template.components[body]");
				assertThat(violation.code()).isEqualTo("component-missing");
				assertThat(violation.metaErrorCode()).isEqualTo(132000);
				assertThat(violation.message()).contains("1 variable ({{1}})");
			});
		}

		@Test
		void aBodyWithoutVariablesTakesNoParameters() {
			assertViolations(buttonTemplate("{\"type\":\"QUICK_REPLY\",\"text\":\"Ok\"}"),
					buttonSend("{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"x\"}]}"))
				.containsExactly(tuple("template.components[body].parameters[0]", "parameter-unexpected", 132000));
		}

		@Test
		void aTextHeaderVariableNeedsItsParameter() {
			assertViolations(BOOKING,
					with(BOOKING_SEND,
							"{\"type\":\"header\",\"parameters\":[{\"type\":\"text\",\"text\":\"BK-1042\"}]},", ""))
				.containsExactly(tuple("template.components[header]", "component-missing", 132000));
			assertViolations(BOOKING, with(BOOKING_SEND, "{\"type\":\"text\",\"text\":\"BK-1042\"}", ""))
				.containsExactly(tuple("template.components[header].parameters[0]", "parameter-missing", 132000));
		}

		@Test
		void headerParametersNeedAHeader() {
			assertViolations(BODY_ONLY, """
					{"name":"notice","language":{"code":"en"},"components":[
					  {"type":"header","parameters":[{"type":"text","text":"x"}]},
					  {"type":"body","parameters":[{"type":"text","text":"y"}]}]}
					""")
				.containsExactly(tuple("template.components[header].parameters[0]", "parameter-unexpected", 132000));
		}

	}

	@Nested
	class Names {

		@Test
		void positionalParametersMustNotBeNamed() {
			assertViolations(BOOKING,
					with(BOOKING_SEND, "{\"type\":\"text\",\"text\":\"Ana\"}",
							"{\"type\":\"text\",\"parameter_name\":\"first_name\",\"text\":\"Ana\"}"))
				.containsExactly(
						tuple("template.components[body].parameters[0].parameter_name", "parameter-name", 132000));
		}

		@Test
		void namedParametersMustBeNamed() {
			assertViolations(FOLLOW_UP, with(FOLLOW_UP_SEND, "\"parameter_name\":\"tour\",", "")).containsExactly(
					tuple("template.components[body].parameters[0].parameter_name", "parameter-name", 132000),
					tuple("template.components[body].parameters[tour]", "parameter-missing", 132000));
		}

		@Test
		void namesMustMatchExactly() {
			List<TemplateViolation> violations = validate(FOLLOW_UP,
					with(FOLLOW_UP_SEND, "\"parameter_name\":\"tour\"", "\"parameter_name\":\"tour_name\""));
			assertThat(violations).extracting(TemplateViolation::field, TemplateViolation::code)
				.containsExactly(
						tuple("template.components[body].parameters[0].parameter_name", "parameter-unexpected"),
						tuple("template.components[body].parameters[tour]", "parameter-missing"));
			assertThat(violations.get(0).message())
				.isEqualTo("'tour_name' is not a variable of the template: the template's body has the named "
						+ "variables {{first_name}}, {{tour}}");
			assertThat(violations).allSatisfy((violation) -> assertThat(violation.metaErrorCode()).isEqualTo(132000));
		}

		@Test
		void aNameIsGivenOnce() {
			assertViolations(FOLLOW_UP,
					with(FOLLOW_UP_SEND, "\"parameter_name\":\"tour\"", "\"parameter_name\":\"first_name\""))
				.containsExactly(
						tuple("template.components[body].parameters[1].parameter_name", "parameter-name", 132000),
						tuple("template.components[body].parameters[tour]", "parameter-missing", 132000));
		}

		@Test
		void headerNamesAreCheckedToo() {
			assertViolations(FOLLOW_UP,
					with(FOLLOW_UP_SEND, "\"parameter_name\":\"city\"", "\"parameter_name\":\"town\""))
				.containsExactly(
						tuple("template.components[header].parameters[0].parameter_name", "parameter-unexpected",
								132000),
						tuple("template.components[header].parameters[city]", "parameter-missing", 132000));
		}

	}

	@Nested
	class Types {

		@Test
		void aTextHeaderTakesText() {
			assertViolations(BOOKING,
					with(BOOKING_SEND, "{\"type\":\"text\",\"text\":\"BK-1042\"}",
							"{\"type\":\"image\",\"image\":{\"link\":\"https://x.example/a.jpg\"}}"))
				.containsExactly(tuple("template.components[header].parameters[0].type", "parameter-type", 132012));
		}

		@Test
		void bodyParametersAreTextCurrencyOrDateTime() {
			List<TemplateViolation> violations = validate(BOOKING, with(BOOKING_SEND,
					"{\"type\":\"text\",\"text\":\"Ana\"}", "{\"type\":\"payload\",\"payload\":\"Ana\"}"));
			assertThat(violations).singleElement().satisfies((violation) -> {
				assertThat(violation.field()).isEqualTo("template.components[body].parameters[0].type");
				assertThat(violation.metaErrorCode()).isEqualTo(132012);
				assertThat(violation.message())
					.isEqualTo("body parameters are currency, date_time, text; got 'payload'");
			});
		}

		@Test
		void valuesMustBePresent() {
			assertViolations(BOOKING,
					with(with(BOOKING_SEND, "{\"type\":\"text\",\"text\":\"Ana\"}",
							"{\"type\":\"text\",\"text\":\" \"}"), "\"fallback_value\":\"€120.00\",", ""))
				.containsExactly(tuple("template.components[body].parameters[0]", "parameter-value-missing", 131008),
						tuple("template.components[body].parameters[3]", "parameter-value-missing", 131008));
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|',
				textBlock = """
						IMAGE    | {"type":"image","image":{"link":"https://x.example/tour.jpg"}}
						IMAGE    | {"type":"image","image":{"id":"1234567890"}}
						VIDEO    | {"type":"video","video":{"link":"https://x.example/tour.mp4"}}
						DOCUMENT | {"type":"document","document":{"id":"987","filename":"itinerary.pdf"}}
						LOCATION | {"type":"location","location":{"latitude":"38.7077","longitude":"-9.1365","name":"Praça do Comércio"}}
						""")
		void mediaAndLocationHeadersTakeTheirParameter(String format, String parameter) {
			assertThat(validate(mediaTemplate(format), mediaSend(format, parameter))).isEmpty();
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|',
				textBlock = """
						IMAGE    | {"type":"video","video":{"link":"https://x.example/tour.mp4"}}   | template.components[header].parameters[0].type | parameter-type          | 132012
						IMAGE    | {"type":"text","text":"https://x.example/tour.jpg"}              | template.components[header].parameters[0].type | parameter-type          | 132012
						DOCUMENT | {"type":"image","image":{"link":"https://x.example/a.jpg"}}      | template.components[header].parameters[0].type | parameter-type          | 132012
						IMAGE    | {"type":"image","image":{"caption":"no link"}}                   | template.components[header].parameters[0]      | parameter-value-missing | 131008
						VIDEO    | {"type":"video"}                                                 | template.components[header].parameters[0]      | parameter-value-missing | 131008
						LOCATION | {"type":"location","location":{"name":"Lisbon"}}                 | template.components[header].parameters[0]      | parameter-value-missing | 131008
						IMAGE    | {"type":"image","image":{"id":"1"}},{"type":"image","image":{"id":"2"}} | template.components[header].parameters[1] | parameter-unexpected | 132000
						""")
		void mediaHeaderMismatches(String format, String parameter, String field, String code, int metaCode) {
			assertViolations(mediaTemplate(format), mediaSend(format, parameter))
				.containsExactly(tuple(field, code, metaCode));
		}

		@Test
		void aMediaHeaderMustBeSent() {
			List<TemplateViolation> violations = validate(mediaTemplate("IMAGE"), mediaSend("IMAGE", ""));
			assertThat(violations)
				.containsExactly(new TemplateViolation("template.components[header]", "component-missing",
						"the template has a IMAGE header: send a header component with 1 image parameter (link or id)",
						132000));
		}

	}

	@Nested
	class Lengths {

		@Test
		void bodyParametersHaveAtMost1024CharactersNextToOtherComponents() {
			// 1024 fits the parameter, but not the body it fills (reported once, on the
			// body)
			assertViolations(BOOKING, with(BOOKING_SEND, "\"Ana\"", "\"" + "a".repeat(1024) + "\""))
				.containsExactly(tuple("template.components[body]", "text-too-long", 132005));
			assertViolations(BOOKING, with(BOOKING_SEND, "\"Ana\"", "\"" + "a".repeat(1025) + "\""))
				.containsExactly(tuple("template.components[body].parameters[0].text", "text-too-long", 132005));
		}

		@Test
		void aBodyOnlyTemplateTakes32768Characters() {
			String send = "{\"name\":\"notice\",\"language\":{\"code\":\"en\"},\"components\":[{\"type\":\"body\","
					+ "\"parameters\":[{\"type\":\"text\",\"text\":\"%s\"}]}]}";
			assertThat(validate(BODY_ONLY, send.formatted("a".repeat(5000)))).isEmpty();
			assertViolations(BODY_ONLY, send.formatted("a".repeat(32769)))
				.containsExactly(tuple("template.components[body].parameters[0].text", "text-too-long", 132005));
		}

		@Test
		void theHydratedBodyHasAtMost1024Characters() {
			String longer = with(with(BOOKING_SEND, "\"Ana\"", "\"" + "a".repeat(600) + "\""), "\"Old Town Walk\"",
					"\"" + "b".repeat(600) + "\"");
			List<TemplateViolation> violations = validate(BOOKING, longer);
			assertThat(violations).singleElement().satisfies((violation) -> {
				assertThat(violation.field()).isEqualTo("template.components[body]");
				assertThat(violation.code()).isEqualTo("text-too-long");
				assertThat(violation.metaErrorCode()).isEqualTo(132005);
				assertThat(violation.message())
					.isEqualTo("the body with its variables filled has 1258 characters, Meta allows 1024");
			});
		}

		@Test
		void theHeaderHasAtMost60CharactersWithItsVariable() {
			// "Booking " is 8 characters: 52 more fit
			assertThat(validate(BOOKING, with(BOOKING_SEND, "\"BK-1042\"", "\"" + "h".repeat(52) + "\""))).isEmpty();
			assertViolations(BOOKING, with(BOOKING_SEND, "\"BK-1042\"", "\"" + "h".repeat(53) + "\""))
				.containsExactly(tuple("template.components[header]", "text-too-long", 132005));
			assertViolations(BOOKING, with(BOOKING_SEND, "\"BK-1042\"", "\"" + "h".repeat(61) + "\""))
				.containsExactly(tuple("template.components[header].parameters[0].text", "text-too-long", 132005));
		}

		@Test
		void charactersAreCodePoints() {
			assertThat(validate(BOOKING, with(BOOKING_SEND, "\"BK-1042\"", "\"" + "😀".repeat(52) + "\""))).isEmpty();
		}

		@ParameterizedTest
		@CsvSource({ "'Ana\\nSilva'", "'Ana\\tSilva'", "'Ana     Silva'" })
		void parameterTextsHaveNoNewLinesTabsOrLongRunsOfSpaces(String text) {
			assertViolations(BOOKING, with(BOOKING_SEND, "\"Ana\"", "\"" + text + "\""))
				.containsExactly(tuple("template.components[body].parameters[0].text", "text-format", 132018));
		}

	}

	@Nested
	class Buttons {

		@Test
		void quickRepliesAreOptionalAndTakeAPayload() {
			String quickReply = buttonTemplate("{\"type\":\"QUICK_REPLY\",\"text\":\"Yes\"}");
			assertThat(validate(quickReply, buttonSend())).isEmpty();
			assertThat(validate(quickReply,
					buttonSend(button("quick_reply", 0, "{\"type\":\"payload\",\"payload\":\"Y\"}"))))
				.isEmpty();
			assertViolations(quickReply, buttonSend(button("quick_reply", 0, "{\"type\":\"text\",\"text\":\"Y\"}")))
				.containsExactly(tuple("template.components[button:0].parameters[0].type", "parameter-type", 132012));
			assertViolations(quickReply, buttonSend(button("quick_reply", 0, "{\"type\":\"payload\"}")))
				.containsExactly(
						tuple("template.components[button:0].parameters[0]", "parameter-value-missing", 131008));
			assertViolations(quickReply, buttonSend(button("quick_reply", 0, "")))
				.containsExactly(tuple("template.components[button:0].parameters[0]", "parameter-missing", 132000));
		}

		@Test
		void aDynamicUrlButtonNeedsItsSuffix() {
			String url = buttonTemplate(
					"{\"type\":\"URL\",\"text\":\"Manage\",\"url\":\"https://tours.example/manage/{{1}}\"}");
			assertThat(validate(url, buttonSend(button("url", 0, "{\"type\":\"text\",\"text\":\"BK-1\"}")))).isEmpty();
			List<TemplateViolation> missing = validate(url, buttonSend());
			assertThat(missing)
				.containsExactly(new TemplateViolation("template.components[button:0]", "component-missing",
						"URL button 0 ('Manage') has a dynamic URL (https://tours.example/manage/{{1}}): send the text "
								+ "that replaces {{1}} in a button component with sub_type url and index 0",
						132000));
			assertViolations(url, buttonSend(button("url", 0, "{\"type\":\"payload\",\"payload\":\"BK-1\"}")))
				.containsExactly(tuple("template.components[button:0].parameters[0].type", "parameter-type", 132012));
		}

		@Test
		void staticUrlAndPhoneButtonsTakeNoParameters() {
			String buttons = buttonTemplate("{\"type\":\"URL\",\"text\":\"Site\",\"url\":\"https://tours.example\"},"
					+ "{\"type\":\"PHONE_NUMBER\",\"text\":\"Call\",\"phone_number\":\"+15550100200\"}");
			assertThat(validate(buttons, buttonSend())).isEmpty();
			assertViolations(buttons,
					buttonSend(button("url", 0, "{\"type\":\"text\",\"text\":\"x\"}"),
							button("phone_number", 1, "{\"type\":\"text\",\"text\":\"x\"}")))
				.containsExactly(tuple("template.components[button:0].parameters[0]", "parameter-unexpected", 132000),
						tuple("template.components[button:1].parameters[0]", "parameter-unexpected", 132000));
		}

		@Test
		void aCopyCodeButtonNeedsACouponCode() {
			String copy = buttonTemplate("{\"type\":\"COPY_CODE\",\"text\":\"Copy code\"}");
			assertThat(validate(copy,
					buttonSend(button("copy_code", 0, "{\"type\":\"coupon_code\",\"coupon_code\":\"SUMMER25\"}"))))
				.isEmpty();
			assertViolations(copy, buttonSend())
				.containsExactly(tuple("template.components[button:0]", "component-missing", 132000));
			assertViolations(copy, buttonSend(button("copy_code", 0, "{\"type\":\"text\",\"text\":\"SUMMER25\"}")))
				.containsExactly(tuple("template.components[button:0].parameters[0].type", "parameter-type", 132012));
		}

		@Test
		void anOtpButtonNeedsTheCodeAsAUrlButton() {
			String otp = """
					{"name":"with_button","language":"en","status":"APPROVED","category":"AUTHENTICATION","components":[
					  {"type":"BODY","text":"*{{1}}* is your verification code."},
					  {"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"COPY_CODE","text":"Copy code"}]}]}
					""";
			String body = "{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"123456\"}]}";
			assertThat(validate(otp, buttonSend(body, button("url", 0, "{\"type\":\"text\",\"text\":\"123456\"}"))))
				.isEmpty();
			assertViolations(otp, buttonSend(body))
				.containsExactly(tuple("template.components[button:0]", "component-missing", 132000));
			assertViolations(otp, buttonSend(body, button("copy_code", 0, "{\"type\":\"text\",\"text\":\"123456\"}")))
				.containsExactly(tuple("template.components[button:0].sub_type", "parameter-type", 132012));
		}

		@Test
		void flowCatalogAndMultiProductButtonsTakeAnAction() {
			String flow = buttonTemplate("{\"type\":\"FLOW\",\"text\":\"Book now\"}");
			assertThat(validate(flow, buttonSend())).isEmpty();
			assertThat(validate(flow,
					buttonSend(button("flow", 0, "{\"type\":\"action\",\"action\":{\"flow_token\":\"T\"}}"))))
				.isEmpty();
			assertViolations(flow, buttonSend(button("flow", 0, "{\"type\":\"payload\",\"payload\":\"T\"}")))
				.containsExactly(tuple("template.components[button:0].parameters[0].type", "parameter-type", 132012));
			String catalog = buttonTemplate("{\"type\":\"CATALOG\",\"text\":\"View catalog\"}");
			assertThat(validate(catalog,
					buttonSend(button("CATALOG", 0,
							"{\"type\":\"action\",\"action\":{\"thumbnail_product_retailer_id\":\"2lc20305pt\"}}"))))
				.isEmpty();
			String mpm = buttonTemplate("{\"type\":\"MPM\",\"text\":\"View items\"}");
			assertViolations(mpm, buttonSend())
				.containsExactly(tuple("template.components[button:0]", "component-missing", 132000));
			assertViolations(mpm, buttonSend(button("mpm", 0, "{\"type\":\"action\"}"))).containsExactly(
					tuple("template.components[button:0].parameters[0]", "parameter-value-missing", 131008));
		}

		@Test
		void buttonComponentsMustMatchATemplateButton() {
			String quickReply = buttonTemplate("{\"type\":\"QUICK_REPLY\",\"text\":\"Yes\"}");
			String payload = "{\"type\":\"payload\",\"payload\":\"Y\"}";
			assertViolations(quickReply, buttonSend(button("quick_reply", 2, payload)))
				.containsExactly(tuple("template.components[button:2]", "component-invalid", 132000));
			assertViolations(quickReply, buttonSend(button("url", 0, payload)))
				.containsExactly(tuple("template.components[button:0].sub_type", "parameter-type", 132012));
			assertViolations(quickReply,
					buttonSend("{\"type\":\"button\",\"index\":\"0\",\"parameters\":[" + payload + "]}"))
				.containsExactly(tuple("template.components[button:0].sub_type", "component-invalid", 131008));
			assertViolations(quickReply,
					buttonSend(button("quick_reply", 0, payload), button("quick_reply", 0, payload)))
				.containsExactly(tuple("template.components[button:0]", "component-invalid", 131009));
			assertViolations(quickReply,
					buttonSend("{\"type\":\"button\",\"sub_type\":\"quick_reply\",\"parameters\":[" + payload + "]}"))
				.containsExactly(tuple("template.components[0].index", "component-invalid", 131008));
			assertViolations(quickReply,
					buttonSend("{\"type\":\"button\",\"sub_type\":\"quick_reply\",\"index\":\"first\"}"))
				.containsExactly(tuple("template.components[0].index", "component-invalid", 131009));
		}

	}

	@Test
	void unknownAndDuplicatedComponentsAreInvalid() {
		assertViolations(BODY_ONLY, """
				{"name":"notice","language":{"code":"en"},"components":[
				  {"type":"body","parameters":[{"type":"text","text":"a"}]},
				  {"type":"footer","parameters":[]},
				  {"type":"body","parameters":[{"type":"text","text":"b"}]}]}
				""").containsExactly(tuple("template.components[1].type", "component-invalid", 131009),
				tuple("template.components[body]", "component-invalid", 131009));
	}

	@Test
	void reportsEveryProblemAtOnce() {
		List<TemplateViolation> violations = validate(with(BOOKING, "\"APPROVED\"", "\"PAUSED\""), """
				{"name":"booking_update","language":{"code":"en_US"},"components":[
				  {"type":"body","parameters":[{"type":"image","image":{"id":"1"}}]}]}
				""");
		assertThat(violations).extracting(TemplateViolation::metaErrorCode)
			.containsExactly(132015, 132000, 132000, 132000, 132000, 132012, 132000, 132000);
	}

	private static String button(String subType, int index, String parameter) {
		return "{\"type\":\"button\",\"sub_type\":\"" + subType + "\",\"index\":\"" + index + "\",\"parameters\":["
				+ parameter + "]}";
	}

	private static List<TemplateViolation> validate(String template, String send) {
		return TemplateValidator.validate(template(template), send(send));
	}

	private static AbstractListAssert<?, List<? extends Tuple>, Tuple, ObjectAssert<Tuple>> assertViolations(
			String template, String send) {
		return assertThat(validate(template, send)).extracting(TemplateViolation::field, TemplateViolation::code,
				TemplateViolation::metaErrorCode);
	}

}
