package com.waplatform.common.template;

import java.util.List;
import java.util.Set;

import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.common.meta.MetaMessage.Component;
import com.waplatform.common.meta.MetaMessage.Parameter;
import com.waplatform.common.template.TemplateShape.Header;
import org.jspecify.annotations.Nullable;

/**
 * Checks a template send against the template as Meta lists it, so a send Meta would
 * refuse is refused before it is queued, with every offending parameter named. The checks
 * and the Meta codes they prevent: status (132001, 132015, 132016), number and names of
 * parameters (132000), parameter types (132012), missing values (131008) and text lengths
 * (132005, see {@link TextLimits} for sources).
 *
 * <p>
 * Pure: no I/O. Find the template first with {@link TemplateCatalog}.
 */
public final class TemplateValidator {

	private static final Set<String> BODY_TYPES = Set.of("text", "currency", "date_time");

	private static final Set<String> HEADER_TEXT_TYPES = Set.of("text");

	private TemplateValidator() {
	}

	/** Every violation found; empty when Meta should accept the send. */
	public static List<TemplateViolation> validate(MessageTemplate template, MetaMessage.Template send) {
		Violations violations = new Violations();
		checkIdentity(template, send, violations);
		TemplateShape shape = TemplateShape.of(template);
		SentComponents sent = SentComponents.of(send, violations);
		checkHeader(shape, sent.header(), violations);
		checkBody(shape, sent.body(), violations);
		ButtonRules.check(shape, sent.buttons(), violations);
		checkHydrated(template, send, shape, violations);
		return violations.toList();
	}

	private static void checkIdentity(MessageTemplate template, MetaMessage.Template send, Violations violations) {
		if (!template.name().equals(send.name())) {
			violations.add("template.name", TemplateViolation.TEMPLATE_NOT_FOUND,
					"the send names template '" + send.name() + "' but is checked against '" + template.name() + "'",
					TemplateViolation.META_TEMPLATE_NOT_FOUND);
		}
		String language = (send.language() != null) ? send.language().code() : null;
		if (!template.language().equals(language)) {
			violations.add("template.language.code", TemplateViolation.TEMPLATE_NOT_FOUND,
					"template '" + template.name() + "' is checked in language '" + template.language()
							+ "' but the send asks for '" + language + "'; send language.code '" + template.language()
							+ "'",
					TemplateViolation.META_TEMPLATE_NOT_FOUND);
		}
		String status = TemplateShape.upper(template.status());
		String what = "template '" + template.name() + "' (" + template.language() + ") is " + status;
		switch (status) {
			case "APPROVED" -> {
			}
			case "PAUSED" -> violations.add("template", TemplateViolation.TEMPLATE_PAUSED,
					what + " (paused by Meta for low quality); it cannot be sent until it is unpaused",
					TemplateViolation.META_TEMPLATE_PAUSED);
			case "DISABLED" -> violations.add("template", TemplateViolation.TEMPLATE_DISABLED,
					what + "; it cannot be sent", TemplateViolation.META_TEMPLATE_DISABLED);
			default -> violations.add("template", TemplateViolation.TEMPLATE_NOT_APPROVED,
					what + "; only APPROVED templates can be sent", TemplateViolation.META_TEMPLATE_NOT_FOUND);
		}
	}

	private static void checkHeader(TemplateShape shape, @Nullable Component sent, Violations violations) {
		Header header = shape.header();
		List<Parameter> parameters = (sent != null) ? sent.parametersOrEmpty() : List.of();
		if (header == null) {
			unexpected(SentComponents.HEADER, "the template has no header", parameters, violations);
		}
		else if (header.isText()) {
			if (sent == null && !header.variables().isEmpty()) {
				missingComponent(SentComponents.HEADER, "header", header.variables(), shape.named(), violations);
				return;
			}
			VariableRules.check("header", SentComponents.HEADER, shape.named(), header.variables(), parameters,
					HEADER_TEXT_TYPES, TextLimits.HEADER_TEXT, violations);
		}
		else {
			checkMediaHeader(header, parameters, violations);
		}
	}

