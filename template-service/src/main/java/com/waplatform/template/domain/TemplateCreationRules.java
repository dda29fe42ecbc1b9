package com.waplatform.template.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.waplatform.common.template.ParameterFormat;
import com.waplatform.common.template.Placeholders;
import com.waplatform.common.template.TextLimits;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Meta's naming and component rules for a new template, checked before Meta is called so
 * the operator gets every problem at once instead of one rejection at a time. Rules taken
 * from Meta's template documentation and its rejection messages; those we could not
 * confirm at Meta are marked UNCONFIRMED (they follow SDKs and vendor documentation).
 * <p>
 * What a placeholder is, which ones each parameter format accepts and the text limits
 * (counted in code points) are common-model's, the rules every service applies:
 * {@link Placeholders}, {@link ParameterFormat}, {@link TextLimits}. What is only a
 * creation rule stays here: names, categories, component and button types and counts,
 * examples, where a body's parameters may stand.
 */
public final class TemplateCreationRules {

	static final Pattern NAME = Pattern.compile("^[a-z0-9_]{1," + TextLimits.TEMPLATE_NAME + "}$");

	static final Set<String> CATEGORIES = Set.of("MARKETING", "UTILITY", "AUTHENTICATION");

	static final Set<String> COMPONENT_TYPES = Set.of("HEADER", "BODY", "FOOTER", "BUTTONS", "CAROUSEL",
			"LIMITED_TIME_OFFER");

	static final Set<String> HEADER_FORMATS = Set.of("TEXT", "IMAGE", "VIDEO", "GIF", "DOCUMENT", "LOCATION",
			"PRODUCT");

	/** Media headers need a sample handle ({@code example.header_handle}). */
	static final Set<String> MEDIA_FORMATS = Set.of("IMAGE", "VIDEO", "GIF", "DOCUMENT");

	static final Set<String> BUTTON_TYPES = Set.of("QUICK_REPLY", "URL", "PHONE_NUMBER", "OTP", "COPY_CODE", "FLOW",
			"MPM", "CATALOG", "SPM", "VOICE_CALL");

	/** Per-type maximum number of buttons (Meta: 2 URL, 1 phone number, 10 in all). */
	static final Map<String, Integer> BUTTON_LIMITS = Map.of("URL", 2, "PHONE_NUMBER", 1, "QUICK_REPLY", 10,
			"COPY_CODE", 1, "OTP", 1, "FLOW", 1, "VOICE_CALL", 1);

	static final int MAX_BUTTONS = 10;

	private static final Pattern ADJACENT = Pattern.compile("}}\\s*\\{\\{");

	private TemplateCreationRules() {
	}

	/** Every violation of the template; empty when Meta can be asked to create it. */
	public static List<Violation> check(NewTemplate template) {
		List<Violation> violations = new ArrayList<>();
		if (blank(template.wabaId())) {
			violations.add(new Violation("wabaId", "is required"));
		}
		if (template.name() == null || !NAME.matcher(template.name()).matches()) {
			violations.add(new Violation("name", "must be 1 to " + TextLimits.TEMPLATE_NAME
					+ " lower-case letters, digits and underscores (" + NAME.pattern() + ")"));
		}
		if (blank(template.language())) {
			violations.add(new Violation("language", "is required (e.g. en_US)"));
		}
		String category = upper(template.category());
		if (category == null || !CATEGORIES.contains(category)) {
			violations.add(new Violation("category", "must be MARKETING, UTILITY or AUTHENTICATION"));
		}
		// Meta's default at creation is POSITIONAL
		ParameterFormat format = (template.parameterFormat() != null)
				? ParameterFormat.parse(template.parameterFormat()) : ParameterFormat.POSITIONAL;
		if (format == null) {
			violations.add(new Violation("parameterFormat", "must be POSITIONAL or NAMED"));
			format = ParameterFormat.POSITIONAL;
		}
		components(template.componentsOrEmpty(), "AUTHENTICATION".equals(category), format, violations);
		return List.copyOf(violations);
	}

