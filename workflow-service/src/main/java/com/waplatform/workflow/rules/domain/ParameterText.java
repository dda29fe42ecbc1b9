package com.waplatform.workflow.rules.domain;

import java.util.regex.Pattern;

import com.waplatform.common.template.TextLimits;

/**
 * Texts made fit to be a template parameter. Lengths are Unicode code points, the unit of
 * Meta's limits ({@link TextLimits#length}): a surrogate pair (an emoji) is one character
 * and never split. A cut text ends in "…", counted in the length.
 */
final class ParameterText {

	/**
	 * The longest a parameter's text may be: Meta's limit for a body parameter of a
	 * template with more components than its body. A rule does not know its template's
	 * shape, so it keeps to the stricter limit (a body-only template would allow 32,768).
	 */
	static final int PARAMETER_LIMIT = TextLimits.BODY_PARAMETER;

	private static final String ELLIPSIS = "…";

	/**
	 * White space Meta refuses in a parameter: a new line or tab, or 5 spaces in a row.
	 */
	private static final Pattern REFUSED_SPACE = Pattern.compile("\\s*[\\r\\n\\t]\\s*| {5,}");

	private ParameterText() {
	}

	/**
	 * {@code text} if it has at most {@code maxLength} code points, else its first
	 * {@code maxLength - 1} (white space at the cut dropped) and "…".
	 */
	static String truncate(String text, int maxLength) {
		if (TextLimits.length(text) <= maxLength) {
			return text;
		}
		int end = text.offsetByCodePoints(0, Math.max(0, maxLength - 1));
		return text.substring(0, end).stripTrailing() + ELLIPSIS;
	}

	/**
	 * {@code text} on one line and within {@link #PARAMETER_LIMIT}. Meta refuses a
	 * parameter with a new line, a tab or more than 4 consecutive spaces (TextLimits): a
	 * backend's multi-line text (an address) is better sent on one line than refused.
	 */
	static String fit(String text) {
		return truncate(REFUSED_SPACE.matcher(text).replaceAll(" "), PARAMETER_LIMIT);
	}

}
