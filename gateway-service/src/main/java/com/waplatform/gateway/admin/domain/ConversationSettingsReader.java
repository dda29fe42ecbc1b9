package com.waplatform.gateway.admin.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.waplatform.common.conversation.BusinessHours;
import com.waplatform.common.conversation.ConversationSettings;
import com.waplatform.common.conversation.ConversationSettings.AutoReplyRule;
import com.waplatform.common.conversation.ConversationSettings.OutOfHoursReply;
import com.waplatform.common.conversation.ConversationSettings.TemplateChoice;
import com.waplatform.common.conversation.Keywords;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code conversations} member of an organization's settings into
 * {@link ConversationSettings}, and writes them back in the same shape ({@link #write}):
 * what the admin API answers and what the gateway stores. Wrong JSON types are malformed
 * (400); unacceptable values (a keyword rule with neither text nor template, business
 * hours that open when they close, an unknown day) are invalid (422).
 */
public final class ConversationSettingsReader {

	static final String FIELD = "conversations";

	private static final Set<String> MEMBERS = Set.of("optOutKeywords", "optInKeywords", "windowFallback",
			"autoReplies", "outOfHours");

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2})?");

	private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

	private static final int MAX_ENTRIES = 100;

	private static final int MAX_TEXT = 4096;

	private ConversationSettingsReader() {
	}

	static ConversationSettings read(@Nullable JsonNode value, SettingsRequestReader.Problems problems) {
		if (absent(value)) {
			return ConversationSettings.DEFAULTS;
		}
		if (!value.isObject()) {
			problems.malformed(FIELD, "must be an object (see the organization settings documentation) or null");
			return ConversationSettings.DEFAULTS;
		}
		value.propertyNames().forEach((name) -> {
			if (!MEMBERS.contains(name)) {
				problems.invalid(FIELD + "." + name, "unknown field; conversations have " + String.join(", ",
						List.of("optOutKeywords", "optInKeywords", "windowFallback", "autoReplies", "outOfHours")));
			}
		});
		Map<String, List<String>> optOut = keywords(value.get("optOutKeywords"), FIELD + ".optOutKeywords", problems);
		Map<String, List<String>> optIn = keywords(value.get("optInKeywords"), FIELD + ".optInKeywords", problems);
		TemplateChoice fallback = template(value.get("windowFallback"), FIELD + ".windowFallback", problems);
		List<AutoReplyRule> rules = autoReplies(value.get("autoReplies"), problems);
		OutOfHoursReply outOfHours = outOfHours(value.get("outOfHours"), problems);
		return new ConversationSettings(optOut, optIn, fallback, rules, outOfHours);
	}

	private static Map<String, List<String>> keywords(@Nullable JsonNode value, String field,
			SettingsRequestReader.Problems problems) {
		Map<String, List<String>> byLanguage = new LinkedHashMap<>();
		if (absent(value)) {
			return byLanguage;
		}
		if (!value.isObject()) {
			problems.malformed(field, "must be an object of language → list of keywords, e.g. {\"en\": [\"STOP\"]}");
			return byLanguage;
		}
		if (value.size() > MAX_ENTRIES) {
			problems.invalid(field, "at most " + MAX_ENTRIES + " languages");
		}
		value.properties().forEach((entry) -> {
			String where = field + "." + entry.getKey();
			if (!LANGUAGE.matcher(entry.getKey()).matches()) {
				problems.invalid(where, "'" + entry.getKey() + "' is not a language code such as en or pt_BR");
			}
			if (!entry.getValue().isArray()) {
				problems.malformed(where, "must be a list of keywords");
				return;
			}
			List<String> words = new ArrayList<>();
			for (int i = 0; i < entry.getValue().size(); i++) {
				JsonNode word = entry.getValue().get(i);
				if (!word.isString()) {
					problems.malformed(where + "[" + i + "]", "must be a string");
				}
				else if (Keywords.normalize(word.stringValue()).isEmpty() || word.stringValue().length() > 100) {
					problems.invalid(where + "[" + i + "]", "must be a word of 1 to 100 characters");
				}
				else {
					words.add(word.stringValue().strip());
				}
			}
			byLanguage.put(entry.getKey(), words);
		});
		return byLanguage;
	}

	private static @Nullable TemplateChoice template(@Nullable JsonNode value, String field,
			SettingsRequestReader.Problems problems) {
		if (absent(value)) {
			return null;
		}
		if (!value.isObject()) {
			problems.malformed(field, "must be an object {\"name\", \"language\", \"parameters\"?}");
			return null;
		}
		value.propertyNames().forEach((name) -> {
			if (!Set.of("name", "language", "parameters").contains(name)) {
				problems.invalid(field + "." + name, "unknown field; a template has a name, language and parameters");
			}
		});
		String name = requiredString(value.get("name"), field + ".name", problems);
		String language = requiredString(value.get("language"), field + ".language", problems);
		List<String> parameters = new ArrayList<>();
		JsonNode given = value.get("parameters");
		if (!absent(given)) {
			if (!given.isArray()) {
				problems.malformed(field + ".parameters", "must be a list of strings");
			}
			else {
				for (int i = 0; i < given.size(); i++) {
					if (given.get(i).isString()) {
						parameters.add(given.get(i).stringValue());
					}
					else {
						problems.malformed(field + ".parameters[" + i + "]", "must be a string");
					}
				}
			}
		}
		if (language != null && !LANGUAGE.matcher(language).matches()) {
			problems.invalid(field + ".language", "'" + language + "' is not a language code such as en_US");
			return null;
		}
		return (name != null && language != null) ? new TemplateChoice(name, language, parameters) : null;
	}

	private static List<AutoReplyRule> autoReplies(@Nullable JsonNode value, SettingsRequestReader.Problems problems) {
		String field = FIELD + ".autoReplies";
		List<AutoReplyRule> rules = new ArrayList<>();
		if (absent(value)) {
			return rules;
		}
		if (!value.isArray()) {
			problems.malformed(field, "must be a list of {\"keyword\", \"text\" | \"template\"}");
			return rules;
		}
		for (int i = 0; i < value.size(); i++) {
			String where = field + "[" + i + "]";
			JsonNode rule = value.get(i);
			if (!rule.isObject()) {
				problems.malformed(where, "must be an object {\"keyword\", \"text\" | \"template\"}");
				continue;
			}
			String keyword = requiredString(rule.get("keyword"), where + ".keyword", problems);
			String text = text(rule.get("text"), where + ".text", problems);
			TemplateChoice template = template(rule.get("template"), where + ".template", problems);
			if (oneReply(rule, where, problems) && keyword != null) {
				rules.add(new AutoReplyRule(keyword, text, template));
			}
		}
		return rules;
	}

	private static @Nullable OutOfHoursReply outOfHours(@Nullable JsonNode value,
			SettingsRequestReader.Problems problems) {
		String field = FIELD + ".outOfHours";
		if (absent(value)) {
			return null;
		}
		if (!value.isObject()) {
			problems.malformed(field, "must be an object {\"hours\", \"text\" | \"template\"} or null");
			return null;
		}
		BusinessHours hours = hours(value.get("hours"), field + ".hours", problems);
		String text = text(value.get("text"), field + ".text", problems);
		TemplateChoice template = template(value.get("template"), field + ".template", problems);
		return (oneReply(value, field, problems) && hours != null) ? new OutOfHoursReply(hours, text, template) : null;
	}

	private static @Nullable BusinessHours hours(@Nullable JsonNode value, String field,
			SettingsRequestReader.Problems problems) {
		if (absent(value)) {
			problems.invalid(field,
					"is required: {\"days\": [\"MONDAY\", ...], \"opens\": \"09:00\", " + "\"closes\": \"18:00\"}");
			return null;
		}
		if (!value.isObject()) {
			problems.malformed(field, "must be an object {\"days\", \"opens\", \"closes\"}");
			return null;
		}
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		JsonNode given = value.get("days");
		if (absent(given) || !given.isArray()) {
			problems.malformed(field + ".days", "must be a list of days, e.g. [\"MONDAY\", \"TUESDAY\"]");
		}
		else {
			for (int i = 0; i < given.size(); i++) {
				String day = given.get(i).isString() ? given.get(i).stringValue().toUpperCase(Locale.ROOT) : "";
				try {
					days.add(DayOfWeek.valueOf(day));
				}
				catch (IllegalArgumentException ex) {
					problems.invalid(field + ".days[" + i + "]", "must be a day of the week such as MONDAY");
				}
			}
			if (given.isEmpty()) {
				problems.invalid(field + ".days", "needs at least one day");
			}
		}
		LocalTime opens = time(value.get("opens"), field + ".opens", problems);
		LocalTime closes = time(value.get("closes"), field + ".closes", problems);
		if (opens != null && closes != null && opens.equals(closes)) {
			problems.invalid(field + ".closes",
					"must differ from opens (business hours cannot open and close at " + "the same time)");
			return null;
		}
		return (opens != null && closes != null && !days.isEmpty()) ? new BusinessHours(days, opens, closes) : null;
	}

	/** Whether exactly one of {@code text} and {@code template} is given. */
	private static boolean oneReply(JsonNode node, String field, SettingsRequestReader.Problems problems) {
		boolean text = !absent(node.get("text"));
		boolean template = !absent(node.get("template"));
		if (text == template) {
			problems.invalid(field, text ? "give text or template, not both" : "needs a reply: text or template");
			return false;
		}
		return true;
	}

	private static @Nullable String text(@Nullable JsonNode value, String field,
			SettingsRequestReader.Problems problems) {
		if (absent(value)) {
			return null;
		}
		if (!value.isString()) {
			problems.malformed(field, "must be a string");
			return null;
		}
		if (value.stringValue().isBlank() || value.stringValue().length() > MAX_TEXT) {
			problems.invalid(field, "must be 1 to " + MAX_TEXT + " characters");
			return null;
		}
		return value.stringValue();
	}

	private static @Nullable String requiredString(@Nullable JsonNode value, String field,
			SettingsRequestReader.Problems problems) {
		if (absent(value)) {
			problems.invalid(field, "is required");
			return null;
		}
		if (!value.isString()) {
			problems.malformed(field, "must be a string");
			return null;
		}
		if (value.stringValue().isBlank() || value.stringValue().length() > 512) {
			problems.invalid(field, "must be 1 to 512 characters");
			return null;
		}
		return value.stringValue();
	}

	private static @Nullable LocalTime time(@Nullable JsonNode value, String field,
			SettingsRequestReader.Problems problems) {
		if (absent(value)) {
			problems.invalid(field, "is required");
			return null;
		}
		if (!value.isString()) {
			problems.malformed(field, "must be a time of day as a string \"HH:mm\"");
			return null;
		}
		if (!TIME.matcher(value.stringValue()).matches()) {
			problems.invalid(field, "'" + value.stringValue() + "' is not a time of day as HH:mm (00:00 to 23:59)");
			return null;
		}
		return LocalTime.parse(value.stringValue());
	}

	private static boolean absent(@Nullable JsonNode value) {
		return value == null || value.isNull() || value.isMissingNode();
	}

}
