package com.waplatform.gateway.media;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gateway.meta.*}: where Meta's Graph API is, for the media calls (named as
 * sender-service's {@code sender.meta.*}).
 *
 * @param baseUrl the Graph API (the dev stack points it at the Meta simulator)
 * @param apiVersion the Graph API version in every path
 * @param timeout how long a metadata or upload call, or the first byte of a download, may
 * take
 */
@Validated
@ConfigurationProperties("gateway.meta")
public record MetaGraphProperties(@NotNull @DefaultValue("https://graph.facebook.com") URI baseUrl,
		@NotNull @Pattern(regexp = "v\\d+\\.\\d+") @DefaultValue("v23.0") String apiVersion,
		@NotNull @DefaultValue("30s") Duration timeout) {

}
