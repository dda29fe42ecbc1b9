package com.waplatform.gateway.messages.domain;

import java.time.Duration;

import com.waplatform.common.message.Priority;
import com.waplatform.common.message.SendRequest.BusinessContext;
import com.waplatform.common.meta.MetaMessage;
import org.jspecify.annotations.Nullable;

/**
 * A valid message request.
 *
 * @param from the business phone-number id asked for, or null for the organization's
 * default number
 * @param recipient the customer, E.164
 * @param message Meta's message object, addressed to {@code recipient}
 * @param type the message type ({@code text}, {@code template}, ...) or
 * {@value #MARK_AS_READ}
 * @param templateName the template's name for template messages
 */
public record MessageRequest(@Nullable String from, String recipient, MetaMessage message, String type,
		@Nullable String templateName, @Nullable BusinessContext context, Priority priority, @Nullable Duration ttl) {

	public static final String MARK_AS_READ = "mark_as_read";

}
