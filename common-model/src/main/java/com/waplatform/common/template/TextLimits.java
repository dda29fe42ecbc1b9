package com.waplatform.common.template;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Meta's text limits for templates, the one definition every service uses: creating a
 * template (template-service) and sending one ({@link TemplateValidator}).
 * <p>
 * <b>Lengths are Unicode code points</b> ({@link #length}), everywhere: Meta states its
 * limits in "characters" and does not say how it counts them (META-API.md has no unit;
 * UNCONFIRMED). A code point is what a reader counts as one character for all text but
 * combined emoji and accents, and it is the more lenient of the countable units: a text
 * of emoji or other characters outside the Basic Multilingual Plane counts 1 per
 * character, not 2 as in UTF-16 ({@link String#length()}). Refusing what Meta would
 * accept is a failure with no way around it; accepting what Meta refuses only gets Meta's
 * own 132005 answer. Never compare {@link String#length()} with these limits.
 * <ul>
 * <li>Header text: 60 characters, its variable included [META-q: Meta's "Template
 * components" page, copied by third parties (2025-11-21): "Maximum 60 characters"; the
 * parameter limit of 60 for headers is from Meta's former parameter-object reference,
 * UNCONFIRMED].</li>
 * <li>Body text: 1,024 characters at creation [META-q].</li>
 * <li>Body parameter text: 1,024 characters, 32,768 when the body is the template's only
 * component [LIB whatsapp-api-js, UNCONFIRMED at Meta; META-API.md §a].</li>
 * <li>Hydrated body (variables filled): 1,024 characters, the body limit of template
 * creation [META-q]; when the body is the only component we apply 32,768 instead, because
 * a stricter limit would make the documented 32,768-character parameter impossible
 * (UNCONFIRMED).</li>
 * <li>Footer text 60 characters [3P vendor template guides, e.g. Exotel's, which give the
 * same 60/1,024 for header and body]; button text 25, URL button URL 2,000 and a
 * PHONE_NUMBER button's number 20 characters (UNCONFIRMED; SDKs and vendor
 * documentation).</li>
 * <li>Meta answers 132005 ("hydrated text too long") for texts over the limit
 * [META-API.md §b]; that a single over-long parameter gets the same code is
 * UNCONFIRMED.</li>
 * <li>Parameter texts must not contain new lines or tabs or more than 4 consecutive
 * spaces: Meta's message "Param text cannot have new-line/tab characters or more than 4
 * consecutive spaces" is widely quoted by integrators; its code (132018) is
 * UNCONFIRMED.</li>
 * </ul>
 */
public final class TextLimits {

	/** A template's name, at creation and in a send. */
	public static final int TEMPLATE_NAME = 512;

	/** A TEXT header, its variable filled in (and at creation, its placeholder). */
	public static final int HEADER_TEXT = 60;

	/** A body parameter's text when the template has other components than its body. */
	public static final int BODY_PARAMETER = 1024;

	/** A body parameter's text, and the hydrated body, when the body is all there is. */
	public static final int BODY_ONLY_PARAMETER = 32768;

	/** The body at creation, and the hydrated body of a template with more components. */
	public static final int BODY_TEXT = 1024;

	public static final int FOOTER_TEXT = 60;

	/** A button's label. */
	public static final int BUTTON_TEXT = 25;

	/** A URL button's URL (UNCONFIRMED). */
	public static final int BUTTON_URL = 2000;

	/** A PHONE_NUMBER button's number (UNCONFIRMED). */
	public static final int BUTTON_PHONE_NUMBER = 20;

	private static final Pattern FORMAT = Pattern.compile("[\\n\\t]| {5,}");

	private TextLimits() {
	}

	/** A text's length as Meta's limits count it: in Unicode code points. */
	public static int length(String text) {
		return text.codePointCount(0, text.length());
	}

	/** Whether {@code text} (null counts as empty) is at most {@code limit} long. */
	public static boolean fits(@Nullable String text, int limit) {
		return text == null || length(text) <= limit;
	}

	/**
	 * The longest a template's body may be once its variables are filled in (and the
	 * longest a body parameter may be).
	 * @param bodyOnly whether the body is the template's only component
	 */
	public static int hydratedBody(boolean bodyOnly) {
		return bodyOnly ? BODY_ONLY_PARAMETER : BODY_TEXT;
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
