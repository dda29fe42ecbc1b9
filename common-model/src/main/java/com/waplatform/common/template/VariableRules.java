package com.waplatform.common.template;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.waplatform.common.meta.MetaMessage.Parameter;

/**
 * Checks the parameters that fill the variables of a text header or a body: their number
 * or names (132000), their types (132012), that they carry a value (131008) and their
 * length (132005).
 */
final class VariableRules {

	private VariableRules() {
	}

	/**
	 * @param component {@code header} or {@code body}
	 * @param field the component's field, e.g. {@code template.components[body]}
	 * @param types the parameter types the component accepts
	 * @param maxLength the longest text a parameter may have
	 */
	static void check(String component, String field, boolean named, List<String> variables, List<Parameter> parameters,
			Set<String> types, int maxLength, Violations violations) {
		if (named) {
			checkNames(component, field, variables, parameters, violations);
		}
		else {
			checkPositions(component, field, variables, parameters, violations);
		}
		for (int i = 0; i < parameters.size(); i++) {
			checkValue(component, field + ".parameters[" + i + "]", parameters.get(i), types, maxLength, violations);
		}
	}

	private static void checkPositions(String component, String field, List<String> variables,
			List<Parameter> parameters, Violations violations) {
		String expected = "expected " + variables.size() + " " + component + " parameter"
				+ ((variables.size() == 1) ? "" : "s") + " (" + Placeholders.describe(variables, false) + "), got "
				+ parameters.size();
		for (int i = 0; i < parameters.size(); i++) {
			String name = parameters.get(i).parameterName();
			if (name != null) {
				violations.add(field + ".parameters[" + i + "].parameter_name", TemplateViolation.PARAMETER_NAME,
						"the template's parameters are positional: parameter_name '" + name + "' must not be sent",
						TemplateViolation.META_PARAMETER_COUNT_MISMATCH);
			}
		}
		for (int i = parameters.size(); i < variables.size(); i++) {
			violations.add(field + ".parameters[" + i + "]", TemplateViolation.PARAMETER_MISSING,
					expected + ": " + Placeholders.braces(variables.get(i)) + " has no value",
					TemplateViolation.META_PARAMETER_COUNT_MISMATCH);
		}
		for (int i = variables.size(); i < parameters.size(); i++) {
			violations.add(field + ".parameters[" + i + "]", TemplateViolation.PARAMETER_UNEXPECTED,
					expected + ": there is no {{" + (i + 1) + "}} to fill",
					TemplateViolation.META_PARAMETER_COUNT_MISMATCH);
		}
	}

	private static void checkNames(String component, String field, List<String> variables, List<Parameter> parameters,
			Violations violations) {
		String expected = "the template's " + component + " has the named variables "
				+ Placeholders.describe(variables, true);
		Set<String> given = new HashSet<>();
		for (int i = 0; i < parameters.size(); i++) {
			String name = parameters.get(i).parameterName();
			String where = field + ".parameters[" + i + "]";
			if (name == null) {
				violations.add(where + ".parameter_name", TemplateViolation.PARAMETER_NAME,
						"the template's parameters are named: parameter_name is required (" + expected + ")",
						TemplateViolation.META_PARAMETER_COUNT_MISMATCH);
			}
			else if (!variables.contains(name)) {
				violations.add(where + ".parameter_name", TemplateViolation.PARAMETER_UNEXPECTED,
						"'" + name + "' is not a variable of the template: " + expected,
						TemplateViolation.META_PARAMETER_COUNT_MISMATCH);
			}
			else if (!given.add(name)) {
				violations.add(where + ".parameter_name", TemplateViolation.PARAMETER_NAME,
						"'" + name + "' is given twice", TemplateViolation.META_PARAMETER_COUNT_MISMATCH);
			}
		}
		List<String> missing = new ArrayList<>(variables);
		missing.removeAll(given);
		for (String name : missing) {
			violations.add(field + ".parameters[" + name + "]", TemplateViolation.PARAMETER_MISSING,
					expected + "; " + Placeholders.braces(name)
							+ " has no value (give a parameter with parameter_name '" + name + "')",
					TemplateViolation.META_PARAMETER_COUNT_MISMATCH);
		}
	}

	private static void checkValue(String component, String where, Parameter parameter, Set<String> types,
			int maxLength, Violations violations) {
		if (!types.contains(parameter.type())) {
			violations.add(
					where + ".type", TemplateViolation.PARAMETER_TYPE, component + " parameters are "
							+ String.join(", ", types.stream().sorted().toList()) + "; got '" + parameter.type() + "'",
					TemplateViolation.META_FORMAT_MISMATCH);
			return;
		}
		ParameterValues.checkPresent(where, parameter, violations);
		if ("text".equals(parameter.type()) && parameter.text() != null) {
			TextLimits.checkParameter(where + ".text", component, parameter.text(), maxLength, violations);
		}
	}

}
