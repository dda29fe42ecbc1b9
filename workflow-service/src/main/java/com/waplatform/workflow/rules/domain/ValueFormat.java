package com.waplatform.workflow.rules.domain;

import java.util.Locale;
import java.util.Optional;

/** The formats a parameter's value may be given in ({@code "format"}). */
enum ValueFormat {

	DATE, DATETIME, TIME, CURRENCY, UPPER, TRUNCATE;

	/** The format named {@code name} as rules write it, e.g. {@code datetime}. */
	static Optional<ValueFormat> named(String name) {
		for (ValueFormat format : values()) {
			if (format.jsonName().equals(name)) {
				return Optional.of(format);
			}
		}
		return Optional.empty();
	}

	String jsonName() {
		return name().toLowerCase(Locale.ROOT);
	}

	boolean isTemporal() {
		return this == DATE || this == DATETIME || this == TIME;
	}

}
