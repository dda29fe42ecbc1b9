package com.waplatform.common.template;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Template variables as Meta writes them, the one definition every service uses:
 * <ul>
 * <li>a placeholder is {@code {{name}}}, {@code name} made of ASCII letters, digits and
 * underscores; spaces inside the braces are tolerated ({@code {{ first_name }}} is
 * {@code first_name});</li>
 * <li>a <em>positional</em> placeholder is a number, {@code {{1}}}; a POSITIONAL template
 * numbers its variables sequentially from {@code {{1}}} and a send's i-th parameter fills
 * the i-th number, whatever the order the numbers appear in the text;</li>
 * <li>a <em>named</em> placeholder, {@code {{first_name}}}, is lower-case letters, digits
 * and underscores and not only digits (that would be a positional one). Anything else
 * ({@code {{First}}}) is a placeholder no format accepts.</li>
 * </ul>
 * [META M-tplcomp via META-API.md §a and §d: {@code {{1}}} and {@code {{first_name}}},
 * {@code parameter_format}, "header and body must use the same format". The character set
 * of names is UNCONFIRMED at Meta: META-API.md §a only cites whatsapp-api-js (a-z and
 * {@code _}, at most 20 characters, a library rule). We accept digits too, so that a name
 * Meta may accept is never refused here; Meta still answers for it.]
 */
public final class Placeholders {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*\\}\\}");

	private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");

	/** Numbers by value (leading zeros kept apart), without parsing them. */
	private static final Comparator<String> BY_NUMBER = Comparator.comparingInt(Placeholders::significantDigits)
		.thenComparing(Placeholders::withoutLeadingZeros)
		.thenComparing(Comparator.naturalOrder());

	private Placeholders() {
	}

	/** The distinct placeholder names of {@code text}, in order of first appearance. */
	public static List<String> names(@Nullable String text) {
		List<String> names = new ArrayList<>();
		if (text == null) {
			return names;
		}
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			if (!names.contains(matcher.group(1))) {
				names.add(matcher.group(1));
			}
		}
		return names;
	}

	/** Whether {@code name} is a positional placeholder ({@code 1}, {@code 12}). */
	public static boolean isPositional(String name) {
		return !name.isEmpty() && name.chars().allMatch((c) -> c >= '0' && c <= '9');
	}

	/** Whether {@code name} is a valid named placeholder ({@code first_name}). */
	public static boolean isNamed(String name) {
		return NAME.matcher(name).matches() && !isPositional(name);
	}

	/**
	 * The variables a send fills, in parameter order, of placeholder names found in a
	 * header or body: for POSITIONAL the numbers by value (names that are not numbers
	 * cannot be filled positionally and are left out), for NAMED every name in order of
	 * appearance.
	 */
	public static List<String> variables(List<String> names, ParameterFormat format) {
		if (format == ParameterFormat.NAMED) {
			return List.copyOf(names);
		}
		return names.stream().filter(Placeholders::isPositional).distinct().sorted(BY_NUMBER).toList();
	}

	/**
	 * What is wrong with the placeholders of a header or body text under {@code format},
	 * or null: a POSITIONAL text uses only numbers, sequential from {@code {{1}}}; a
	 * NAMED text only valid names.
	 */
	public static @Nullable String problem(List<String> names, ParameterFormat format) {
		if (names.isEmpty()) {
			return null;
		}
		if (format == ParameterFormat.POSITIONAL) {
			if (!names.stream().allMatch(Placeholders::isPositional)) {
				return "POSITIONAL parameters must be numbers {{1}}, {{2}}, ...";
			}
			List<String> numbers = variables(names, format);
			for (int i = 0; i < numbers.size(); i++) {
				if (!numbers.get(i).equals(Integer.toString(i + 1))) {
					return "POSITIONAL parameters must be sequential from {{1}} to {{" + numbers.size() + "}}, found "
							+ numbers;
				}
			}
			return null;
		}
		List<String> invalid = names.stream().filter((name) -> !isNamed(name)).toList();
		if (!invalid.isEmpty()) {
			return "NAMED parameters must be lower-case letters, digits and underscores (not only digits), not "
					+ invalid;
		}
		return null;
	}

	/**
	 * {@code text} with each placeholder replaced by its value; unknown ones are kept.
	 */
	static String fill(@Nullable String text, Map<String, String> values) {
		if (text == null) {
			return "";
		}
		Matcher matcher = PLACEHOLDER.matcher(text);
		StringBuilder filled = new StringBuilder();
		while (matcher.find()) {
			String value = values.get(matcher.group(1));
			matcher.appendReplacement(filled, Matcher.quoteReplacement((value != null) ? value : matcher.group()));
		}
		matcher.appendTail(filled);
		return filled.toString();
	}

	/** Variables as a reader sees them: {@code {{1}}..{{4}}} or {@code {{a}}, {{b}}}. */
	static String describe(List<String> variables, boolean named) {
		if (variables.isEmpty()) {
			return "no variables";
		}
		if (!named && variables.size() > 2 && sequential(variables)) {
			return "{{1}}.." + braces(variables.get(variables.size() - 1));
		}
		return String.join(", ", variables.stream().map(Placeholders::braces).toList());
	}

	static String braces(String name) {
		return "{{" + name + "}}";
	}

	private static boolean sequential(List<String> variables) {
		for (int i = 0; i < variables.size(); i++) {
			if (!variables.get(i).equals(Integer.toString(i + 1))) {
				return false;
			}
		}
		return true;
	}

	private static String withoutLeadingZeros(String number) {
		int start = 0;
		while (start < number.length() - 1 && number.charAt(start) == '0') {
			start++;
		}
		return number.substring(start);
	}

	private static int significantDigits(String number) {
		return withoutLeadingZeros(number).length();
	}

}
