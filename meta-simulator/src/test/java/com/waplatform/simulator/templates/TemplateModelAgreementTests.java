package com.waplatform.simulator.templates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.waplatform.common.json.Json;
import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.common.meta.MetaMessage.Component;
import com.waplatform.common.meta.MetaMessage.Parameter;
import com.waplatform.common.template.DeclaredParameters;
import com.waplatform.common.template.DeclaredParameters.ComponentParameters;
import com.waplatform.common.template.TemplateValidator;
import com.waplatform.common.template.TemplateViolation;
import com.waplatform.common.template.TextLimits;
import com.waplatform.simulator.Samples;
import com.waplatform.simulator.graph.GraphException;
import com.waplatform.simulator.templates.TemplateSignature.ButtonSlot;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The platform's template model (common-model's {@code DeclaredParameters},
 * {@code TemplateValidator}, {@code TextLimits}) and the simulator's own implementation
 * ({@link TemplateSignature}, {@link TemplateSendCheck}), which stays independent on
 * purpose (see {@code ArchitectureTests}), give the same answers for the same templates:
 * every template of the simulator's seeded and generated catalogs, every template of
 * Meta's samples (copied into {@code meta-samples/api}, see PROVENANCE.md) and a few
 * written here for what those lack. Same answers means: the format, the variables of the
 * header and body in parameter order, the buttons and which take a parameter; a send
 * built from those answers is accepted by both; and the length verdicts at each limit,
 * for plain text and for emoji (one code point, two UTF-16 units).
 * <p>
 * Only templates Meta can list are fed: the simulator models Meta, which refuses mixed or
 * invalid placeholders at creation, so those are covered by common-model's own table
 * ({@code DeclaredParametersTests}) alone.
 */
class TemplateModelAgreementTests {

