package com.waplatform.support.security;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code platform.internal-api.*}: how services call each other's {@code /internal/**}
 * endpoints (the gateway proxying template sync and creation, operators replaying dead
 * letters).
 *
 * @param token the service token callers send as {@code Authorization: Bearer <token>};
 * when blank, every {@code /internal/**} call is refused
 */
@Validated
@ConfigurationProperties("platform.internal-api")
public record InternalApiProperties(@Nullable String token) {

	public boolean enabled() {
		return this.token != null && !this.token.isBlank();
	}

}
