package com.waplatform.workflow.rules.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.waplatform.workflow.rules.domain.RuleDefinition.TemplateRef;
import tools.jackson.databind.JsonNode;

/**
 * The language of a rule's message, and the locale its dates and amounts are written in.
 */
final class TemplateLanguage {

	static final String DEFAULT = "en";

	/**
	 * A customer's locale as backends send it: {@code es}, {@code en_US}, {@code en-us}.
	 */
	private static final Pattern LOCALE = Pattern.compile("([A-Za-z]{2,3})(?:[_-]([A-Za-z]{2}))?");

	private TemplateLanguage() {
	}

	/**
	 * The event's language at {@code languageFrom} (normalized to Meta's form,
	 * {@code en-us} → {@code en_US}); else the rule's {@code language}; else {@code en}.
	 * A value that is no language code is ignored: the customer still gets the message,
	 * in the rule's language.
	 */
	static String of(TemplateRef template, JsonNode data) {
		Optional<String> fromEvent = (template.languageFrom() != null)
				? Pointers.text(data, template.languageFrom()).flatMap(TemplateLanguage::normalize) : Optional.empty();
		return fromEvent.orElse((template.language() != null) ? template.language() : DEFAULT);
	}

	/** The locale of Meta's language code: {@code en_US} → en-US, {@code es} → es. */
	static Locale locale(String language) {
		return Locale.forLanguageTag(language.replace('_', '-'));
	}

	private static Optional<String> normalize(String code) {
		Matcher matcher = LOCALE.matcher(code);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		String language = matcher.group(1).toLowerCase(Locale.ROOT);
		String region = matcher.group(2);
		return Optional.of((region != null) ? language + "_" + region.toUpperCase(Locale.ROOT) : language);
	}

}
