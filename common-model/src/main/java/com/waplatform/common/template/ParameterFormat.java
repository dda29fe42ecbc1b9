package com.waplatform.common.template;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * How a template's header and body variables are written and sent (Meta's
 * {@code parameter_format}): {@code {{1}}, {{2}}...} filled in order, or
 * {@code {{first_name}}} filled by {@code parameter_name}. Meta's default is POSITIONAL;
 * header and body use the same format; dynamic URL buttons always take the positional
 * {@code {{1}}}.
 */
public enum ParameterFormat {

	/** {@code {{1}}..{{n}}}: a send's i-th parameter fills the i-th number. */
	POSITIONAL,

	/** {@code {{first_name}}}: every parameter carries its {@code parameter_name}. */
	NAMED;

	/** Meta's value in any case, or null when it is absent or neither format. */
	public static @Nullable ParameterFormat parse(@Nullable String value) {
		if (value == null) {
			return null;
		}
		return switch (value.strip().toUpperCase(Locale.ROOT)) {
			case "POSITIONAL" -> POSITIONAL;
			case "NAMED" -> NAMED;
			default -> null;
		};
	}

}
