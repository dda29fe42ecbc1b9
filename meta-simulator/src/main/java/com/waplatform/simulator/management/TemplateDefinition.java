package com.waplatform.simulator.management;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.waplatform.common.json.Json;
import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.simulator.graph.GraphErrors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Checks a template creation body ({@code POST /{waba-id}/message_templates}) as Meta
 * does: name {@code ^[a-z0-9_]{1,512}$}, a known category, a language code, components
 * with a body (except AUTHENTICATION, whose body Meta writes).
 */
final class TemplateDefinition {

	static final Pattern NAME = Pattern.compile("^[a-z0-9_]{1,512}$");

	static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}(_[A-Z]{2,4})?$");

	static final Set<String> CATEGORIES = Set.of("MARKETING", "UTILITY", "AUTHENTICATION");

	private TemplateDefinition() {
	}

	/** The template to store (PENDING, category upper-cased). */
	static MessageTemplate parse(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw GraphErrors.invalidParameter("The request body must be a JSON object");
		}
		String name = text(body, "name");
		if (name == null || !NAME.matcher(name).matches()) {
			throw GraphErrors.invalidParameter(
					"name must be 1 to 512 lowercase letters, digits or underscores, got " + quoted(name));
		}
		String language = text(body, "language");
		if (language == null || !LANGUAGE.matcher(language).matches()) {
			throw GraphErrors
				.invalidParameter("language must be a language code such as en_US, got " + quoted(language));
		}
		String category = text(body, "category");
		if (category == null || !CATEGORIES.contains(category.toUpperCase(Locale.ROOT))) {
			throw GraphErrors.invalidParameter("category must be one of " + CATEGORIES + ", got " + quoted(category));
		}
		String upperCategory = category.toUpperCase(Locale.ROOT);
		String format = text(body, "parameter_format");
		if (format != null && !Set.of("NAMED", "POSITIONAL").contains(format.toUpperCase(Locale.ROOT))) {
			throw GraphErrors.invalidParameter("parameter_format must be NAMED or POSITIONAL");
		}
		JsonNode components = body.get("components");
		if (components == null || !components.isArray() || components.isEmpty()) {
			throw GraphErrors.invalidParameter("components is required");
		}
		MessageTemplate parsed;
		try {
			parsed = Json.mapper().treeToValue(body, MessageTemplate.class);
		}
		catch (JacksonException ex) {
			throw GraphErrors.invalidParameter("components: " + ex.getOriginalMessage());
		}
		boolean hasBody = parsed.componentsOrEmpty()
			.stream()
			.anyMatch((component) -> "BODY".equalsIgnoreCase(component.type())
					&& (component.text() != null || "AUTHENTICATION".equals(upperCategory)));
		if (!hasBody) {
			throw GraphErrors.invalidParameter("components must contain a BODY with text");
		}
		return new MessageTemplate(null, name, language, "PENDING", upperCategory,
				(format != null) ? format.toUpperCase(Locale.ROOT) : null, parsed.components(), null, null,
				parsed.subCategory());
	}

	private static @Nullable String text(JsonNode body, String field) {
		JsonNode value = body.get(field);
		return (value != null && value.isString()) ? value.stringValue() : null;
	}

	private static String quoted(@Nullable String value) {
		return (value != null) ? "'" + value + "'" : "nothing";
	}

}
