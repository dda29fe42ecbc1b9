package com.waplatform.template.domain;

import java.util.ArrayList;
import java.util.List;

import com.waplatform.common.json.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateCreationRulesTests {

	@Test
	void metasOwnExamplesPass() {
		JsonNode examples = Json.mapper()
			.readTree(getClass().getResourceAsStream("/meta/spec_req_create_template_examples.json"));
		List<String> names = new ArrayList<>();
		examples.properties().forEach((example) -> {
			JsonNode value = example.getValue().path("value");
			if (value.path("name").asString().startsWith("<")) {
				return; // placeholders for flow templates
			}
			names.add(value.path("name").asString());
			assertThat(TemplateCreationRules.check(template(value))).as(example.getKey()).isEmpty();
		});
		assertThat(names).contains("order_confirmation", "abandoned_cart", "authentication_code_copy_code_button");
	}

	@Test
	void namesCategoriesAndFormats() {
		assertThat(fields(check("Bad-Name", "UTILITY", null, body("Hi there")))).containsExactly("name");
		assertThat(fields(check("x".repeat(513), "UTILITY", null, body("Hi there")))).containsExactly("name");
		assertThat(fields(check("ok_1", "PROMOTION", null, body("Hi there")))).containsExactly("category");
		assertThat(fields(check("ok_1", "utility", "NUMBERED", body("Hi there")))).containsExactly("parameterFormat");
	}

	@Test
	void exactlyOneBodyAndAtMostOneOfTheOthers() {
		assertThat(messages(check("t", "UTILITY", null, "{\"type\":\"FOOTER\",\"text\":\"f\"}")))
			.contains("components: must contain exactly one BODY, not 0");
		assertThat(messages(check("t", "UTILITY", null, body("a"), body("b"))))
			.contains("components: must contain exactly one BODY, not 2");
		assertThat(messages(check("t", "UTILITY", null, body("a"), "{\"type\":\"FOOTER\",\"text\":\"f\"}",
				"{\"type\":\"FOOTER\",\"text\":\"g\"}")))
			.contains("components: may contain at most one FOOTER");
		assertThat(fields(check("t", "UTILITY", null, body("a"), "{\"type\":\"SIDEBAR\"}")))
			.containsExactly("components[1].type");
	}

	@Test
	void bodyLengthAndPositionalParameters() {
		assertThat(fields(check("t", "UTILITY", null, body("x".repeat(1025))))).containsExactly("components[0].text");
		// lengths are code points (common-model's TextLimits): 1,024 emoji are 2,048
		// UTF-16 units
		assertThat(check("t", "UTILITY", null, body("\uD83D\uDE00".repeat(1024)))).isEmpty();
		assertThat(fields(check("t", "UTILITY", null, body("\uD83D\uDE00".repeat(1025)))))
			.containsExactly("components[0].text");
		assertThat(check("t", "UTILITY", null,
				"{\"type\":\"BODY\",\"text\":\"Hi {{1}}, see {{2}} now\",\"example\":{\"body_text\":[[\"a\",\"b\"]]}}"))
			.isEmpty();
		assertThat(messages(check("t", "UTILITY", null,
				"{\"type\":\"BODY\",\"text\":\"Hi {{2}}, now\",\"example\":{\"body_text\":[[\"a\"]]}}")))
			.containsExactly(
					"components[0].text: POSITIONAL parameters must be sequential from {{1}} to {{1}}, found [2]");
		assertThat(messages(check("t", "UTILITY", null, "{\"type\":\"BODY\",\"text\":\"Hi {{1}} and {{2}}.\"}")))
			.containsExactly(
					"components[0].example: needs body_text with one example value for each of the 2 parameters");
		assertThat(messages(check("t", "UTILITY", null, "{\"type\":\"BODY\",\"text\":\"Hi {{name}}.\"}")))
			.contains("components[0].text: POSITIONAL parameters must be numbers {{1}}, {{2}}, ...");
	}

	@Test
	void parametersAtTheEdgesOrNextToEachOtherAreFlaggedAsMetaDoes() {
		String example = ",\"example\":{\"body_text\":[[\"a\",\"b\"]]}}";
		assertThat(messages(
				check("t", "UTILITY", null, "{\"type\":\"BODY\",\"text\":\"{{1}} is here, {{2}}!\"" + example)))
			.containsExactly("components[0].text: must not start with a parameter");
		assertThat(
				messages(check("t", "UTILITY", null, "{\"type\":\"BODY\",\"text\":\"Hi {{1}}, bye {{2}}\"" + example)))
			.containsExactly("components[0].text: must not end with a parameter");
		assertThat(
				messages(check("t", "UTILITY", null, "{\"type\":\"BODY\",\"text\":\"Hi {{1}} {{2}} there\"" + example)))
			.containsExactly("components[0].text: must not place parameters next to each other without text or "
					+ "punctuation between them");
	}

	@Test
	void namedParametersNeedLowerCaseNamesAndNamedExamples() {
		assertThat(check("t", "MARKETING", "NAMED", "{\"type\":\"BODY\",\"text\":\"Hi {{first_name}}, welcome.\","
				+ "\"example\":{\"body_text_named_params\":[{\"param_name\":\"first_name\",\"example\":\"Ana\"}]}}"))
			.isEmpty();
		assertThat(messages(check("t", "MARKETING", "NAMED",
				"{\"type\":\"BODY\",\"text\":\"Hi {{First1}}, welcome.\",\"example\":{\"body_text_named_params\":"
						+ "[{\"param_name\":\"First1\",\"example\":\"Ana\"}]}}")))
			.containsExactly("components[0].text: NAMED parameters must be lower-case letters, digits and underscores "
					+ "(not only digits), not [First1]");
		// digits inside a name are allowed (common-model's Placeholders)
		assertThat(check("t", "MARKETING", "NAMED",
				"{\"type\":\"BODY\",\"text\":\"Hi {{item2}}, welcome.\","
						+ "\"example\":{\"body_text_named_params\":[{\"param_name\":\"item2\",\"example\":\"A\"}]}}"))
			.isEmpty();
		assertThat(
				messages(check("t", "MARKETING", "NAMED", "{\"type\":\"BODY\",\"text\":\"Hi {{first_name}}, ok.\"}")))
			.containsExactly("components[0].example: needs body_text_named_params with an example for first_name");
	}

	@Test
	void headersFootersAndTheirExamples() {
		assertThat(fields(check("t", "UTILITY", null, "{\"type\":\"HEADER\",\"format\":\"AUDIO\"}", body("b"))))
			.containsExactly("components[0].format");
		assertThat(fields(check("t", "UTILITY", null, "{\"type\":\"HEADER\",\"format\":\"IMAGE\"}", body("b"))))
			.containsExactly("components[0].example");
		assertThat(fields(check("t", "UTILITY", null, "{\"type\":\"HEADER\",\"format\":\"TEXT\",\"text\":\"Hi {{1}}\"}",
				body("b"))))
			.containsExactly("components[0].example");
		assertThat(messages(
				check("t", "UTILITY", null, body("b"), "{\"type\":\"FOOTER\",\"text\":\"" + "f".repeat(61) + "\"}")))
			.containsExactly("components[1].text: must be at most 60 characters");
		assertThat(messages(check("t", "UTILITY", null, body("b"), "{\"type\":\"FOOTER\",\"text\":\"Code {{1}}\"}")))
			.containsExactly("components[1].text: must not contain parameters");
	}

	@Test
	void buttonsFollowMetasPerTypeLimits() {
		String url = "{\"type\":\"URL\",\"text\":\"Open\",\"url\":\"https://x.example\"}";
		String phone = "{\"type\":\"PHONE_NUMBER\",\"text\":\"Call\",\"phone_number\":\"15550100\"}";
		String reply = "{\"type\":\"QUICK_REPLY\",\"text\":\"Yes\"}";
		assertThat(check("t", "MARKETING", null, body("b"), buttons(url, url, phone, reply))).isEmpty();
		assertThat(messages(check("t", "MARKETING", null, body("b"), buttons(url, url, url))))
			.containsExactly("components[1].buttons: may hold at most 2 URL buttons, not 3");
		assertThat(messages(check("t", "MARKETING", null, body("b"), buttons(phone, phone))))
			.containsExactly("components[1].buttons: may hold at most 1 PHONE_NUMBER button, not 2");
		assertThat(messages(check("t", "MARKETING", null, body("b"),
				buttons(reply, reply, reply, reply, reply, reply, reply, reply, reply, reply, reply))))
			.contains("components[1].buttons: may hold at most 10 buttons",
					"components[1].buttons: may hold at most 10 QUICK_REPLY buttons, not 11");
		assertThat(messages(check("t", "MARKETING", null, body("b"),
				buttons("{\"type\":\"QUICK_REPLY\",\"text\":\"" + "y".repeat(26) + "\"}"))))
			.containsExactly("components[1].buttons[0].text: must be at most 25 characters");
		assertThat(fields(check("t", "MARKETING", null, body("b"),
				buttons("{\"type\":\"URL\",\"text\":\"Open\",\"url\":\"https://x.example/{{1}}\"}"))))
			.containsExactly("components[1].buttons[0].example");
	}

	@Test
	void reportsEveryViolationAtOnce() {
		assertThat(TemplateCreationRules.check(new NewTemplate(null, null, "Bad", null, null, null, null)))
			.extracting(Violation::field)
			.containsExactly("wabaId", "name", "language", "category", "components");
	}

	private static List<Violation> check(String name, String category, String format, String... components) {
		List<JsonNode> nodes = new ArrayList<>();
		for (String component : components) {
			nodes.add(Json.mapper().readTree(component));
		}
		return TemplateCreationRules.check(new NewTemplate("waba-1", null, name, "en_US", category, format, nodes));
	}

	private static NewTemplate template(JsonNode value) {
		List<JsonNode> components = new ArrayList<>();
		value.path("components").forEach(components::add);
		return new NewTemplate("waba-1", null, value.path("name").asString(), value.path("language").asString(),
				value.path("category").asString(), null, components);
	}

	private static String body(String text) {
		return "{\"type\":\"BODY\",\"text\":\"" + text + "\"}";
	}

	private static String buttons(String... buttons) {
		return "{\"type\":\"BUTTONS\",\"buttons\":[" + String.join(",", buttons) + "]}";
	}

	private static List<String> fields(List<Violation> violations) {
		return violations.stream().map(Violation::field).toList();
	}

	private static List<String> messages(List<Violation> violations) {
		return violations.stream().map((v) -> v.field() + ": " + v.message()).toList();
	}

}