	/**
	 * Every structure the generator makes: its group patterns (category, format, header,
	 * parameters, footer, buttons) repeat every 168 groups of five languages.
	 */
	private static final int CATALOG_SIZE = 168 * TemplateCatalog.LANGUAGES.size();

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*\\}\\}");

	private static final List<String> FILLERS = List.of("x", "\uD83D\uDE00");

	private static final List<String> LISTS = List.of("spec_resp_get_message_templates.json",
			"bindambc_resp_get_message_templates_page.json", "bindambc_resp_get_message_templates_paging_next.json",
			"bindambc_resp_get_message_templates_with_paging.json");

	static Stream<Arguments> templates() {
		List<Arguments> templates = new ArrayList<>();
		SeedTemplates.load().forEach((template) -> templates.add(arguments("seed " + template.name(), template)));
		TemplateCatalog.generate(CATALOG_SIZE)
			.forEach((template) -> templates
				.add(arguments("catalog " + template.name() + "/" + template.language(), template)));
		for (String file : LISTS) {
			for (JsonNode template : Samples.json("api/" + file).path("data")) {
				MessageTemplate parsed = read(template);
				templates.add(arguments(file + " " + parsed.name() + "/" + parsed.language(), parsed));
			}
		}
		Samples.json("api/spec_req_create_template_examples.json")
			.properties()
			.forEach((example) -> templates.add(arguments("spec_req_create_template_examples " + example.getKey(),
					read(example.getValue().path("value")))));
		written()
			.forEach((name, json) -> templates.add(arguments("written " + name, read(Json.mapper().readTree(json)))));
		return templates.stream();
	}

	/** What the samples and catalogs lack, as Meta would list it. */
	private static Map<String, String> written() {
		return Map.of("positional numbers out of text order", """
				{"name":"out_of_order","language":"en","parameter_format":"POSITIONAL","components":[
				 {"type":"HEADER","format":"TEXT","text":"For {{1}}"},
				 {"type":"BODY","text":"Total {{2}} for {{1}}, due {{3}}. Thanks, {{1}}."}]}""",
				"spaces inside the braces, no parameter_format", """
						{"name":"spaced","language":"en","components":[
						 {"type":"BODY","text":"Hi {{ 1 }}, see {{2 }} at {{ 3}}."},{"type":"FOOTER","text":"Bye"}]}""",
				"named header, body and URL button", """
						{"name":"named_all","language":"en","parameter_format":"NAMED","components":[
						 {"type":"HEADER","format":"TEXT","text":"Trip to {{city}}",
						  "example":{"header_text_named_params":[{"param_name":"city","example":"Porto"}]}},
						 {"type":"BODY","text":"Hi {{first_name}}, your {{item2}} is ready, {{first_name}}.",
						  "example":{"body_text_named_params":[{"param_name":"first_name","example":"Ana"},
						   {"param_name":"item2","example":"ticket"}]}},
						 {"type":"BUTTONS","buttons":[{"type":"URL","text":"Open","url":"https://x.example/t/{{1}}",
						  "example":["https://x.example/t/A1"]},{"type":"QUICK_REPLY","text":"Stop"}]}]}""",
				"body only, emoji in the text", """
						{"name":"body_only_emoji","language":"en","parameter_format":"POSITIONAL","components":[
						 {"type":"BODY","text":"\uD83C\uDF89 Hi {{1}}, \uD83D\uDE00 {{2}}"}]}""",
				"video header, copy code and two URL buttons", """
						{"name":"video_copy","language":"en","parameter_format":"POSITIONAL","components":[
						 {"type":"HEADER","format":"VIDEO"},{"type":"BODY","text":"Hi {{1}}."},
						 {"type":"BUTTONS","buttons":[{"type":"COPY_CODE","example":"SAVE"},
						  {"type":"URL","text":"Site","url":"https://x.example"},
						  {"type":"URL","text":"Mine","url":"https://x.example/b/{{1}}"}]}]}""");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("templates")
	void bothDeclareTheSameParameters(String description, MessageTemplate template) {
		DeclaredParameters ours = DeclaredParameters.of(template);
		TemplateSignature simulator = TemplateSignature.of(template);

		assertThat(ours.named()).as("NAMED").isEqualTo(simulator.named());
		ComponentParameters header = ours.header();
		assertThat((header != null) ? header.format() : null).as("header format").isEqualTo(simulator.headerFormat());
		if (header != null && "TEXT".equals(header.format())) {
			assertThat(ours.headerVariables()).as("header variables").isEqualTo(simulator.header());
		}
		assertThat(ours.bodyVariables()).as("body variables").isEqualTo(simulator.body());
		assertThat(ours.buttons()).extracting(ComponentParameters::buttonType)
			.as("buttons")
			.isEqualTo(simulator.buttons().stream().map(ButtonSlot::type).toList());
		for (int i = 0; i < simulator.buttons().size(); i++) {
			if ("URL".equals(simulator.buttons().get(i).type())) {
				assertThat(!ours.buttons().get(i).parameters().isEmpty()).as("button %d takes a URL suffix", i)
					.isEqualTo(simulator.buttons().get(i).requiresParameter());
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("templates")
	void bothAcceptASendBuiltFromTheDeclaredParameters(String description, MessageTemplate template) {
		MessageTemplate approved = approved(template);
		MetaMessage.Template send = send(approved, "BODY", Map.of());

		assertThat(TemplateValidator.validate(approved, send)).as("ours").isEmpty();
		assertThat(simulatorVerdict(approved, send)).as("simulator").isNull();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("templates")
	void bothGiveTheSameLengthVerdicts(String description, MessageTemplate template) {
		MessageTemplate approved = approved(template);
		DeclaredParameters declared = DeclaredParameters.of(approved);
		boolean bodyOnly = approved.componentsOrEmpty()
			.stream()
			.allMatch((component) -> "BODY".equalsIgnoreCase(component.type()));
		if (!declared.bodyVariables().isEmpty()) {
			verdicts(approved, "BODY", usedOnce(approved, "BODY", declared.bodyVariables()),
					TextLimits.hydratedBody(bodyOnly));
		}
		if (!declared.headerVariables().isEmpty()) {
			verdicts(approved, "HEADER", usedOnce(approved, "HEADER", declared.headerVariables()),
					TextLimits.HEADER_TEXT);
		}
	}

	/**
	 * Pads one variable so that the component, filled in, is exactly at its limit and one
	 * over, in plain text and in emoji; both must accept the first and refuse the second
	 * with 132005.
	 */
	private static void verdicts(MessageTemplate template, String component, String variable, int limit) {
		int others = length(filled(text(template, component), values(template, component, Map.of(variable, ""))));
		for (String filler : FILLERS) {
			for (int target : List.of(limit, limit + 1)) {
				String padding = filler.repeat(target - others);
				MetaMessage.Template send = send(template, component, Map.of(variable, padding));
				List<String> ours = TemplateValidator.validate(template, send)
					.stream()
					.map(TemplateViolation::code)
					.distinct()
					.toList();
				String what = component + " of " + target + " '" + filler + "' characters (limit " + limit + ")";
				if (target <= limit) {
					assertThat(ours).as("ours, " + what).isEmpty();
					assertThat(simulatorVerdict(template, send)).as("simulator, " + what).isNull();
				}
				else {
					assertThat(ours).as("ours, " + what).containsExactly(TemplateViolation.TEXT_TOO_LONG);
					assertThat(simulatorVerdict(template, send)).as("simulator, " + what).isEqualTo(132005);
				}
			}
		}
	}

	/** A variable that stands once in the component's text, to pad to an exact length. */
	private static String usedOnce(MessageTemplate template, String component, List<String> variables) {
		String text = text(template, component);
		for (String variable : variables) {
			Matcher matcher = PLACEHOLDER.matcher((text != null) ? text : "");
			int uses = 0;
			while (matcher.find()) {
				uses += variable.equals(matcher.group(1)) ? 1 : 0;
			}
			if (uses == 1) {
				return variable;
			}
		}
		throw new IllegalStateException("every variable of the " + component + " is used twice or more");
	}

	/** Null when the simulator accepts the send, else Meta's error code it answers. */
	private static @Nullable Integer simulatorVerdict(MessageTemplate template, MetaMessage.Template send) {
		try {
			TemplateSendCheck.render(template, send);
			return null;
		}
		catch (GraphException ex) {
			return ex.code();
		}
	}

	/**
	 * A send filling every declared variable (short values unless {@code overrides} says
	 * otherwise for the variables of {@code component}, HEADER or BODY), the media of a
	 * media header and every button that needs a parameter.
	 */
	private static MetaMessage.Template send(MessageTemplate template, String component,
			Map<String, String> overrides) {
		DeclaredParameters declared = DeclaredParameters.of(template);
		List<Component> components = new ArrayList<>();
		ComponentParameters header = declared.header();
		if (header != null && "TEXT".equals(header.format())) {
			if (!header.parameters().isEmpty()) {
				components.add(new Component("header", null, null,
						parameters(declared, header.parameters(), values(template, "HEADER", component, overrides))));
			}
		}
		else if (header != null) {
			components.add(new Component("header", null, null, List.of(media(header.format()))));
		}
		if (!declared.bodyVariables().isEmpty()) {
			components.add(new Component("body", null, null,
					parameters(declared, declared.bodyVariables(), values(template, "BODY", component, overrides))));
		}
		for (ComponentParameters button : declared.buttons()) {
			Component buttonComponent = button(button);
			if (buttonComponent != null) {
				components.add(buttonComponent);
			}
		}
		return new MetaMessage.Template(template.name(), MetaMessage.Language.of(template.language()),
				List.copyOf(components));
	}

	private static List<Parameter> parameters(DeclaredParameters declared, List<String> variables,
			Map<String, String> values) {
		return variables.stream()
			.map((variable) -> declared.named() ? Parameter.namedText(variable, values.get(variable))
					: Parameter.text(values.get(variable)))
			.toList();
	}

	/**
	 * A short value per variable of {@code component} ({@code v_<name>}), with the
	 * overrides (positional header and body variables share their names, not their
	 * values).
	 */
	private static Map<String, String> values(MessageTemplate template, String component, String overridden,
			Map<String, String> overrides) {
		Map<String, String> values = new HashMap<>();
		DeclaredParameters declared = DeclaredParameters.of(template);
		("HEADER".equals(component) ? declared.headerVariables() : declared.bodyVariables())
			.forEach((variable) -> values.put(variable, "v_" + variable));
		if (component.equals(overridden)) {
			values.putAll(overrides);
		}
		return values;
	}

	private static Map<String, String> values(MessageTemplate template, String component,
			Map<String, String> overrides) {
		return values(template, component, component, overrides);
	}

	private static Parameter media(String format) {
		return switch (format) {
			case "IMAGE" -> Parameter.image(new MetaMessage.Media(null, "https://x.example/a.jpg", null, null));
			case "VIDEO" -> Parameter.video(new MetaMessage.Media(null, "https://x.example/a.mp4", null, null));
			case "DOCUMENT" ->
				Parameter.document(new MetaMessage.Media(null, "https://x.example/a.pdf", null, "a.pdf"));
			case "LOCATION" -> Parameter.location(new MetaMessage.Location("38.7", "-9.1", "Lisbon", null));
			default -> throw new IllegalStateException("no sample parameter for a " + format + " header");
		};
	}

	/**
	 * The button's component when a send must (or, for a multi-product button, may) carry
	 * one.
	 */
	private static @Nullable Component button(ComponentParameters button) {
		String index = Integer.toString(button.index());
		return switch (button.buttonType()) {
			case "URL" -> button.parameters().isEmpty() ? null
					: new Component("button", "url", index, List.of(Parameter.text("suffix-1")));
			case "OTP" -> new Component("button", "url", index, List.of(Parameter.text("123456")));
			case "COPY_CODE" -> new Component("button", "copy_code", index, List.of(Parameter.couponCode("SAVE20")));
			case "MPM" -> new Component("button", "mpm", index,
					List.of(Parameter.action(Json.mapper()
						.readTree("{\"thumbnail_product_retailer_id\":\"sku-1\",\"sections\":[{\"title\":\"All\","
								+ "\"product_items\":[{\"product_retailer_id\":\"sku-1\"}]}]}"))));
			default -> null;
		};
	}

	private static @Nullable String text(MessageTemplate template, String type) {
		return template.componentsOrEmpty()
			.stream()
			.filter((component) -> type.equalsIgnoreCase(component.type()))
			.map(MessageTemplate.Component::text)
			.findFirst()
			.orElse(null);
	}

	/** The text with its placeholders replaced: this test's own, a third reading. */
	private static String filled(@Nullable String text, Map<String, String> values) {
		if (text == null) {
			return "";
		}
		Matcher matcher = PLACEHOLDER.matcher(text);
		StringBuilder filled = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(filled, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1), "")));
		}
		return matcher.appendTail(filled).toString();
	}

	private static int length(String text) {
		return text.codePointCount(0, text.length());
	}

	/** The template as sendable (status APPROVED); Meta's creation samples carry none. */
	private static MessageTemplate approved(MessageTemplate t) {
		return new MessageTemplate(t.id(), t.name(), t.language(), "APPROVED", t.category(), t.parameterFormat(),
				t.components(), t.qualityScore(), null, t.subCategory());
	}

	private static MessageTemplate read(JsonNode json) {
		MessageTemplate template = Json.mapper().treeToValue(json, MessageTemplate.class);
		// Meta's create-template examples name flow templates "<TEMPLATE_NAME>"
		return new MessageTemplate(template.id(), template.name().toLowerCase(Locale.ROOT), template.language(),
				(template.status() != null) ? template.status() : "APPROVED", template.category(),
				template.parameterFormat(), template.components(), template.qualityScore(), template.rejectedReason(),
				template.subCategory());
	}

}