	private static void checkMediaHeader(Header header, List<Parameter> parameters, Violations violations) {
		String type = header.parameterType();
		String wanted = (type != null) ? "1 " + type + " parameter" : "1 parameter";
		if (parameters.isEmpty()) {
			violations.add(SentComponents.HEADER, TemplateViolation.COMPONENT_MISSING,
					"the template has a " + header.format() + " header: send a header component with " + wanted
							+ ("location".equals(type) ? "" : (type != null) ? " (link or id)" : ""),
					TemplateViolation.META_PARAMETER_COUNT_MISMATCH);
			return;
		}
		unexpected(SentComponents.HEADER, "a " + header.format() + " header takes " + wanted,
				parameters.subList(1, parameters.size()), 1, violations);
		Parameter parameter = parameters.get(0);
		String where = SentComponents.HEADER + ".parameters[0]";
		if (type != null && !type.equals(parameter.type())) {
			violations.add(
					where + ".type", TemplateViolation.PARAMETER_TYPE, "the template has a " + header.format()
							+ " header: expected a '" + type + "' parameter, got '" + parameter.type() + "'",
					TemplateViolation.META_FORMAT_MISMATCH);
			return;
		}
		ParameterValues.checkPresent(where, parameter, violations);
	}

	private static void checkBody(TemplateShape shape, @Nullable Component sent, Violations violations) {
		if (sent == null && !shape.bodyVariables().isEmpty()) {
			missingComponent(SentComponents.BODY, "body", shape.bodyVariables(), shape.named(), violations);
			return;
		}
		List<Parameter> parameters = (sent != null) ? sent.parametersOrEmpty() : List.of();
		VariableRules.check("body", SentComponents.BODY, shape.named(), shape.bodyVariables(), parameters, BODY_TYPES,
				TextLimits.hydratedBody(shape.bodyOnly()), violations);
	}

	private static void checkHydrated(MessageTemplate template, MetaMessage.Template send, TemplateShape shape,
			Violations violations) {
		// an over-long parameter is reported on the parameter, not again on the whole
		// text
		RenderedTemplate rendered = TemplateRenderer.render(template, send);
		if (rendered.header() != null && rendered.header().text() != null
				&& !violations.has(SentComponents.HEADER, TemplateViolation.TEXT_TOO_LONG)) {
			TextLimits.checkHydrated(SentComponents.HEADER, "header", rendered.header().text(), TextLimits.HEADER_TEXT,
					violations);
		}
		if (!violations.has(SentComponents.BODY, TemplateViolation.TEXT_TOO_LONG)) {
			TextLimits.checkHydrated(SentComponents.BODY, "body", rendered.body(),
					TextLimits.hydratedBody(shape.bodyOnly()), violations);
		}
	}

	private static void missingComponent(String field, String component, List<String> variables, boolean named,
			Violations violations) {
		violations.add(field, TemplateViolation.COMPONENT_MISSING,
				"the template's " + component + " has " + variables.size() + " variable"
						+ ((variables.size() == 1) ? "" : "s") + " (" + Placeholders.describe(variables, named)
						+ "): send a " + component + " component with " + variables.size() + " parameter"
						+ ((variables.size() == 1) ? "" : "s"),
				TemplateViolation.META_PARAMETER_COUNT_MISMATCH);
	}

	static void unexpected(String field, String why, List<Parameter> parameters, Violations violations) {
		unexpected(field, why, parameters, 0, violations);
	}

	static void unexpected(String field, String why, List<Parameter> parameters, int offset, Violations violations) {
		for (int i = 0; i < parameters.size(); i++) {
			violations.add(field + ".parameters[" + (offset + i) + "]", TemplateViolation.PARAMETER_UNEXPECTED,
					why + "; parameter " + (offset + i) + " has nothing to fill",
					TemplateViolation.META_PARAMETER_COUNT_MISMATCH);
		}
	}

}
