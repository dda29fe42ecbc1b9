package com.waplatform.gateway.config;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Access to the gateway.
 *
 * @param adminToken the bearer token of the admin API ({@code /v1/admin/**}); when blank
 * the admin API refuses every call
 * @param apiKeyCacheTtl how long a resolved API key is trusted without a database lookup
 * (bounds how long a revoked key keeps working)
 */
@Validated
@ConfigurationProperties("gateway")
public record GatewayProperties(@Nullable String adminToken, @NotNull @DefaultValue("60s") Duration apiKeyCacheTtl) {

	public boolean adminApiEnabled() {
		return this.adminToken != null && !this.adminToken.isBlank();
	}

}
