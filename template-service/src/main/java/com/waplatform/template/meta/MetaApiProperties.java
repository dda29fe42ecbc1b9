package com.waplatform.template.meta;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the Graph API is.
 *
 * @param baseUrl Meta's Graph API, or the simulator in the dev stack
 * @param apiVersion the Graph API version of every call
 * @param timeout the longest one page request may take
 */
@Validated
@ConfigurationProperties("template.meta")
public record MetaApiProperties(@NotBlank @DefaultValue("https://graph.facebook.com") String baseUrl,
		@NotBlank @Pattern(regexp = "v\\d+\\.\\d+") @DefaultValue("v23.0") String apiVersion,
		@NotNull @DefaultValue("10s") Duration timeout) {
}
