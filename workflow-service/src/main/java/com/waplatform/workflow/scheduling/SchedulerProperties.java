package com.waplatform.workflow.scheduling;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The scheduler of messages that rules hold ({@code workflow.scheduler.*}).
 *
 * @param pollInterval how often due messages are looked for (a message goes out at most
 * this long after its time, under normal load)
 * @param batchSize messages claimed per transaction
 */
@Validated
@ConfigurationProperties("workflow.scheduler")
public record SchedulerProperties(@NotNull @DefaultValue("250ms") Duration pollInterval,
		@Min(1) @Max(10000) @DefaultValue("500") int batchSize) {

}