	private static void components(List<JsonNode> components, boolean authentication, ParameterFormat format,
			List<Violation> violations) {
		if (components.isEmpty()) {
			violations.add(new Violation("components", "must contain a BODY"));
			return;
		}
		Map<String, Integer> counts = new HashMap<>();
		for (int i = 0; i < components.size(); i++) {
			JsonNode component = components.get(i);
			String at = "components[" + i + "]";
			String type = upper(text(component, "type"));
			if (type == null || !COMPONENT_TYPES.contains(type)) {
				violations.add(new Violation(at + ".type", "must be HEADER, BODY, FOOTER or BUTTONS"));
				continue;
			}
			counts.merge(type, 1, Integer::sum);
			switch (type) {
				case "HEADER" -> header(component, at, format, violations);
				case "BODY" -> body(component, at, authentication, format, violations);
				case "FOOTER" -> footer(component, at, authentication, violations);
				case "BUTTONS" -> buttons(component, at, violations);
				default -> {
					// CAROUSEL and LIMITED_TIME_OFFER are left to Meta
				}
			}
		}
		int bodies = counts.getOrDefault("BODY", 0);
		if (bodies != 1) {
			violations.add(new Violation("components", "must contain exactly one BODY, not " + bodies));
		}
		for (String single : List.of("HEADER", "FOOTER", "BUTTONS")) {
			if (counts.getOrDefault(single, 0) > 1) {
				violations.add(new Violation("components", "may contain at most one " + single));
			}
		}
	}

	private static void header(JsonNode header, String at, ParameterFormat format, List<Violation> violations) {
		String headerFormat = upper(text(header, "format"));
		if (headerFormat == null || !HEADER_FORMATS.contains(headerFormat)) {
			violations
				.add(new Violation(at + ".format", "must be TEXT, IMAGE, VIDEO, GIF, DOCUMENT, LOCATION or PRODUCT"));
			return;
		}
		JsonNode example = header.path("example");
		if ("TEXT".equals(headerFormat)) {
			String text = text(header, "text");
			if (blank(text)) {
				violations.add(new Violation(at + ".text", "is required for a TEXT header"));
				return;
			}
			tooLong(text, TextLimits.HEADER_TEXT, at + ".text", violations);
			List<String> names = Placeholders.names(text);
			if (names.size() > 1) {
				violations.add(new Violation(at + ".text", "may contain at most one parameter"));
			}
			placeholders(names, at + ".text", format, violations);
			if (!names.isEmpty()) {
				boolean hasExample = (format == ParameterFormat.NAMED)
						? example.path("header_text_named_params").size() >= names.size()
						: example.path("header_text").size() >= names.size();
				if (!hasExample) {
					violations.add(new Violation(at + ".example", (format == ParameterFormat.NAMED)
							? "needs header_text_named_params for every parameter" : "needs header_text"));
				}
			}
		}
		else if (MEDIA_FORMATS.contains(headerFormat) && example.path("header_handle").isEmpty()) {
			violations.add(new Violation(at + ".example", "needs header_handle (a sample of the " + headerFormat
					+ " uploaded with the resumable upload API)"));
		}
	}

	private static void body(JsonNode body, String at, boolean authentication, ParameterFormat format,
			List<Violation> violations) {
		String text = text(body, "text");
		if (blank(text)) {
			// authentication bodies are Meta's fixed text (add_security_recommendation)
			if (!authentication) {
				violations.add(new Violation(at + ".text", "is required"));
			}
			return;
		}
		tooLong(text, TextLimits.BODY_TEXT, at + ".text", violations);
		List<String> names = Placeholders.names(text);
		placeholders(names, at + ".text", format, violations);
		if (names.isEmpty()) {
			return;
		}
		String trimmed = text.strip();
		// Meta rejects bodies starting or ending with a parameter (UNCONFIRMED as a rule
		// at creation; observed as INVALID_FORMAT rejections)
		if (trimmed.startsWith("{{")) {
			violations.add(new Violation(at + ".text", "must not start with a parameter"));
		}
		if (trimmed.endsWith("}}")) {
			violations.add(new Violation(at + ".text", "must not end with a parameter"));
		}
		// Meta's rejection_info: "parameters placed next to each other (like {{1}}{{2}})
		// without text or punctuation between them"
		if (ADJACENT.matcher(text).find()) {
			violations.add(new Violation(at + ".text",
					"must not place parameters next to each other without text or punctuation between them"));
		}
		JsonNode example = body.path("example");
		if (format == ParameterFormat.NAMED) {
			List<String> exampleNames = new ArrayList<>();
			example.path("body_text_named_params").forEach((param) -> exampleNames.add(text(param, "param_name")));
			List<String> missing = names.stream().filter((name) -> !exampleNames.contains(name)).toList();
			if (!missing.isEmpty()) {
				violations.add(new Violation(at + ".example",
						"needs body_text_named_params with an example for " + String.join(", ", missing)));
			}
		}
		else if (example.path("body_text").path(0).size() != names.size()) {
			violations.add(new Violation(at + ".example",
					"needs body_text with one example value for each of the " + names.size() + " parameters"));
		}
	}

