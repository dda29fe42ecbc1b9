package com.waplatform.simulator.faults;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Durations as written in fault profiles: {@code 200ms}, {@code 2s}, {@code 1m} or
 * ISO-8601.
 */
final class Durations {

	private static final Pattern SIMPLE = Pattern.compile("^(\\d+)(ns|us|ms|s|m|h)?$");

	private Durations() {
	}

	static Duration parse(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return Duration.ZERO;
		}
		String value = text.strip().toLowerCase(Locale.ROOT);
		Matcher matcher = SIMPLE.matcher(value);
		if (matcher.matches()) {
			long amount = Long.parseLong(matcher.group(1));
			String unit = (matcher.group(2) != null) ? matcher.group(2) : "ms";
			return switch (unit) {
				case "ns" -> Duration.ofNanos(amount);
				case "us" -> Duration.ofNanos(amount * 1000);
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				default -> Duration.ofMillis(amount);
			};
		}
		try {
			return Duration.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 200ms, 2s, PT0.2S)");
		}
	}

}
