package com.waplatform.gateway.config;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Access to the gateway, and the services it proxies to.
 *
 * @param adminToken the bearer token of the admin API ({@code /v1/admin/**}); when blank
 * the admin API refuses every call
 * @param apiKeyCacheTtl how long a resolved API key is trusted without a database lookup
 * (bounds how long a revoked key keeps working)
 * @param unknownKeyCacheTtl how long a key that resolved to nothing is refused without a
 * database lookup, so that random keys cost no query each (bounds how long another
 * instance's newly issued key may be refused here)
 * @param templateServiceUrl where template-service answers its internal API (template
 * sync and creation are proxied to it)
 * @param templateServiceTimeout the longest wait for one template-service call (a sync
 * reads Meta's whole template list)
 * @param workflowServiceUrl where workflow-service answers its internal API (what a
 * business event triggered, {@code GET /v1/events/{id}})
 * @param workflowServiceTimeout the longest wait for one workflow-service call
 */
@Validated
@ConfigurationProperties("gateway")
public record GatewayProperties(@Nullable String adminToken, @NotNull @DefaultValue("60s") Duration apiKeyCacheTtl,
		@NotNull @DefaultValue("30s") Duration unknownKeyCacheTtl,
		@NotNull @DefaultValue("http://localhost:8082") URI templateServiceUrl,
		@NotNull @DefaultValue("60s") Duration templateServiceTimeout,
		@NotNull @DefaultValue("http://localhost:8084") URI workflowServiceUrl,
		@NotNull @DefaultValue("10s") Duration workflowServiceTimeout) {

	public boolean adminApiEnabled() {
		return this.adminToken != null && !this.adminToken.isBlank();
	}

}
