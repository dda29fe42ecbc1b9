package com.waplatform.workflow.rules.domain;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import com.waplatform.workflow.rules.domain.RuleDefinition.ValueSpec;
import tools.jackson.databind.JsonNode;

/**
 * A parameter's text for one event: the value {@code from} points at (or the constant
 * {@code value}), formatted, and never longer than Meta allows a parameter
 * ({@link ParameterText#fit}: a longer text is cut, whatever the format, and put on one
 * line). Without a value, the {@code default} is used as written; without a default the
 * event is invalid for the rule. Formats are {@link ValueFormats}'.
 *
 * @param data the event's data
 * @param locale the recipient's locale (from the template language)
 * @param zone the recipient's time zone
 */
record ParameterResolver(JsonNode data, Locale locale, ZoneId zone) {

	/**
	 * @param field where the parameter is in the rule, for the reason
	 * @throws InvalidEvent when there is no value, or it cannot be formatted
	 */
	String resolve(ValueSpec spec, String field) {
		String text;
		if (spec.value() != null) {
			text = format(spec, spec.value(), field, "the constant " + spec.value());
		}
		else {
			String pointer = spec.from();
			Optional<JsonNode> found = Pointers.find(this.data, pointer);
			if (found.isEmpty()) {
				if (spec.defaultValue() == null) {
					throw new InvalidEvent(RulePlan.Invalid.MISSING_VALUE,
							pointer + " has no value (" + field + ") and the rule gives no default");
				}
				text = spec.defaultValue();
			}
			else {
				text = format(spec, textOf(found.get(), pointer), field, pointer);
			}
		}
		return ParameterText.fit(text);
	}

	private String format(ValueSpec spec, String value, String field, String source) {
		if (spec.format() == null) {
			return value;
		}
		ValueFormat format = ValueFormat.named(spec.format()).orElseThrow();
		ValueFormats formats = new ValueFormats(this.locale, this.zone);
		return switch (format) {
			case DATE, DATETIME, TIME -> formats.temporal(format, value, spec.pattern(), source, field);
			case CURRENCY -> formats.currency(value, currencyCode(spec, field), source, field);
			case UPPER -> value.toUpperCase(this.locale);
			case TRUNCATE -> ParameterText.truncate(value,
					(spec.maxLength() != null) ? spec.maxLength() : ParameterText.PARAMETER_LIMIT);
		};
	}

	/** The event's currency at {@code currencyFrom}, else the rule's {@code currency}. */
	private String currencyCode(ValueSpec spec, String field) {
		Optional<String> fromEvent = (spec.currencyFrom() != null) ? Pointers.text(this.data, spec.currencyFrom())
				: Optional.empty();
		if (fromEvent.isPresent()) {
			return fromEvent.get().toUpperCase(Locale.ROOT);
		}
		if (spec.currency() != null) {
			return spec.currency();
		}
		throw new InvalidEvent(RulePlan.Invalid.MISSING_VALUE,
				spec.currencyFrom() + " has no value (" + field + "'s currency) and the rule gives no currency");
	}

	/** A text as is, a number as written; anything else cannot be a parameter. */
	private static String textOf(JsonNode node, String pointer) {
		if (node.isString()) {
			return node.stringValue();
		}
		if (node.isNumber()) {
			return Pointers.number(node);
		}
		if (node.isBoolean()) {
			return Boolean.toString(node.booleanValue());
		}
		throw new InvalidEvent(RulePlan.Invalid.INVALID_VALUE,
				pointer + " is " + (node.isArray() ? "a list" : "an object") + ", not a text or a number");
	}

}
