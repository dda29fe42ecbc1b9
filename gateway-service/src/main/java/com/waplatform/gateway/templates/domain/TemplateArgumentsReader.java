package com.waplatform.gateway.templates.domain;

import com.waplatform.common.template.TemplateArguments;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.waplatform.common.json.Json;
import com.waplatform.common.meta.MetaMessage.Component;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code parameters} (a list or an object of strings, numbers or booleans) and
 * {@code components} (Meta's components) of a template send or preview. Shape errors are
 * <em>malformed</em> (400), unacceptable values <em>invalid</em> (422); both name the
 * field.
 */
public final class TemplateArgumentsReader {

	private static final String NAME_PATTERN = "[a-z0-9_]+";

	private TemplateArgumentsReader() {
	}

	/** Where the reader reports what is wrong. */
	public interface Sink {

		void malformed(String field, String message);

		void invalid(String field, String message);

	}

	/**
	 * @param prefix the path of the object holding the fields, e.g. {@code template.}
	 * @return the arguments, or null when something was reported
	 */
	public static @Nullable TemplateArguments read(@Nullable JsonNode parameters, @Nullable JsonNode components,
			String prefix, Sink sink) {
		Counting counting = new Counting(sink);
		List<Component> given = List.of();
		if (components != null && !components.isNull()) {
			given = components(components, prefix + "components", counting);
		}
		List<String> positional = null;
		Map<String, String> named = null;
		if (parameters != null && !parameters.isNull()) {
			String path = prefix + "parameters";
			if (parameters.isArray()) {
				positional = positional(parameters, path, counting);
			}
			else if (parameters.isObject()) {
				named = named(parameters, path, counting);
			}
			else {
				counting.malformed(path, "must be a list (positional) or an object (named)");
			}
			boolean bodyGiven = given.stream().anyMatch((c) -> "body".equals(c.type().toLowerCase(Locale.ROOT)));
			if (bodyGiven) {
				counting.invalid(path, "the body is given by parameters: don't send a body component too "
						+ "(use components only for headers and buttons, or give all components without parameters)");
			}
		}
		return counting.reported ? null : new TemplateArguments(positional, named, given);
	}

	private static List<Component> components(JsonNode node, String path, Sink sink) {
		if (!node.isArray()) {
			sink.malformed(path, "must be a list");
			return List.of();
		}
		try {
			Component[] components = Json.mapper().treeToValue(node, Component[].class);
			for (int i = 0; i < components.length; i++) {
				if (components[i] == null || components[i].type() == null) {
					sink.invalid(path + "[" + i + "].type", "is required (header, body or button)");
				}
			}
			return Arrays.asList(components);
		}
		catch (JacksonException ex) {
			sink.malformed(path + JsonPath.of(ex), "has the wrong JSON type or is missing a required field");
			return List.of();
		}
	}

	private static List<String> positional(JsonNode parameters, String path, Sink sink) {
		List<String> values = new ArrayList<>();
		for (int i = 0; i < parameters.size(); i++) {
			String value = text(parameters.get(i), path + "[" + i + "]", sink);
			values.add((value != null) ? value : "");
		}
		return values;
	}

	private static Map<String, String> named(JsonNode parameters, String path, Sink sink) {
		Map<String, String> values = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : parameters.properties()) {
			String name = entry.getKey();
			String value = text(entry.getValue(), path + "." + name, sink);
			if (!name.matches(NAME_PATTERN)) {
				sink.invalid(path + "." + name, "a parameter name has only lowercase letters, digits and underscores");
			}
			else if (value != null) {
				values.put(name, value);
			}
		}
		return values;
	}

	private static @Nullable String text(JsonNode value, String path, Sink sink) {
		if (value.isString() || value.isNumber() || value.isBoolean()) {
			String text = value.asString();
			if (text.isBlank()) {
				sink.invalid(path, "must not be blank (Meta rejects empty parameters)");
				return null;
			}
			return text;
		}
		sink.malformed(path, "must be a string or a number");
		return null;
	}

	/** Remembers whether anything was reported. */
	private static final class Counting implements Sink {

		private final Sink delegate;

		private boolean reported;

		Counting(Sink delegate) {
			this.delegate = delegate;
		}

		@Override
		public void malformed(String field, String message) {
			this.reported = true;
			this.delegate.malformed(field, message);
		}

		@Override
		public void invalid(String field, String message) {
			this.reported = true;
			this.delegate.invalid(field, message);
		}

	}

	/**
	 * The path of a Jackson failure inside the converted node: {@code [0].parameters}.
	 */
	private static final class JsonPath {

		static String of(JacksonException ex) {
			StringBuilder path = new StringBuilder();
			for (JacksonException.Reference reference : ex.getPath()) {
				if (reference.getPropertyName() != null) {
					path.append('.').append(reference.getPropertyName());
				}
				else if (reference.getIndex() >= 0) {
					path.append('[').append(reference.getIndex()).append(']');
				}
			}
			return path.toString();
		}

	}

}
