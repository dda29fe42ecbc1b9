package com.waplatform.workflow.autoreply.domain;

import com.waplatform.common.conversation.ConversationSettings.TemplateChoice;
import org.jspecify.annotations.Nullable;

/**
 * The auto-reply that answers a message, before the guards
 * ({@link AutoReplyPolicy#decide}).
 *
 * @param kind a keyword rule or the out-of-hours reply (the {@code rule} tag of the
 * metrics)
 * @param rule which rule: {@code keyword:<KEYWORD>} (normalized) or {@code out_of_hours};
 * "once per window" counts per rule
 * @param text the free-form reply, or null for a template
 * @param template the template reply, when there is no text
 */
public record ChosenReply(Kind kind, String rule, @Nullable String text, @Nullable TemplateChoice template) {

	public ChosenReply {
		if (text == null && template == null) {
			throw new IllegalArgumentException("An auto-reply needs a text or a template");
		}
	}

	/** Which kind of rule answers. */
	public enum Kind {

		KEYWORD("keyword"), OUT_OF_HOURS("out_of_hours");

		private final String tag;

		Kind(String tag) {
			this.tag = tag;
		}

		/** The metric tag and the rule's name in the log. */
		public String tag() {
			return this.tag;
		}

	}

}