	private static void footer(JsonNode footer, String at, boolean authentication, List<Violation> violations) {
		String text = text(footer, "text");
		if (blank(text)) {
			// authentication footers carry code_expiration_minutes instead of text
			if (!authentication) {
				violations.add(new Violation(at + ".text", "is required"));
			}
			return;
		}
		tooLong(text, TextLimits.FOOTER_TEXT, at + ".text", violations);
		if (!Placeholders.names(text).isEmpty()) {
			violations.add(new Violation(at + ".text", "must not contain parameters"));
		}
	}

	private static void buttons(JsonNode component, String at, List<Violation> violations) {
		JsonNode buttons = component.path("buttons");
		if (!buttons.isArray() || buttons.isEmpty()) {
			violations.add(new Violation(at + ".buttons", "must list at least one button"));
			return;
		}
		if (buttons.size() > MAX_BUTTONS) {
			violations.add(new Violation(at + ".buttons", "may hold at most " + MAX_BUTTONS + " buttons"));
		}
		Map<String, Integer> perType = new HashMap<>();
		for (int i = 0; i < buttons.size(); i++) {
			JsonNode button = buttons.get(i);
			String where = at + ".buttons[" + i + "]";
			String type = upper(text(button, "type"));
			if (type == null || !BUTTON_TYPES.contains(type)) {
				violations.add(new Violation(where + ".type",
						"must be one of " + String.join(", ", BUTTON_TYPES.stream().sorted().toList())));
				continue;
			}
			perType.merge(type, 1, Integer::sum);
			String text = text(button, "text");
			if (blank(text) && !"OTP".equals(type)) {
				violations.add(new Violation(where + ".text", "is required"));
			}
			else if (text != null) {
				tooLong(text, TextLimits.BUTTON_TEXT, where + ".text", violations);
			}
			if ("URL".equals(type)) {
				url(button, where, violations);
			}
			if ("PHONE_NUMBER".equals(type)) {
				String phone = text(button, "phone_number");
				if (blank(phone) || !TextLimits.fits(phone, TextLimits.BUTTON_PHONE_NUMBER)) {
					violations.add(new Violation(where + ".phone_number",
							"is required, at most " + TextLimits.BUTTON_PHONE_NUMBER + " characters"));
				}
			}
			if ("COPY_CODE".equals(type) && button.path("example").isMissingNode()) {
				violations.add(new Violation(where + ".example", "needs the sample code"));
			}
		}
		perType.forEach((type, count) -> {
			Integer limit = BUTTON_LIMITS.get(type);
			if (limit != null && count > limit) {
				violations.add(new Violation(at + ".buttons", "may hold at most " + limit + " " + type + " button"
						+ ((limit > 1) ? "s" : "") + ", not " + count));
			}
		});
	}

	private static void url(JsonNode button, String where, List<Violation> violations) {
		String url = text(button, "url");
		if (blank(url)) {
			violations.add(new Violation(where + ".url", "is required"));
			return;
		}
		tooLong(url, TextLimits.BUTTON_URL, where + ".url", violations);
		List<String> names = Placeholders.names(url);
		if (names.isEmpty()) {
			return;
		}
		// a dynamic URL has one {{1}} suffix, at its end
		if (!names.equals(List.of("1")) || !url.strip().endsWith("}}")) {
			violations.add(new Violation(where + ".url", "may only end with the one parameter {{1}}"));
		}
		if (button.path("example").isEmpty()) {
			violations.add(new Violation(where + ".example", "needs an example of the full URL or its suffix"));
		}
	}

	/**
	 * Sequential {@code {{1}}..{{n}}} for POSITIONAL, valid names for NAMED
	 * (common-model's {@link Placeholders#problem}).
	 */
	private static void placeholders(List<String> names, String at, ParameterFormat format,
			List<Violation> violations) {
		String problem = Placeholders.problem(names, format);
		if (problem != null) {
			violations.add(new Violation(at, problem));
		}
	}

	/** Meta's limit in characters, counted in code points ({@link TextLimits#length}). */
	private static void tooLong(String text, int limit, String at, List<Violation> violations) {
		if (!TextLimits.fits(text, limit)) {
			violations.add(new Violation(at, "must be at most " + limit + " characters"));
		}
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() ? value.stringValue() : null;
	}

	private static @Nullable String upper(@Nullable String text) {
		return (text != null) ? text.toUpperCase(Locale.ROOT) : null;
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

}
