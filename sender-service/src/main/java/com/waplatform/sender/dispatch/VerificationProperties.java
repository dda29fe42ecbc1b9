package com.waplatform.sender.dispatch;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sender.verification.*}: how a call whose outcome is unknown (the process stopped
 * between the call and its record, or Meta did not answer) is resolved without a second
 * call: by Meta's statuses of the message on {@code wa.status-events}, read live and,
 * when its window ends, read back from the topic from the call's recorded start.
 *
 * @param grace the verification window, counted from the call's start as recorded on the
 * message's row: how long a status of Meta may take to arrive (Meta's webhooks can be
 * delayed); the message is sent again only after it ended without one
 * @param clockSkew how far before the call's recorded start the topic is read back
 * (status events carry the webhook service's clock, the row the database's)
 * @param readTimeout how long a read back of the topic may go without progress (the
 * broker is unavailable); such a read decides nothing and is tried again
 * @param retryInterval how soon a read back that failed is tried again
 */
@Validated
@ConfigurationProperties("sender.verification")
public record VerificationProperties(@NotNull @DefaultValue("10m") Duration grace,
		@NotNull @DefaultValue("1m") Duration clockSkew, @NotNull @DefaultValue("60s") Duration readTimeout,
		@NotNull @DefaultValue("5s") Duration retryInterval) {

}
