package com.waplatform.gateway.config;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The business events API ({@code POST /v1/events}).
 *
 * @param maxBodySize the largest body accepted (413 above), a batch included
 * @param maxBatchSize the most events one batch may hold
 * @param dedupRetention how long an event ({@code source} + {@code id}) is remembered, so
 * that posting it again publishes nothing
 */
@Validated
@ConfigurationProperties("gateway.events")
public record EventProperties(@NotNull @DefaultValue("1MB") DataSize maxBodySize,
		@Min(1) @Max(1000) @DefaultValue("100") int maxBatchSize,
		@NotNull @DefaultValue("7d") Duration dedupRetention) {

}
