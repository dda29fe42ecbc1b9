package com.waplatform.common.template;

import java.util.List;

import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.meta.MetaMessage;
import org.jspecify.annotations.Nullable;

/** Whether a template send can be queued, as decided by {@link TemplateCheck}. */
public sealed interface TemplateDecision {

	/**
	 * @param template the template as Meta lists it
	 * @param send what to send: the language found and the expanded components
	 * @param languageFallback the fallback used, e.g. {@code en→en_US}, or null when the
	 * requested language exists
	 */
	record Sendable(MessageTemplate template, MetaMessage.Template send,
			@Nullable String languageFallback) implements TemplateDecision {
	}

	/**
	 * @param violations every reason Meta would refuse the send, never empty
	 */
	record Refused(List<TemplateViolation> violations) implements TemplateDecision {
	}

}
