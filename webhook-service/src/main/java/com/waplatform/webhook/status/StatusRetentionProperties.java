package com.waplatform.webhook.status;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the webhook service remembers messages ({@link StatusRetention}).
 *
 * @param messages how long a message's current status ({@code message_status}, since its
 * last change) and its wamid mapping ({@code message_refs}) are kept; zero or negative
 * keeps them forever
 */
@Validated
@ConfigurationProperties("webhook.retention")
record StatusRetentionProperties(@NotNull @DefaultValue("90d") Duration messages) {

}
