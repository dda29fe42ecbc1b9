package com.waplatform.simulator.templates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.common.meta.MetaMessage.Component;
import com.waplatform.common.meta.MetaMessage.Parameter;
import com.waplatform.simulator.graph.GraphErrors;
import com.waplatform.simulator.graph.GraphException;
import com.waplatform.simulator.templates.TemplateSignature.ButtonSlot;
import org.jspecify.annotations.Nullable;

/**
 * Checks the parameters of a template send against the stored template as Meta does
 * (132000 on a count or name mismatch, 132012 on a header media mismatch) and renders the
 * body the customer would see.
 */
public final class TemplateSendCheck {

	private TemplateSendCheck() {
	}

	/**
	 * @return the rendered body text
	 * @throws GraphException Meta's error for the first problem found
	 */
	public static String check(MessageTemplate template, MetaMessage.Template sent) {
		TemplateSignature signature = TemplateSignature.of(template);
		List<Parameter> header = null;
		List<Parameter> body = null;
		Map<Integer, Component> buttons = new HashMap<>();
		List<Component> components = sent.componentsOrEmpty();
		for (int i = 0; i < components.size(); i++) {
			Component component = components.get(i);
			String where = "template.components[" + i + "]";
			String type = (component.type() != null) ? component.type().toLowerCase(Locale.ROOT) : "";
			switch (type) {
				case "header" -> header = once(header, component, where);
				case "body" -> body = once(body, component, where);
				case "button" -> buttons.put(buttonIndex(component, where, signature), component);
				default -> throw GraphErrors.invalidValue(where + ".type must be one of header, body, button");
			}
		}
		checkHeader(signature, (header != null) ? header : List.of());
		List<Parameter> bodyParameters = (body != null) ? body : List.of();
		checkTexts("body", signature.named(), signature.body(), bodyParameters);
		checkButtons(signature, buttons);
		return render(template, signature, bodyParameters);
	}

	private static List<Parameter> once(@Nullable List<Parameter> seen, Component component, String where) {
		if (seen != null) {
			throw GraphErrors.invalidValue(where + ": the " + component.type() + " component is given twice");
		}
		return component.parametersOrEmpty();
	}

	private static int buttonIndex(Component component, String where, TemplateSignature signature) {
		if (component.index() == null) {
			throw GraphErrors.missingParameter(where + ".index is required for button components");
		}
		int index;
		try {
			index = Integer.parseInt(component.index().strip());
		}
		catch (NumberFormatException ex) {
			throw GraphErrors.invalidValue(where + ".index must be a number, got '" + component.index() + "'");
		}
		if (index < 0 || index >= signature.buttons().size()) {
			throw GraphErrors.invalidValue(
					where + ".index " + index + ": the template has " + signature.buttons().size() + " button(s)");
		}
		return index;
	}

	private static void checkHeader(TemplateSignature signature, List<Parameter> parameters) {
		if (!signature.mediaHeader()) {
			checkTexts("header", signature.named(), signature.header(), parameters);
			return;
		}
		checkCount("header", parameters.size(), 1);
		String expected = signature.headerFormat().toLowerCase(Locale.ROOT);
		if (!expected.equals(parameters.get(0).type())) {
			throw GraphErrors.whatsapp(400, 132012, "Parameter format does not match format in the created template",
					"header: format mismatch, expected " + expected + ", received " + parameters.get(0).type());
		}
	}

	private static void checkTexts(String component, boolean named, List<String> expected, List<Parameter> parameters) {
		checkCount(component, parameters.size(), expected.size());
		for (int i = 0; i < parameters.size(); i++) {
			if ("text".equals(parameters.get(i).type()) && parameters.get(i).text() == null) {
				throw GraphErrors.missingParameter(component + ".parameters[" + i + "].text is required");
			}
		}
		if (!named) {
			return;
		}
		List<String> given = new ArrayList<>();
		for (Parameter parameter : parameters) {
			if (parameter.parameterName() == null) {
				throw GraphErrors.parameterCountMismatch(component
						+ ": parameter_name is required on every parameter of a template with named parameters");
			}
			given.add(parameter.parameterName());
		}
		if (!given.containsAll(expected) || !expected.containsAll(given)) {
			throw GraphErrors.parameterCountMismatch(component + ": parameter names " + given
					+ " do not match the template's named parameters " + expected);
		}
	}

	private static void checkButtons(TemplateSignature signature, Map<Integer, Component> buttons) {
		for (int index = 0; index < signature.buttons().size(); index++) {
			ButtonSlot slot = signature.buttons().get(index);
			Component sent = buttons.get(index);
			String where = "button at index " + index + " (" + slot.type() + ")";
			if (sent == null) {
				if (slot.requiresParameter()) {
					checkCount(where, 0, 1);
				}
				continue;
			}
			if (sent.subType() != null && !sent.subType().equalsIgnoreCase(slot.type())) {
				throw GraphErrors.invalidValue(where + ": sub_type " + sent.subType()
						+ " does not match the template's " + slot.type() + " button");
			}
			checkCount(where, sent.parametersOrEmpty().size(), slot.acceptsParameter() ? 1 : 0);
		}
	}

	private static void checkCount(String component, int given, int expected) {
		if (given != expected) {
			throw GraphErrors.parameterCountMismatch(component + ": number of localizable_params (" + given
					+ ") does not match the expected number of params (" + expected + ")");
		}
	}

	private static String render(MessageTemplate template, TemplateSignature signature, List<Parameter> body) {
		String text = template.componentsOrEmpty()
			.stream()
			.filter((component) -> "BODY".equalsIgnoreCase(component.type()))
			.map(MessageTemplate.Component::text)
			.filter((candidate) -> candidate != null)
			.findFirst()
			.orElse("");
		Map<String, String> values = new HashMap<>();
		for (int i = 0; i < body.size(); i++) {
			Parameter parameter = body.get(i);
			String name = signature.named() ? parameter.parameterName() : signature.body().get(i);
			values.put(name, value(parameter));
		}
		return Placeholders.fill(text, values);
	}

	private static String value(Parameter parameter) {
		if (parameter.text() != null) {
			return parameter.text();
		}
		if (parameter.currency() != null) {
			return parameter.currency().fallbackValue();
		}
		if (parameter.dateTime() != null) {
			return parameter.dateTime().fallbackValue();
		}
		return (parameter.payload() != null) ? parameter.payload() : "";
	}

}
