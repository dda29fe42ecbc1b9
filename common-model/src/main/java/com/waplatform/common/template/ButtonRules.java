package com.waplatform.common.template;

import java.util.List;
import java.util.Map;

import com.waplatform.common.meta.MetaMessage.Component;
import com.waplatform.common.meta.MetaMessage.Parameter;
import com.waplatform.common.template.TemplateShape.ButtonSlot;

/**
 * Checks the button components of a send against the template's buttons. A button
 * component carries one parameter: a {@code payload} for a quick reply (optional), the
 * {@code text} suffix of a dynamic URL button and the code of an OTP button (required,
 * {@code sub_type} url), a {@code coupon_code} for a copy-code button (required), an
 * {@code action} for flow and catalog (optional) and multi-product buttons (required).
 * Phone-number and static URL buttons take none. [META SPEC template examples;
 * META-API.md §a]
 */
final class ButtonRules {

	private ButtonRules() {
	}

	static void check(TemplateShape shape, Map<Integer, Component> sent, Violations violations) {
		for (ButtonSlot slot : shape.buttons()) {
			Component component = sent.get(slot.index());
			String field = SentComponents.button(slot.index());
			if (component == null) {
				if (slot.required()) {
					violations.add(field, TemplateViolation.COMPONENT_MISSING, slot.describe() + requirement(slot),
							TemplateViolation.META_PARAMETER_COUNT_MISMATCH);
				}
			}
			else if (slot.known()) {
				checkComponent(slot, component, field, violations);
			}
		}
		sent.keySet()
			.stream()
			.filter((index) -> index >= shape.buttons().size())
			.forEach((index) -> violations.add(SentComponents.button(index), TemplateViolation.COMPONENT_INVALID,
					"the template has " + shape.buttons().size() + " button(s) (index 0.."
							+ (shape.buttons().size() - 1) + "); there is no button " + index,
					TemplateViolation.META_PARAMETER_COUNT_MISMATCH));
	}

	private static String requirement(ButtonSlot slot) {
		String subType = slot.subType();
		String what = switch (slot.type()) {
			case "URL" -> " has a dynamic URL (" + slot.button().url() + "): send the text that replaces {{1}}";
			case "OTP" -> " needs the one-time code as a text parameter";
			case "COPY_CODE" -> " needs the code to copy as a coupon_code parameter";
			default -> " needs an action parameter";
		};
		return what + " in a button component with sub_type " + subType + " and index " + slot.index();
	}

	private static void checkComponent(ButtonSlot slot, Component component, String field, Violations violations) {
		if (component.subType() == null) {
			violations.add(field + ".sub_type", TemplateViolation.COMPONENT_INVALID,
					"a button component needs sub_type " + slot.subType() + " for the template's " + slot.describe(),
					TemplateViolation.META_REQUIRED_PARAMETER_MISSING);
		}
		else if (slot.subType() != null && !slot.subType().equalsIgnoreCase(component.subType())) {
			violations.add(
					field + ".sub_type", TemplateViolation.PARAMETER_TYPE, "the template's " + slot.describe()
							+ " is sent with sub_type " + slot.subType() + ", got '" + component.subType() + "'",
					TemplateViolation.META_FORMAT_MISMATCH);
		}
		List<Parameter> parameters = component.parametersOrEmpty();
		String type = slot.parameterType();
		if (type == null) {
			TemplateValidator.unexpected(field, "the template's " + slot.describe() + " takes no parameters",
					parameters, violations);
			return;
		}
		if (parameters.isEmpty()) {
			violations.add(field + ".parameters[0]", TemplateViolation.PARAMETER_MISSING,
					"the template's " + slot.describe() + " takes 1 '" + type + "' parameter, got none",
					TemplateViolation.META_PARAMETER_COUNT_MISMATCH);
			return;
		}
		TemplateValidator.unexpected(field, "the template's " + slot.describe() + " takes 1 parameter",
				parameters.subList(1, parameters.size()), 1, violations);
		Parameter parameter = parameters.get(0);
		if (!type.equals(parameter.type())) {
			violations.add(
					field + ".parameters[0].type", TemplateViolation.PARAMETER_TYPE, "the template's " + slot.describe()
							+ " takes a '" + type + "' parameter, got '" + parameter.type() + "'",
					TemplateViolation.META_FORMAT_MISMATCH);
			return;
		}
		ParameterValues.checkPresent(field + ".parameters[0]", parameter, violations);
	}

}
