package com.waplatform.common.template;

import java.util.regex.Pattern;

/**
 * Meta's text limits for template sends. Lengths are counted in Unicode code points.
 * <ul>
 * <li>Header text: 60 characters, its variable included [META-q: Meta's "Template
 * components" page, copied by third parties (2025-11-21): "Maximum 60 characters"; the
 * parameter limit of 60 for headers is from Meta's former parameter-object reference,
 * UNCONFIRMED].</li>
 * <li>Body parameter text: 1,024 characters, 32,768 when the body is the template's only
 * component [LIB whatsapp-api-js, UNCONFIRMED at Meta; META-API.md §a].</li>
 * <li>Hydrated body (variables filled): 1,024 characters, the body limit of template
 * creation [META-q]; when the body is the only component we apply 32,768 instead, because
 * a stricter limit would make the documented 32,768-character parameter impossible
 * (UNCONFIRMED).</li>
 * <li>Meta answers 132005 ("hydrated text too long") for texts over the limit
 * [META-API.md §b]; that a single over-long parameter gets the same code is
 * UNCONFIRMED.</li>
 * <li>Parameter texts must not contain new lines or tabs or more than 4 consecutive
 * spaces: Meta's message "Param text cannot have new-line/tab characters or more than 4
 * consecutive spaces" is widely quoted by integrators; its code (132018) is
 * UNCONFIRMED.</li>
 * </ul>
 */
final class TextLimits {

	static final int HEADER_TEXT = 60;

	static final int BODY_PARAMETER = 1024;

	static final int BODY_ONLY_PARAMETER = 32768;

	static final int BODY_TEXT = 1024;

	private static final Pattern FORMAT = Pattern.compile("[\\n\\t]| {5,}");

	private TextLimits() {
	}

	static int length(String text) {
		return text.codePointCount(0, text.length());
	}

	static void checkParameter(String field, String component, String text, int maxLength, Violations violations) {
		int length = length(text);
		if (length > maxLength) {
			violations.add(field, TemplateViolation.TEXT_TOO_LONG,
					"a " + component + " parameter has at most " + maxLength + " characters, got " + length,
					TemplateViolation.META_TEXT_TOO_LONG);
		}
		if (FORMAT.matcher(text).find()) {
			violations.add(field, TemplateViolation.TEXT_FORMAT,
					"a parameter text must not contain new lines, tabs or more than 4 consecutive spaces",
					TemplateViolation.META_PARAMETER_INVALID);
		}
	}

	static void checkHydrated(String field, String component, String text, int maxLength, Violations violations) {
		int length = length(text);
		if (length > maxLength) {
			violations.add(field, TemplateViolation.TEXT_TOO_LONG, "the " + component
					+ " with its variables filled has " + length + " characters, Meta allows " + maxLength,
					TemplateViolation.META_TEXT_TOO_LONG);
		}
	}

}
