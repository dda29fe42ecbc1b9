package com.waplatform.gateway.stats;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The statistics API.
 *
 * @param analyticsDefaultRange the range of {@code GET /v1/analytics/messages} without
 * {@code since}
 * @param analyticsMaxRange the longest range one analytics request may ask for (400
 * beyond), which bounds the rows one request reads
 * @param topFailureReasons how many failure reasons each group lists, most frequent first
 * @param maxTemplates how many templates the usage lists, most used first
 */
@Validated
@ConfigurationProperties("gateway.statistics")
public record StatisticsProperties(@NotNull @DefaultValue("7d") Duration analyticsDefaultRange,
		@NotNull @DefaultValue("92d") Duration analyticsMaxRange,
		@Min(1) @Max(50) @DefaultValue("5") int topFailureReasons,
		@Min(1) @Max(1000) @DefaultValue("100") int maxTemplates) {

}
