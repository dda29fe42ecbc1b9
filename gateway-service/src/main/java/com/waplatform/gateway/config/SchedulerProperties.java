package com.waplatform.gateway.config;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gateway.scheduler.*}: the scheduler of messages sent with {@code scheduledFor}.
 *
 * @param pollInterval the pause between two rounds (a message is released at most this
 * late, plus the outbox relay's delay)
 * @param batchSize the most due messages one transaction claims
 */
@Validated
@ConfigurationProperties("gateway.scheduler")
public record SchedulerProperties(@NotNull @DefaultValue("1s") Duration pollInterval,
		@Min(1) @Max(10000) @DefaultValue("100") int batchSize) {
}
