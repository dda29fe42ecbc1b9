package com.waplatform.common.template;

import org.jspecify.annotations.Nullable;

/**
 * One reason a template send would be refused, found before calling Meta.
 *
 * @param field where the problem is, in Meta's request terms, e.g.
 * {@code template.components[body].parameters[2]}
 * @param code our stable machine-readable reason, one of the constants below
 * @param message what is wrong and what was expected, for a person
 * @param metaErrorCode the Meta error code this check prevents (e.g. 132000), or
 * {@code null} when Meta's code is not known
 */
public record TemplateViolation(String field, String code, String message, @Nullable Integer metaErrorCode) {

	/** The template does not exist with that name or language (132001). */
	public static final String TEMPLATE_NOT_FOUND = "template-not-found";

	/**
	 * The template exists but is not APPROVED (132001), PAUSED (132015) or DISABLED
	 * (132016).
	 */
	public static final String TEMPLATE_NOT_APPROVED = "template-not-approved";

	public static final String TEMPLATE_PAUSED = "template-paused";

	public static final String TEMPLATE_DISABLED = "template-disabled";

	/**
	 * A component the template needs (a body with variables, a dynamic URL button) is
	 * missing.
	 */
	public static final String COMPONENT_MISSING = "component-missing";

	/** A component the send carries is malformed, duplicated or has no counterpart. */
	public static final String COMPONENT_INVALID = "component-invalid";

	/** A variable of the template gets no parameter (132000). */
	public static final String PARAMETER_MISSING = "parameter-missing";

	/** A parameter has no variable to fill (132000). */
	public static final String PARAMETER_UNEXPECTED = "parameter-unexpected";

	/**
	 * {@code parameter_name} missing on a NAMED template, present on a POSITIONAL one, or
	 * unknown (132000).
	 */
	public static final String PARAMETER_NAME = "parameter-name";

	/** The parameter type does not fit the component (132012). */
	public static final String PARAMETER_TYPE = "parameter-type";

	/**
	 * The parameter's value object (text, link or id, payload...) is missing (131008).
	 */
	public static final String PARAMETER_VALUE_MISSING = "parameter-value-missing";

	/** A text is longer than Meta accepts (132005). */
	public static final String TEXT_TOO_LONG = "text-too-long";

	/** A parameter text has new lines, tabs or more than 4 consecutive spaces. */
	public static final String TEXT_FORMAT = "text-format";

	public static final int META_PARAMETER_COUNT_MISMATCH = 132000;

	public static final int META_TEMPLATE_NOT_FOUND = 132001;

	public static final int META_TEXT_TOO_LONG = 132005;

	public static final int META_FORMAT_MISMATCH = 132012;

	public static final int META_TEMPLATE_PAUSED = 132015;

	public static final int META_TEMPLATE_DISABLED = 132016;

	public static final int META_PARAMETER_INVALID = 132018;

	public static final int META_REQUIRED_PARAMETER_MISSING = 131008;

	public static final int META_INVALID_VALUE = 131009;

}
