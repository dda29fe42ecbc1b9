package com.waplatform.common.conversation;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How an organization talks with customers who write to it (part of
 * {@code OrganizationSettings}).
 *
 * @param optOutKeywords opt-out words by language; empty: {@link OptOutKeywords}'
 * defaults
 * @param optInKeywords opt-in words by language; empty: the defaults
 * @param windowFallback the template sent instead of a free-form message outside the
 * 24-hour window, or null to refuse such a message with a 422
 * @param autoReplies keyword rules: a customer's message that is the keyword gets the
 * reply
 * @param outOfHours the reply to a customer who writes outside business hours, or null
 */
public record ConversationSettings(Map<String, List<String>> optOutKeywords, Map<String, List<String>> optInKeywords,
		@Nullable TemplateChoice windowFallback, List<AutoReplyRule> autoReplies,
		@Nullable OutOfHoursReply outOfHours) {

	public static final ConversationSettings DEFAULTS = new ConversationSettings(Map.of(), Map.of(), null, List.of(),
			null);

	public ConversationSettings {
		optOutKeywords = (optOutKeywords != null) ? Map.copyOf(optOutKeywords) : Map.of();
		optInKeywords = (optInKeywords != null) ? Map.copyOf(optInKeywords) : Map.of();
		autoReplies = (autoReplies != null) ? List.copyOf(autoReplies) : List.of();
	}

	/**
	 * An approved template by name and language, with its body parameters (positional).
	 */
	public record TemplateChoice(String name, String language, List<String> parameters) {

		public TemplateChoice {
			parameters = (parameters != null) ? List.copyOf(parameters) : List.of();
		}

	}

	/**
	 * A reply to a keyword: free-form {@code text} (the customer just wrote, so the
	 * window is open) or a {@code template}.
	 */
	public record AutoReplyRule(String keyword, @Nullable String text, @Nullable TemplateChoice template) {
	}

	/** The reply to messages that arrive outside {@code hours}. */
	public record OutOfHoursReply(BusinessHours hours, @Nullable String text, @Nullable TemplateChoice template) {
	}

}
