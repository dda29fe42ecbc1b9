package com.waplatform.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Conversations.
 *
 * @param enforceServiceWindow whether {@code POST /v1/messages} refuses (422) a free-form
 * message to a customer whose 24-hour service window is not open, or sends the
 * organization's fallback template instead; off only for deployments that send templates
 * alone (Meta would answer 131047 to the others)
 */
@Validated
@ConfigurationProperties("gateway.conversations")
public record ConversationProperties(@DefaultValue("true") boolean enforceServiceWindow) {

}
