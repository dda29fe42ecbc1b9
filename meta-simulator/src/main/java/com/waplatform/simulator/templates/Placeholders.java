package com.waplatform.simulator.templates;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Template placeholders: positional {@code {{1}}} or named {@code {{first_name}}}.
 */
final class Placeholders {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*\\}\\}");

	private Placeholders() {
	}

	/** The distinct placeholder names of {@code text}, in order of appearance. */
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
	 * The placeholders a positional send fills, in parameter order: Meta fills
	 * {@code {{1}}} with the first parameter, {@code {{2}}} with the second..., wherever
	 * they stand in the text, so numbers are ordered by value (other names, which a
	 * positional template should not have, follow in order of appearance).
	 */
	static List<String> positions(List<String> names) {
		List<String> ordered = new ArrayList<>(names);
		ordered.sort(Comparator.comparing(Placeholders::number, Comparator.nullsLast(Comparator.naturalOrder())));
		return ordered;
	}

	private static @Nullable BigInteger number(String name) {
		return name.chars().allMatch((c) -> c >= '0' && c <= '9') ? new BigInteger(name) : null;
	}

	/** {@code text} with each placeholder replaced by its value (unknown ones kept). */
	static String fill(String text, Map<String, String> values) {
		Matcher matcher = PLACEHOLDER.matcher(text);
		StringBuilder filled = new StringBuilder();
		while (matcher.find()) {
			String value = values.get(matcher.group(1));
			matcher.appendReplacement(filled, Matcher.quoteReplacement((value != null) ? value : matcher.group()));
		}
		matcher.appendTail(filled);
		return filled.toString();
	}

}
