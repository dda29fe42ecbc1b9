package com.waplatform.gateway.messages.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.waplatform.common.meta.MetaMessage.Component;
import com.waplatform.common.meta.MetaMessage.Parameter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Our shorthand for template variables, expanded into Meta's components: a list fills the
 * body's positional variables ({@code {{1}}}, {@code {{2}}}), a name-to-value object
 * fills named variables ({@code {{first_name}}}, sent with {@code parameter_name}).
 */
public final class TemplateParameters {

	private TemplateParameters() {
	}

	/**
	 * The body component carrying the parameters, or an empty list when there are none.
	 * Values must be strings, numbers or booleans (sent as text).
	 */
	static List<Component> expand(JsonNode parameters, Issues issues) {
		List<Parameter> body = new ArrayList<>();
		if (parameters.isArray()) {
			for (int i = 0; i < parameters.size(); i++) {
				String value = text(parameters.get(i), "template.parameters[" + i + "]", issues);
				if (value != null) {
					body.add(Parameter.text(value));
				}
			}
		}
		else if (parameters.isObject()) {
			for (Map.Entry<String, JsonNode> entry : parameters.properties()) {
				String name = entry.getKey();
				String value = text(entry.getValue(), "template.parameters." + name, issues);
				if (!name.matches("[a-z0-9_]+")) {
					issues.invalid("template.parameters." + name,
							"a parameter name has only lowercase letters, digits and underscores");
				}
				else if (value != null) {
					body.add(Parameter.namedText(name, value));
				}
			}
		}
		else if (!parameters.isNull()) {
			issues.malformed("template.parameters", "must be a list (positional) or an object (named)");
		}
		return body.isEmpty() ? List.of() : List.of(new Component("body", null, null, List.copyOf(body)));
	}

	private static @Nullable String text(JsonNode value, String path, Issues issues) {
		if (value.isString() || value.isNumber() || value.isBoolean()) {
			String text = value.asString();
			if (text.isBlank()) {
				issues.invalid(path, "must not be blank (Meta rejects empty parameters)");
				return null;
			}
			return text;
		}
		issues.malformed(path, "must be a string or a number");
		return null;
	}

}
