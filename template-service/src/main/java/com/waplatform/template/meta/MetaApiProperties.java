package com.waplatform.template.meta;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the Graph API is, and how close to Meta's management limits the service goes.
 *
 * @param baseUrl Meta's Graph API, or the simulator in the dev stack
 * @param apiVersion the Graph API version of every call
 * @param timeout the longest one request may take
 * @param usageThreshold the usage (% of any management quota, from
 * {@code x-business-use-case-usage}) at which calls for the account stop
 * @param throttleCoolDown how long calls stop when Meta gives no time to regain access
 */
@Validated
@ConfigurationProperties("template.meta")
public record MetaApiProperties(@NotBlank @DefaultValue("https://graph.facebook.com") String baseUrl,
		@NotBlank @Pattern(regexp = "v\\d+\\.\\d+") @DefaultValue("v23.0") String apiVersion,
		@NotNull @DefaultValue("10s") Duration timeout, @Min(1) @Max(100) @DefaultValue("90") int usageThreshold,
		@NotNull @DefaultValue("10m") Duration throttleCoolDown) {
}
