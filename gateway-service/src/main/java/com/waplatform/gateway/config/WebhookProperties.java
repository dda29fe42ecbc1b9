package com.waplatform.gateway.config;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Meta webhook ingress.
 *
 * @param verifyToken the token Meta echoes in the subscription handshake; when blank
 * every handshake is refused
 * @param maxBodySize the largest webhook body accepted
 * @param secretsReloadInterval the shortest interval between two reloads of the app
 * secrets triggered by a signature that matches none of the cached ones
 */
@Validated
@ConfigurationProperties("gateway.webhook")
public record WebhookProperties(@Nullable String verifyToken, @NotNull @DefaultValue("1MB") DataSize maxBodySize,
		@NotNull @DefaultValue("10s") Duration secretsReloadInterval,
		@NotNull @DefaultValue("10s") Duration publishTimeout) {

	public boolean handshakeEnabled() {
		return this.verifyToken != null && !this.verifyToken.isBlank();
	}

}
