package com.waplatform.gateway.templates.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of an organization's language fallbacks ({@code {"en": "en_US"}}): keys and
 * values are language codes as Meta writes them ({@code en}, {@code en_US},
 * {@code zh_HK}, {@code fil}), no language falls back to itself, and no chain loops.
 */
public final class LanguageFallbacks {

	public static final int MAX_ENTRIES = 100;

	private static final Pattern CODE = Pattern.compile("[a-z]{2,3}(_[A-Za-z0-9]{2,8})?");

	private LanguageFallbacks() {
	}

	/**
	 * What is wrong, each with its field ({@code languageFallbacks.en}); empty if valid.
	 */
	public static List<Problem> problems(Map<String, String> fallbacks) {
		List<Problem> problems = new ArrayList<>();
		if (fallbacks.size() > MAX_ENTRIES) {
			problems.add(new Problem("languageFallbacks", "at most " + MAX_ENTRIES + " fallbacks"));
			return problems;
		}
		fallbacks.forEach((from, to) -> {
			String field = "languageFallbacks." + from;
			if (!CODE.matcher(from).matches()) {
				problems.add(new Problem(field, "'" + from + "' is not a language code such as en or en_US"));
			}
			else if (to == null || !CODE.matcher(to).matches()) {
				problems.add(new Problem(field, "'" + to + "' is not a language code such as en or en_US"));
			}
			else if (loops(from, fallbacks)) {
				problems.add(new Problem(field, "the fallbacks from '" + from + "' lead back to it"));
			}
		});
		return problems;
	}

	private static boolean loops(String from, Map<String, String> fallbacks) {
		Set<String> seen = new LinkedHashSet<>();
		String current = from;
		while (current != null && seen.add(current)) {
			current = fallbacks.get(current);
		}
		return from.equals(current);
	}

	public record Problem(String field, String message) {
	}

}
