package com.waplatform.simulator.templates;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.waplatform.common.json.Json;
import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.meta.MessageTemplate.Button;
import com.waplatform.common.meta.MessageTemplate.Component;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A generated template catalog, as a big account has: {@code count} templates, the same
 * for the same count. Templates come in groups of five translations ({@code en},
 * {@code en_US}, {@code es}, {@code pt_BR}, {@code de}) sharing one name and structure;
 * the group number picks the category, positional or NAMED parameters, the header format
 * (none, TEXT with a parameter, IMAGE, VIDEO, DOCUMENT, LOCATION), the footer and the
 * buttons (none, QUICK_REPLY, static URL, dynamic URL + PHONE_NUMBER, COPY_CODE, FLOW,
 * CATALOG; OTP for AUTHENTICATION). Every 20 translations hold one PENDING, REJECTED,
 * PAUSED and DISABLED; the rest are APPROVED. {@code example} blocks are shaped as Meta
 * returns them.
 */
final class TemplateCatalog {

	static final List<String> LANGUAGES = List.of("en", "en_US", "es", "pt_BR", "de");

	static final List<@Nullable String> HEADER_FORMATS = Arrays.asList(null, "TEXT", "IMAGE", "VIDEO", "DOCUMENT",
			"LOCATION");

	private static final Map<String, List<String>> PHRASES = Map.of("en",
			List.of("Hello %s", "your reference is %s", "the total is %s", "see you on %s"), "en_US",
			List.of("Hi %s", "your reference is %s", "the total is %s", "see you on %s"), "es",
			List.of("Hola %s", "tu referencia es %s", "el total es %s", "nos vemos el %s"), "pt_BR",
			List.of("Olá %s", "sua referência é %s", "o total é %s", "até %s"), "de",
			List.of("Hallo %s", "deine Referenz ist %s", "der Betrag ist %s", "bis %s"));

	private static final List<String> NAMES = List.of("first_name", "reference", "total", "date");

	private static final List<String> EXAMPLES = List.of("Ana", "BK-1042", "$120.00", "June 1");

	private TemplateCatalog() {
	}

	static List<MessageTemplate> generate(int count) {
		List<MessageTemplate> templates = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			templates.add(template(i));
		}
		return List.copyOf(templates);
	}

	static MessageTemplate template(int index) {
		int group = index / LANGUAGES.size();
		String language = LANGUAGES.get(index % LANGUAGES.size());
		boolean authentication = group % 8 == 7;
		String category = authentication ? "AUTHENTICATION" : (group % 3 == 0) ? "MARKETING" : "UTILITY";
		boolean named = !authentication && group % 4 == 1;
		String name = String.format(Locale.ROOT, "catalog_%s_%03d", category.toLowerCase(Locale.ROOT), group);
		String status = status(index);
		List<Component> components = new ArrayList<>();
		if (authentication) {
			components
				.add(new Component("BODY", null, "*{{1}}* is your verification code.", bodyExample(false, 1), null));
			components.add(new Component("FOOTER", null, "This code expires in 10 minutes.", null, null));
			components.add(buttons(List.of(new Button("OTP", "Copy code", null, null, null))));
		}
		else {
			String headerFormat = HEADER_FORMATS.get(group % HEADER_FORMATS.size());
			if (headerFormat != null) {
				components.add(header(headerFormat, named));
			}
			int parameters = group % 4 + 1;
			components.add(new Component("BODY", null, body(language, named, parameters),
					bodyExample(named, parameters), null));
			if (group % 2 == 0) {
				components.add(new Component("FOOTER", null, "Reply STOP to opt out", null, null));
			}
			List<Button> buttons = buttonSet(group % 7);
			if (!buttons.isEmpty()) {
				components.add(buttons(buttons));
			}
		}
		return new MessageTemplate(null, name, language, status, category, named ? "NAMED" : "POSITIONAL",
				List.copyOf(components), null, "REJECTED".equals(status) ? "INVALID_FORMAT" : null, null);
	}

	private static String status(int index) {
		return switch (index % 20) {
			case 7 -> "PENDING";
			case 11 -> "REJECTED";
			case 13 -> "PAUSED";
			case 17 -> "DISABLED";
			default -> "APPROVED";
		};
	}

	private static Component header(String format, boolean named) {
		ObjectNode example = Json.mapper().createObjectNode();
		return switch (format) {
			case "TEXT" -> {
				if (named) {
					ObjectNode param = example.putArray("header_text_named_params").addObject();
					param.put("param_name", "trip");
					param.put("example", "Porto");
					yield new Component("HEADER", "TEXT", "Your trip to {{trip}}", example, null);
				}
				example.putArray("header_text").add("Porto");
				yield new Component("HEADER", "TEXT", "Your trip to {{1}}", example, null);
			}
			case "LOCATION" -> new Component("HEADER", "LOCATION", null, null, null);
			default -> {
				example.putArray("header_handle").add("4::" + format.toLowerCase(Locale.ROOT) + ":ARZcatalogExample");
				yield new Component("HEADER", format, null, example, null);
			}
		};
	}

	private static String body(String language, boolean named, int parameters) {
		List<String> phrases = PHRASES.get(language);
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < parameters; i++) {
			String placeholder = named ? "{{" + NAMES.get(i) + "}}" : "{{" + (i + 1) + "}}";
			parts.add(String.format(Locale.ROOT, phrases.get(i), placeholder));
		}
		return String.join(", ", parts) + ".";
	}

	private static JsonNode bodyExample(boolean named, int parameters) {
		ObjectNode example = Json.mapper().createObjectNode();
		if (named) {
			ArrayNode params = example.putArray("body_text_named_params");
			for (int i = 0; i < parameters; i++) {
				ObjectNode param = params.addObject();
				param.put("param_name", NAMES.get(i));
				param.put("example", EXAMPLES.get(i));
			}
		}
		else {
			ArrayNode values = example.putArray("body_text").addArray();
			for (int i = 0; i < parameters; i++) {
				values.add(EXAMPLES.get(i));
			}
		}
		return example;
	}

	private static List<Button> buttonSet(int set) {
		return switch (set) {
			case 1 -> List.of(new Button("QUICK_REPLY", "Yes", null, null, null),
					new Button("QUICK_REPLY", "No", null, null, null));
			case 2 -> List.of(new Button("URL", "Visit us", "https://example.com/catalog", null, null));
			case 3 -> List.of(
					new Button("URL", "Track", "https://example.com/track/{{1}}", null,
							Json.mapper().createArrayNode().add("https://example.com/track/BK-1042")),
					new Button("PHONE_NUMBER", "Call us", null, "+15550100000", null));
			case 4 -> List.of(new Button("COPY_CODE", "Copy offer code", null, null,
					Json.mapper().createArrayNode().add("SAVE20")));
			case 5 -> List.of(new Button("FLOW", "Book now", null, null, null));
			case 6 -> List.of(new Button("CATALOG", "View catalog", null, null, null));
			default -> List.of();
		};
	}

	private static Component buttons(List<Button> buttons) {
		return new Component("BUTTONS", null, null, null, buttons);
	}

}
