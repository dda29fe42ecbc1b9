package com.waplatform.common.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** Template variables: positional {@code {{1}}} or named {@code {{first_name}}}. */
final class Placeholders {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*\\}\\}");

	private Placeholders() {
	}

	/** The distinct placeholder names of {@code text}, in order of first appearance. */
	static List<String> names(@Nullable String text) {
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

	/**
	 * The variables a send must fill, in parameter order: for positional text
	 * {@code 1..n} with {@code n} the highest number used (Meta numbers variables
	 * sequentially), for named text the names in order of first appearance.
	 */
	static List<String> variables(@Nullable String text, boolean named) {
		List<String> names = names(text);
		if (named) {
			return List.copyOf(names);
		}
		int highest = names.stream().filter(Placeholders::isNumber).mapToInt(Integer::parseInt).max().orElse(0);
		List<String> positions = new ArrayList<>();
		for (int i = 1; i <= highest; i++) {
			positions.add(Integer.toString(i));
		}
		return List.copyOf(positions);
	}

	static boolean isNumber(String name) {
		return !name.isEmpty() && name.length() < 4 && name.chars().allMatch(Character::isDigit);
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
		if (!named && variables.size() > 2) {
			return "{{1}}.." + braces(variables.get(variables.size() - 1));
		}
		return String.join(", ", variables.stream().map(Placeholders::braces).toList());
	}

	static String braces(String name) {
		return "{{" + name + "}}";
	}

}
