package com.waplatform.workflow.rules.domain;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** A local time of day as rules write it: {@code HH:mm}, 00:00 to 23:59. */
final class ClockTime {

	private static final Pattern SHAPE = Pattern.compile("\\d{2}:\\d{2}");

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("HH:mm")
		.withResolverStyle(ResolverStyle.STRICT);

	private ClockTime() {
	}

	/** The time {@code text} stands for, or null when it is no HH:mm time. */
	static @Nullable LocalTime parse(String text) {
		if (!SHAPE.matcher(text).matches()) {
			return null;
		}
		try {
			return LocalTime.parse(text, FORMAT);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
