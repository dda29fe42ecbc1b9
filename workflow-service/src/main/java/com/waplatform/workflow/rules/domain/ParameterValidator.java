package com.waplatform.workflow.rules.domain;

import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.waplatform.common.template.Placeholders;
import com.waplatform.workflow.rules.domain.RuleDefinition.Parameters;
import com.waplatform.workflow.rules.domain.RuleDefinition.ValueSpec;
import org.jspecify.annotations.Nullable;

/** The problems of a rule's {@code parameters}, for {@link RuleValidator}. */
final class ParameterValidator {

	private ParameterValidator() {
	}

	static void check(Parameters parameters, Problems problems) {
		List<ValueSpec> positional = parameters.positional();
		if (positional != null) {
			for (int i = 0; i < positional.size(); i++) {
				spec(positional.get(i), "parameters[" + i + "]", problems);
			}
		}
		Map<String, ValueSpec> named = parameters.named();
		if (named != null) {
			named.forEach((name, spec) -> {
				if (!Placeholders.isNamed(name) && !Placeholders.isPositional(name)) {
					problems.add("parameters." + name,
							"a variable name is lower-case letters, digits and underscores, e.g. first_name");
				}
				spec(spec, "parameters." + name, problems);
			});
		}
	}

	private static void spec(ValueSpec spec, String path, Problems problems) {
		if ((spec.from() == null) == (spec.value() == null)) {
			problems.add(path, "give exactly one of from (a JSON Pointer) and value (a constant)");
		}
		problems.pointer(path + ".from", spec.from(), false);
		if (spec.defaultValue() != null && spec.from() == null) {
			problems.add(path + ".default", "applies only with from");
		}
		Optional<ValueFormat> format = Optional.empty();
		if (spec.format() != null) {
			format = ValueFormat.named(spec.format());
			if (format.isEmpty()) {
				problems.add(path + ".format", "one of date, datetime, time, currency, upper, truncate");
			}
		}
		pattern(spec, path, format.orElse(null), problems);
		currency(spec, path, format.orElse(null), problems);
		maxLength(spec, path, format.orElse(null), problems);
	}

	private static void pattern(ValueSpec spec, String path, @Nullable ValueFormat format, Problems problems) {
		if (spec.pattern() == null) {
			return;
		}
		if (format == null || !format.isTemporal()) {
			problems.add(path + ".pattern", "applies only to the formats date, datetime and time");
			return;
		}
		try {
			DateTimeFormatter.ofPattern(spec.pattern());
		}
		catch (IllegalArgumentException ex) {
			problems.add(path + ".pattern", "not a DateTimeFormatter pattern: " + ex.getMessage());
		}
	}

	private static void currency(ValueSpec spec, String path, @Nullable ValueFormat format, Problems problems) {
		if (format != ValueFormat.CURRENCY) {
			if (spec.currency() != null || spec.currencyFrom() != null) {
				problems.add(path + ((spec.currency() != null) ? ".currency" : ".currencyFrom"),
						"applies only to the format currency");
			}
			return;
		}
		if (spec.currency() == null && spec.currencyFrom() == null) {
			problems.add(path, "the format currency needs currency (an ISO 4217 code) or currencyFrom (a pointer)");
		}
		if (spec.currency() != null && currencyOf(spec.currency()) == null) {
			problems.add(path + ".currency", "an ISO 4217 currency code like EUR, got \"" + spec.currency() + "\"");
		}
		problems.pointer(path + ".currencyFrom", spec.currencyFrom(), false);
	}

	private static void maxLength(ValueSpec spec, String path, @Nullable ValueFormat format, Problems problems) {
		Integer maxLength = spec.maxLength();
		if (maxLength == null) {
			return;
		}
		if (format != ValueFormat.TRUNCATE) {
			problems.add(path + ".maxLength", "applies only to the format truncate");
		}
		else if (maxLength < 1 || maxLength > ParameterText.PARAMETER_LIMIT) {
			problems.add(path + ".maxLength", "from 1 to " + ParameterText.PARAMETER_LIMIT + ", got " + maxLength);
		}
	}

	/** The currency {@code code} names (upper-case ISO 4217), or null. */
	static @Nullable Currency currencyOf(String code) {
		if (!code.matches("[A-Z]{3}")) {
			return null;
		}
		try {
			return Currency.getInstance(code);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
