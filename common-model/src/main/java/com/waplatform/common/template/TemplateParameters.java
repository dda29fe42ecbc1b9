package com.waplatform.common.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.meta.MetaMessage.Component;
import com.waplatform.common.meta.MetaMessage.Parameter;

/**
 * Our API's shorthand for template variables, expanded into Meta components for a given
 * template: a list fills the body's positional variables {@code {{1}}..{{n}}}; a
 * name-to-value map fills named variables (header and body, sent with
 * {@code parameter_name}) or, for a positional template, the body variables by number
 * ({@code "1"}, {@code "2"}). Nothing is dropped or guessed: values that fit no variable
 * are still sent (named), so {@link TemplateValidator} reports them precisely. Media
 * headers and button parameters need explicit components.
 */
public final class TemplateParameters {

	private TemplateParameters() {
	}

	/** A body component with the values as positional text parameters. */
	public static List<Component> expand(MessageTemplate template, List<String> values) {
		List<Parameter> body = values.stream().map(Parameter::text).toList();
		return body.isEmpty() ? List.of() : List.of(component("body", body));
	}

	/** Header and body components for the named (or numbered) values. */
	public static List<Component> expand(MessageTemplate template, Map<String, String> values) {
		TemplateShape shape = TemplateShape.of(template);
		List<Parameter> header = new ArrayList<>();
		List<Parameter> body = new ArrayList<>();
		if (!shape.named() && isNumbered(values)) {
			new TreeMap<>(numbered(values)).values().forEach((value) -> body.add(Parameter.text(value)));
		}
		else {
			List<String> headerVariables = (shape.header() != null) ? shape.header().variables() : List.of();
			for (String name : headerVariables) {
				if (values.containsKey(name)) {
					header.add(Parameter.namedText(name, values.get(name)));
				}
			}
			for (String name : shape.bodyVariables()) {
				if (values.containsKey(name)) {
					body.add(Parameter.namedText(name, values.get(name)));
				}
			}
			new TreeMap<>(values).forEach((name, value) -> {
				if (!headerVariables.contains(name) && !shape.bodyVariables().contains(name)) {
					body.add(Parameter.namedText(name, value));
				}
			});
		}
		List<Component> components = new ArrayList<>();
		if (!header.isEmpty()) {
			components.add(component("header", header));
		}
		if (!body.isEmpty()) {
			components.add(component("body", body));
		}
		return List.copyOf(components);
	}

	/** Whether the keys are exactly 1..n, so they can be sent positionally. */
	private static boolean isNumbered(Map<String, String> values) {
		for (int i = 1; i <= values.size(); i++) {
			if (!values.containsKey(Integer.toString(i))) {
				return false;
			}
		}
		return true;
	}

	private static Map<Integer, String> numbered(Map<String, String> values) {
		Map<Integer, String> numbered = new TreeMap<>();
		values.forEach((name, value) -> numbered.put(Integer.parseInt(name), value));
		return numbered;
	}

	private static Component component(String type, List<Parameter> parameters) {
		return new Component(type, null, null, List.copyOf(parameters));
	}

}
