package com.waplatform.common.template;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.waplatform.common.meta.MetaMessage;
import com.waplatform.common.meta.MetaMessage.Component;
import org.jspecify.annotations.Nullable;

/**
 * The components of a template send, by role: the header, the body and the buttons by
 * {@code index}. Structural problems (unknown type, duplicates, a bad index) are reported
 * while grouping.
 */
record SentComponents(@Nullable Component header, @Nullable Component body, Map<Integer, Component> buttons) {

	static final String HEADER = "template.components[header]";

	static final String BODY = "template.components[body]";

	static SentComponents of(MetaMessage.Template send, Violations violations) {
		Component header = null;
		Component body = null;
		Map<Integer, Component> buttons = new TreeMap<>();
		List<Component> components = send.componentsOrEmpty();
		for (int i = 0; i < components.size(); i++) {
			Component component = components.get(i);
			String where = "template.components[" + i + "]";
			switch (TemplateShape.upper(component.type())) {
				case "HEADER" -> header = once(header, component, HEADER, violations);
				case "BODY" -> body = once(body, component, BODY, violations);
				case "BUTTON" -> {
					Integer index = index(component, where, violations);
					if (index != null && buttons.putIfAbsent(index, component) != null) {
						violations.add(button(index), TemplateViolation.COMPONENT_INVALID,
								"the button component with index " + index + " is given twice",
								TemplateViolation.META_INVALID_VALUE);
					}
				}
				default -> violations.add(where + ".type", TemplateViolation.COMPONENT_INVALID,
						"a template component's type is header, body or button, got '" + component.type() + "'",
						TemplateViolation.META_INVALID_VALUE);
			}
		}
		return new SentComponents(header, body, buttons);
	}

	static String button(int index) {
		return "template.components[button:" + index + "]";
	}

	private static Component once(@Nullable Component seen, Component component, String field, Violations violations) {
		if (seen != null) {
			violations.add(field, TemplateViolation.COMPONENT_INVALID,
					"the " + component.type() + " component is given twice", TemplateViolation.META_INVALID_VALUE);
			return seen;
		}
		return component;
	}

	private static @Nullable Integer index(Component component, String where, Violations violations) {
		if (component.index() == null) {
			violations.add(where + ".index", TemplateViolation.COMPONENT_INVALID,
					"a button component needs the index of the template's button (0, 1, ...)",
					TemplateViolation.META_REQUIRED_PARAMETER_MISSING);
			return null;
		}
		try {
			int index = Integer.parseInt(component.index().strip());
			if (index >= 0) {
				return index;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		violations.add(where + ".index", TemplateViolation.COMPONENT_INVALID,
				"a button index is a number from 0, got '" + component.index() + "'",
				TemplateViolation.META_INVALID_VALUE);
		return null;
	}

}
