package com.waplatform.gateway.messages.domain;

import java.time.Duration;
import java.time.Instant;

import com.waplatform.common.message.Priority;
import com.waplatform.common.message.SendRequest.BusinessContext;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.common.template.TemplateArguments;
import org.jspecify.annotations.Nullable;

/**
 * A valid message request.
 *
 * @param from the business phone-number id asked for, or null for the organization's
 * default number
 * @param recipient the customer, E.164
 * @param message Meta's message object, addressed to {@code recipient}; a template's
 * components are filled in by {@link #withTemplate} once the template is checked
 * @param type the message type ({@code text}, {@code template}, ...) or
 * {@value #MARK_AS_READ}
 * @param templateName the template's name for template messages
 * @param templateArguments the template's parameters and components as given, for
 * template messages
 * @param scheduledFor when to send, or null for now
 */
public record MessageRequest(@Nullable String from, String recipient, MetaMessage message, String type,
		@Nullable String templateName, @Nullable TemplateArguments templateArguments, @Nullable BusinessContext context,
		Priority priority, @Nullable Duration ttl, @Nullable Instant scheduledFor) {

	public static final String MARK_AS_READ = "mark_as_read";

	/** This request sending {@code template} (the checked, expanded template). */
	public MessageRequest withTemplate(MetaMessage.Template template) {
		MetaMessage m = this.message;
		MetaMessage checked = new MetaMessage(m.messagingProduct(), m.recipientType(), m.to(), m.type(), m.context(),
				m.text(), template, m.image(), m.document(), m.audio(), m.video(), m.sticker(), m.interactive(),
				m.reaction(), m.bizOpaqueCallbackData(), m.status(), m.messageId(), m.typingIndicator(), m.location(),
				m.contacts());
		return new MessageRequest(this.from, this.recipient, checked, this.type, this.templateName,
				this.templateArguments, this.context, this.priority, this.ttl, this.scheduledFor);
	}

}
