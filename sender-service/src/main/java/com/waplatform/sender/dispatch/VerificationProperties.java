package com.waplatform.sender.dispatch;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sender.verification.*}: how a call whose outcome is unknown (the process stopped
 * between the call and its record, or Meta did not answer) is resolved without a second
 * call: by Meta's status webhook for the message ({@code wa.status-events}).
 *
 * @param grace how long to wait for a status of the message before sending it again
 * @param rememberedStatuses statuses remembered (by message id) for messages whose
 * verification has not started yet, e.g. while the partitions are being assigned
 */
@Validated
@ConfigurationProperties("sender.verification")
public record VerificationProperties(@NotNull @DefaultValue("2m") Duration grace,
		@Min(0) @DefaultValue("200000") int rememberedStatuses) {

}
