package com.waplatform.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import com.waplatform.gateway.config.GatewayProperties;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Guards the admin API ({@code /v1/admin/**}) with the configured admin token, compared
 * in constant time. Without a configured token the admin API is closed.
 */
@Component
class AdminTokenFilter implements WebFilter, Ordered {

	private final GatewayProperties properties;

	AdminTokenFilter(GatewayProperties properties) {
		this.properties = properties;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (!path.startsWith("/v1/admin/") && !path.equals("/v1/admin")) {
			return chain.filter(exchange);
		}
		if (!this.properties.adminApiEnabled()) {
			return ApiKeyFilter.unauthorized(exchange, "The admin API is disabled (gateway.admin-token is not set)");
		}
		String token = BearerTokens.of(exchange.getRequest().getHeaders());
		if (token == null || !constantTimeEquals(token, this.properties.adminToken())) {
			return ApiKeyFilter.unauthorized(exchange, "Missing or wrong admin token");
		}
		return chain.filter(exchange);
	}

	/**
	 * Compares digests, so that neither the content nor the length of the token leaks
	 * through timing.
	 */
	private static boolean constantTimeEquals(String given, String expected) {
		return MessageDigest.isEqual(ApiKeys.hash(given).getBytes(StandardCharsets.US_ASCII),
				ApiKeys.hash(expected).getBytes(StandardCharsets.US_ASCII));
	}

}
