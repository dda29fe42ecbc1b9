package com.waplatform.common.template;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.waplatform.common.json.Json;
import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.template.DeclaredParameters.ComponentParameters;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.waplatform.common.template.ParameterFormat.NAMED;
import static com.waplatform.common.template.ParameterFormat.POSITIONAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The template model's table: which parameters a template declares and whether it is
 * NAMED, for hand-written templates (positional, named, mixed and invalid, URL buttons,
 * media headers, named parameters in Meta's examples; the cases the gateway's and
 * template-service's former {@code DeclaredParameters} tested) and for every template of
 * Meta's samples. Expected components read
 * {@code HEADER(format)[variables] BODY[variables] BUTTONi(type)[variables]}.
 */
class DeclaredParametersTests {

	static Stream<Arguments> templates() {
		return Stream.of(
				// positional
				arguments("positional, repeats counted once, every button listed", null, """
						[{"type":"HEADER","format":"TEXT","text":"Order {{1}}"},
						 {"type":"BODY","text":"Hi {{1}}, order {{2}} ships {{3}}. Again: {{1}}"},
						 {"type":"FOOTER","text":"Thanks"},
						 {"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"Stop"},
						  {"type":"URL","text":"Track","url":"https://x.example/t/{{1}}"},
						  {"type":"PHONE_NUMBER","text":"Call","phone_number":"+15550100"}]}]""", POSITIONAL,
						"HEADER(TEXT)[1] BODY[1,2,3] BUTTON0(QUICK_REPLY)[] BUTTON1(URL)[1] BUTTON2(PHONE_NUMBER)[]"),
				arguments("positional variables are in number order, not text order", "POSITIONAL", """
						[{"type":"BODY","text":"Total {{2}} for {{1}}, due {{3}}."}]""", POSITIONAL, "BODY[1,2,3]"),
				arguments("spaces inside the braces are tolerated", null, """
						[{"type":"BODY","text":"Hi {{ 1 }}, see {{2 }}."}]""", POSITIONAL, "BODY[1,2]"),
				arguments("a number of any length is positional (by value, no gap filled)", null, """
						[{"type":"BODY","text":"Code {{1000}} for {{1}} and {{20}}."}]""", POSITIONAL,
						"BODY[1,20,1000]"),
				arguments("lower-case format, no header format means TEXT", "positional", """
						[{"type":"header","text":"Hello {{1}}"},{"type":"body","text":"Hi {{1}}."}]""", POSITIONAL,
						"HEADER(TEXT)[1] BODY[1]"),
				arguments("a format Meta does not have is inferred", "NUMBERED", """
						[{"type":"BODY","text":"Hi {{1}}."}]""", POSITIONAL, "BODY[1]"),
				arguments("no components", null, "[]", POSITIONAL, ""),
				// named
				arguments("named: the text's names, then the examples' others", "NAMED",
						"""
								[{"type":"HEADER","format":"TEXT","text":"Hi {{first_name}}",
								  "example":{"header_text_named_params":[{"param_name":"first_name","example":"Ana"}]}},
								 {"type":"BODY","text":"Your order {{order_id}} arrives {{ delivery_date }}.",
								  "example":{"body_text_named_params":[{"param_name":"order_id","example":"A-1"},
								   {"param_name":"delivery_date","example":"today"},{"param_name":"courier","example":"DHL"}]}}]""",
						NAMED, "HEADER(TEXT)[first_name] BODY[order_id,delivery_date,courier]"),
				arguments("named parameters only in Meta's example are declared too", "NAMED",
						"""
								[{"type":"BODY","example":{"body_text_named_params":[{"param_name":"first_name","example":"Ana"}]}}]""",
						NAMED, "BODY[first_name]"),
				arguments("named: inferred from a name when Meta leaves the format out", null, """
						[{"type":"BODY","text":"Hi {{name}}, {{name}} again!"}]""", NAMED, "BODY[name]"),
				arguments("named: inferred from Meta's named examples alone", null, """
						[{"type":"HEADER","format":"TEXT","text":"Welcome",
						  "example":{"header_text_named_params":[{"param_name":"city","example":"Porto"}]}},
						 {"type":"BODY","text":"See you soon."}]""", NAMED, "HEADER(TEXT)[city] BODY[]"),
				arguments("named: digits inside a name", "named", """
						[{"type":"BODY","text":"Item {{item2}} for {{first_name}}."}]""", NAMED,
						"BODY[item2,first_name]"),
				arguments("named: the URL button keeps its positional suffix", "NAMED",
						"""
								[{"type":"BODY","text":"Hi {{first_name}}."},
								 {"type":"BUTTONS","buttons":[{"type":"URL","text":"Open","url":"https://x.example/{{1}}"}]}]""",
						NAMED, "BODY[first_name] BUTTON0(URL)[1]"),
				// mixed and invalid
				arguments("mixed under POSITIONAL: a name cannot be filled by position", "POSITIONAL", """
						[{"type":"BODY","text":"Hi {{1}} and {{name}}."}]""", POSITIONAL, "BODY[1]"),
				arguments("mixed without a format: NAMED, every name kept", null, """
						[{"type":"BODY","text":"Hi {{1}} and {{name}}."}]""", NAMED, "BODY[1,name]"),
				arguments("an upper-case name is kept (and invalid)", "NAMED", """
						[{"type":"BODY","text":"Hi {{First}}."}]""", NAMED, "BODY[First]"),
				arguments("named examples of a POSITIONAL template are not variables", "POSITIONAL", """
						[{"type":"BODY","text":"Hi {{1}}.",
						  "example":{"body_text_named_params":[{"param_name":"first_name","example":"Ana"}]}}]""",
						POSITIONAL, "BODY[1]"),
				arguments("a footer's braces are nobody's variables", null, """
						[{"type":"BODY","text":"Hi."},{"type":"FOOTER","text":"Code {{name}}"}]""", POSITIONAL,
						"BODY[]"),
				// media headers and buttons
				arguments("media and location headers take one parameter and name none", null, """
						[{"type":"header","format":"image","text":"{{name}}","example":{"header_handle":["4::aW1h"]}},
						 {"type":"BODY","text":"No parameters"}]""", POSITIONAL, "HEADER(IMAGE)[] BODY[]"),
				arguments("video header", null, """
						[{"type":"HEADER","format":"VIDEO"},{"type":"BODY","text":"Hi {{1}}."}]""", POSITIONAL,
						"HEADER(VIDEO)[] BODY[1]"),
				arguments("document header", null, """
						[{"type":"HEADER","format":"DOCUMENT"},{"type":"BODY","text":"Hi {{1}}."}]""", POSITIONAL,
						"HEADER(DOCUMENT)[] BODY[1]"),
				arguments("gif header", null, """
						[{"type":"HEADER","format":"GIF"},{"type":"BODY","text":"Hi {{1}}."}]""", POSITIONAL,
						"HEADER(GIF)[] BODY[1]"),
				arguments("location header", null, """
						[{"type":"HEADER","format":"LOCATION"},{"type":"BODY","text":"Here."}]""", POSITIONAL,
						"HEADER(LOCATION)[] BODY[]"),
				arguments("buttons: static URL, dynamic URL, copy code, OTP, flow, MPM, catalog", null,
						"""
								[{"type":"BODY","text":"Tap."},{"type":"BUTTONS","buttons":[
								  {"type":"URL","text":"Site","url":"https://x.example"},
								  {"type":"url","text":"Mine","url":"https://x.example/b/{{1}}"},
								  {"type":"COPY_CODE","example":"SAVE"},{"type":"OTP","otp_type":"COPY_CODE"},
								  {"type":"FLOW","text":"Go"},{"type":"MPM","text":"Items"},{"type":"CATALOG","text":"All"}]}]""",
						POSITIONAL,
						"BODY[] BUTTON0(URL)[] BUTTON1(URL)[1] BUTTON2(COPY_CODE)[] BUTTON3(OTP)[] BUTTON4(FLOW)[] "
								+ "BUTTON5(MPM)[] BUTTON6(CATALOG)[]"),
				// the gateway's fixtures (its former DeclaredParametersTests)
				arguments("gateway booking_reminder", "POSITIONAL",
						"""
								[{"type":"HEADER","format":"TEXT","text":"Booking reminder"},
								 {"type":"BODY","text":"Hi {{1}}, your tour {{2}} starts on {{3}} at {{4}}. Please arrive 15 minutes early.",
								  "example":{"body_text":[["Ann","Old Town Walk","12 May","10:00"]]}},
								 {"type":"FOOTER","text":"Acme Tours"},
								 {"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"Confirm"},{"type":"QUICK_REPLY","text":"Cancel"}]}]""",
						POSITIONAL, "HEADER(TEXT)[] BODY[1,2,3,4] BUTTON0(QUICK_REPLY)[] BUTTON1(QUICK_REPLY)[]"),
				arguments("gateway tour_ticket", "POSITIONAL",
						"""
								[{"type":"HEADER","format":"IMAGE","example":{"header_handle":["4::aW1hZ2UvanBlZw==:ARb"]}},
								 {"type":"BODY","text":"Hi {{1}}, here is your ticket for {{2}}.",
								  "example":{"body_text":[["Ann","Old Town Walk"]]}},
								 {"type":"FOOTER","text":"Show this ticket to your guide"},
								 {"type":"BUTTONS","buttons":[{"type":"URL","text":"View booking",
								  "url":"https://tours.example.com/bookings/{{1}}","example":["https://tours.example.com/bookings/B-1"]}]}]""",
						POSITIONAL, "HEADER(IMAGE)[] BODY[1,2] BUTTON0(URL)[1]"),
				arguments("gateway booking_confirmed", "NAMED", """
						[{"type":"BODY","text":"Hi {{first_name}}, booking {{booking_id}} is confirmed.",
						  "example":{"body_text_named_params":[{"param_name":"first_name","example":"Ann"},
						   {"param_name":"booking_id","example":"B-1"}]}}]""", NAMED, "BODY[first_name,booking_id]"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("templates")
	void declaresTheParametersASendFills(String description, @Nullable String parameterFormat, String components,
			ParameterFormat format, String declared) {
		DeclaredParameters parameters = DeclaredParameters.of(template(parameterFormat, components));

		assertThat(parameters.parameterFormat()).isEqualTo(format);
		assertThat(parameters.named()).isEqualTo(format == NAMED);
		assertThat(describe(parameters)).isEqualTo(declared);
	}

	/** Every template of Meta's samples; all are POSITIONAL, none declares a name. */
	static Map<String, String> samples() {
		Map<String, String> expected = new TreeMap<>();
		String lists = "spec_resp_get_message_templates.json#";
		expected.put(lists + "hello_world/en_US", "HEADER(TEXT)[] BODY[]");
		expected.put(lists + "2023_april_promo/en_US", "HEADER(TEXT)[] BODY[1,2] BUTTON0(QUICK_REPLY)[]");
		for (String file : List.of("bindambc_resp_get_message_templates_page.json#",
				"bindambc_resp_get_message_templates_paging_next.json#",
				"bindambc_resp_get_message_templates_with_paging.json#")) {
			expected.put(file + "welcome_template3/en_US", "HEADER(TEXT)[] BODY[1,2]");
		}
		for (String file : List.of("bindambc_resp_get_message_templates_page.json#",
				"bindambc_resp_get_message_templates_paging_next.json#")) {
			expected.put(file + "schedule_confirmation5/pt_BR",
					"HEADER(TEXT)[] BODY[1,2,3] BUTTON0(QUICK_REPLY)[] BUTTON1(QUICK_REPLY)[]");
		}
		String page = "bindambc_resp_get_message_templates_page.json#";
		expected.put(page + "schedule_confirmation3/pt_BR",
				"HEADER(TEXT)[] BODY[1,2,3] BUTTON0(QUICK_REPLY)[] BUTTON1(QUICK_REPLY)[] BUTTON2(QUICK_REPLY)[]");
		expected.put(page + "number_confirmation/pt_BR", "HEADER(TEXT)[] BODY[1]");
		expected.put(page + "welcome_template2/en_US", "HEADER(TEXT)[] BODY[1,2]");
		expected.put(page + "confirmacao_horario/pt_BR", "HEADER(TEXT)[] BODY[1,2,3] BUTTON0(URL)[]");
		expected.put(page + "hello_world/en_US", "HEADER(TEXT)[] BODY[]");
		String creations = TemplateSamples.CREATIONS + "#";
		for (String flow : List.of("by Flow JSON", "by ID", "by Name")) {
			expected.put(creations + "Create Flow Template Message " + flow, "BODY[] BUTTON0(FLOW)[]");
		}
		for (String otp : List.of("Create authentication template w/ OTP copy code button",
				"Create authentication template w/ OTP one-tap autofill button", "Create catalog template")) {
			expected.put(creations + otp, "BODY[] BUTTON0(OTP)[]");
		}
		expected.put(creations + "Create multi-product message template", "HEADER(TEXT)[1] BODY[1] BUTTON0(MPM)[]");
		expected.put(
				creations + "Create template w/ document header, text body, a phone number button, and a URL button",
				"HEADER(DOCUMENT)[] BODY[1,2] BUTTON0(PHONE_NUMBER)[] BUTTON1(URL)[]");
		expected.put(
				creations + "Create template w/ image header, text body, text footer, and 2 call-to-action buttons",
				"HEADER(IMAGE)[] BODY[1,2,3] BUTTON0(PHONE_NUMBER)[] BUTTON1(URL)[1]");
		expected.put(creations + "Create template w/ location header, text body, text footer, and a website buttons",
				"HEADER(LOCATION)[] BODY[1,2] BUTTON0(QUICK_REPLY)[]");
		expected.put(creations + "Create template w/ text header, text body, text footer, and 2 quick reply buttons",
				"HEADER(TEXT)[1] BODY[1,2,3] BUTTON0(QUICK_REPLY)[] BUTTON1(QUICK_REPLY)[]");
		return expected;
	}

	@Test
	void metasSamplesDeclareWhatTheirTextsSay() {
		Map<String, String> actual = TemplateSamples.all()
			.stream()
			.collect(
					Collectors
						.toMap(TemplateSamples.Sample::key,
								(sample) -> DeclaredParameters.of(sample.template()).parameterFormat() + " "
										+ describe(DeclaredParameters.of(sample.template())),
								(a, b) -> a, TreeMap::new));
		Map<String, String> expected = new TreeMap<>();
		samples().forEach((key, declared) -> expected.put(key, "POSITIONAL " + declared));
		// every sample is in the table, and the table names no sample that is gone
		assertThat(actual).containsExactlyEntriesOf(expected);
	}

	@Test
	void metasSamplesFollowThePlaceholderRules() {
		for (TemplateSamples.Sample sample : TemplateSamples.all()) {
			ParameterFormat format = DeclaredParameters.formatOf(sample.template());
			for (MessageTemplate.Component component : sample.template().componentsOrEmpty()) {
				assertThat(Placeholders.problem(Placeholders.names(component.text()), format))
					.as(sample + " " + component.type())
					.isNull();
			}
		}
	}

	static Stream<Arguments> placeholderRules() {
		return Stream.of(arguments(POSITIONAL, "Hi {{1}}, see {{2}}.", null),
				arguments(POSITIONAL, "Total {{2}} for {{1}}.", null),
				arguments(POSITIONAL, "Hi {{2}}.",
						"POSITIONAL parameters must be sequential from {{1}} to {{1}}, found [2]"),
				arguments(POSITIONAL, "Hi {{1}}, {{01}}.",
						"POSITIONAL parameters must be sequential from {{1}} to {{2}}, found [01, 1]"),
				arguments(POSITIONAL, "Hi {{1}} and {{name}}.",
						"POSITIONAL parameters must be numbers {{1}}, {{2}}, ..."),
				arguments(NAMED, "Hi {{first_name}}, {{item_2}}.", null),
				arguments(NAMED, "Hi {{ first_name }}.", null),
				arguments(NAMED, "Hi {{First1}}.",
						"NAMED parameters must be lower-case letters, digits and underscores (not only digits), "
								+ "not [First1]"),
				arguments(NAMED, "Hi {{1}} and {{name}}.",
						"NAMED parameters must be lower-case letters, digits and underscores (not only digits), "
								+ "not [1]"),
				arguments(NAMED, "No variables.", null),
				arguments(POSITIONAL, "Braces { {1} } or {{}} are text.", null));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("placeholderRules")
	void placeholdersFollowMetasRulesPerFormat(ParameterFormat format, String text, @Nullable String problem) {
		assertThat(Placeholders.problem(Placeholders.names(text), format)).isEqualTo(problem);
	}

	@Test
	void whatCountsAsAPlaceholder() {
		assertThat(Placeholders.names("Hi {{ first_name }}, {{first_name}} again, {{2}}, {{First}}, {{a-b}}, {{}}"))
			.containsExactly("first_name", "2", "First");
		assertThat(Placeholders.isPositional("1")).isTrue();
		assertThat(Placeholders.isPositional("1000")).isTrue();
		assertThat(Placeholders.isPositional("1a")).isFalse();
		assertThat(Placeholders.isNamed("first_name")).isTrue();
		assertThat(Placeholders.isNamed("2nd_try")).isTrue();
		assertThat(Placeholders.isNamed("12")).isFalse();
		assertThat(Placeholders.isNamed("First")).isFalse();
	}

	@Test
	void accessorsByComponent() {
		DeclaredParameters declared = DeclaredParameters.of(template("NAMED", """
				[{"type":"HEADER","format":"TEXT","text":"Hi {{city}}"},{"type":"BODY","text":"{{a}} and {{b}}."},
				 {"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"Ok"}]}]"""));

		assertThat(declared.headerVariables()).containsExactly("city");
		assertThat(declared.bodyVariables()).containsExactly("a", "b");
		assertThat(declared.bodyCount()).isEqualTo(2);
		assertThat(declared.buttons())
			.containsExactly(new ComponentParameters("BUTTON", 0, null, "QUICK_REPLY", List.of()));
		assertThat(DeclaredParameters.of(template(null, "[]")).body()).isNull();
	}

	@Test
	void serializesWithoutEmptyFields() {
		DeclaredParameters declared = DeclaredParameters.of(template(null, """
				[{"type":"HEADER","format":"IMAGE"},{"type":"BODY","text":"Hi {{1}}!"},
				 {"type":"BUTTONS","buttons":[{"type":"URL","text":"Go","url":"https://x.example/{{1}}"}]}]"""));

		assertThat(Json.mapper().writeValueAsString(declared))
			.isEqualTo("{\"parameterFormat\":\"POSITIONAL\",\"components\":["
					+ "{\"component\":\"HEADER\",\"format\":\"IMAGE\",\"parameters\":[]},"
					+ "{\"component\":\"BODY\",\"parameters\":[\"1\"]},"
					+ "{\"component\":\"BUTTON\",\"index\":0,\"buttonType\":\"URL\",\"parameters\":[\"1\"]}]}");
	}

	static MessageTemplate template(@Nullable String parameterFormat, String components) {
		String format = (parameterFormat != null) ? ",\"parameter_format\":\"" + parameterFormat + "\"" : "";
		return Json.mapper()
			.readValue("{\"name\":\"t\",\"language\":\"en\",\"status\":\"APPROVED\"" + format + ",\"components\":"
					+ components + "}", MessageTemplate.class);
	}

	static String describe(DeclaredParameters declared) {
		return declared.components().stream().map(DeclaredParametersTests::describe).collect(Collectors.joining(" "));
	}

	private static String describe(ComponentParameters component) {
		String what = switch (component.component()) {
			case "HEADER" -> "HEADER(" + component.format() + ")";
			case "BUTTON" -> "BUTTON" + component.index() + "(" + component.buttonType() + ")";
			default -> component.component();
		};
		return what + "[" + String.join(",", component.parameters()) + "]";
	}

}
