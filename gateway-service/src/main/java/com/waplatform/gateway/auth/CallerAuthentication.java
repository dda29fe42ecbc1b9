package com.waplatform.gateway.auth;

import java.util.List;

import com.waplatform.gateway.config.GatewayProperties;
import com.waplatform.support.security.BearerTokens;
import reactor.core.publisher.Mono;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

/**
 * Turns {@code Authorization: Bearer <token>} into a caller: an API key becomes its
 * organization (authority {@value #ORGANIZATION}), the configured admin token the
 * operator (authority {@value #ADMIN}). Anything else is a 401.
 */
final class CallerAuthentication implements ServerAuthenticationConverter, ReactiveAuthenticationManager {

	static final String ORGANIZATION = "ORGANIZATION";

	static final String ADMIN = "ADMIN";

	private final ApiKeyStore keys;

	private final GatewayProperties properties;

	CallerAuthentication(ApiKeyStore keys, GatewayProperties properties) {
		this.keys = keys;
		this.properties = properties;
	}

	@Override
	public Mono<Authentication> convert(ServerWebExchange exchange) {
		return Mono.justOrEmpty(BearerTokens.of(exchange.getRequest().getHeaders()))
			.map((token) -> new PreAuthenticatedAuthenticationToken("bearer", token));
	}

	@Override
	public Mono<Authentication> authenticate(Authentication authentication) {
		String token = (String) authentication.getCredentials();
		if (ApiKeys.looksLikeKey(token)) {
			return this.keys.organizationOf(token)
				.map((organizationId) -> authenticated(new Caller.Organization(organizationId, ApiKeys.hash(token)),
						ORGANIZATION))
				.switchIfEmpty(Mono.error(() -> new BadCredentialsException("Unknown or revoked API key")));
		}
		if (this.properties.adminApiEnabled() && BearerTokens.matches(token, this.properties.adminToken())) {
			return Mono.just(authenticated(Caller.ADMIN, ADMIN));
		}
		return Mono.error(new BadCredentialsException("Unknown or revoked API key, or wrong admin token"));
	}

	private static Authentication authenticated(Object principal, String authority) {
		return new PreAuthenticatedAuthenticationToken(principal, null, List.of(new SimpleGrantedAuthority(authority)));
	}

}
