package com.waplatform.gateway.auth;

import java.util.Optional;

import com.waplatform.gateway.web.ProblemWriter;
import com.waplatform.gateway.web.Problems;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Authenticates {@code /v1/**} (except the admin API) with {@code Authorization: Bearer
 * <api key>} and records the caller's organization on the exchange; a missing or unknown
 * key is a 401 problem.
 */
@Component
class ApiKeyFilter implements WebFilter, Ordered {

	private final ApiKeyStore keys;

	ApiKeyFilter(ApiKeyStore keys) {
		this.keys = keys;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (!path.startsWith("/v1/") || path.startsWith("/v1/admin/") || path.equals("/v1/admin")) {
			return chain.filter(exchange);
		}
		String key = BearerTokens.of(exchange.getRequest().getHeaders());
		if (key == null) {
			return unauthorized(exchange, "Missing API key: send Authorization: Bearer <api key>");
		}
		if (!ApiKeys.looksLikeKey(key)) {
			return unauthorized(exchange, "Unknown or revoked API key");
		}
		return this.keys.organizationOf(key)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((organizationId) -> {
				if (organizationId.isEmpty()) {
					return unauthorized(exchange, "Unknown or revoked API key");
				}
				exchange.getAttributes().put(Caller.ORGANIZATION_ID, organizationId.get());
				return chain.filter(exchange);
			});
	}

	static Mono<Void> unauthorized(ServerWebExchange exchange, String detail) {
		exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		return ProblemWriter.write(exchange,
				Problems.problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail));
	}

}
