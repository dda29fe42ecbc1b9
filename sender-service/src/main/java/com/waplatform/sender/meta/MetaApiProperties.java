package com.waplatform.sender.meta;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sender.meta.*}: where the Graph API is and how the connection pool to it is
 * sized. At 1,000 messages per second and 100–500 ms per call about 500 calls are in
 * flight, hence the default of 1,000 connections.
 *
 * @param baseUrl the Graph API (the dev stack points it at the Meta simulator)
 * @param apiVersion the Graph API version in every path
 * @param connectTimeout TCP connect timeout
 * @param readTimeout how long Meta may take to answer a call
 * @param maxConnections pooled connections to Meta
 * @param pendingAcquireTimeout how long a call may wait for a free connection
 */
@Validated
@ConfigurationProperties("sender.meta")
public record MetaApiProperties(@NotNull @DefaultValue("https://graph.facebook.com") URI baseUrl,
		@NotNull @Pattern(regexp = "v\\d+\\.\\d+") @DefaultValue("v23.0") String apiVersion,
		@NotNull @DefaultValue("2s") Duration connectTimeout, @NotNull @DefaultValue("10s") Duration readTimeout,
		@Min(1) @Max(10_000) @DefaultValue("1000") int maxConnections,
		@NotNull @DefaultValue("5s") Duration pendingAcquireTimeout) {

}
