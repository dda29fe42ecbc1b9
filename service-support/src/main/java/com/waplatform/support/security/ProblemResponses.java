package com.waplatform.support.security;

import java.util.LinkedHashMap;
import java.util.Map;

import com.waplatform.common.json.Json;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * RFC 9457 problems written by the security filters, before any handler runs: 401 with
 * {@code WWW-Authenticate: Bearer} for a missing or wrong credential, 403 for a
 * credential that may not use the route.
 */
public final class ProblemResponses {

	/** The prefix of every problem {@code type} the platform answers with. */
	public static final String TYPE_PREFIX = "urn:waplatform:problem:";

	private ProblemResponses() {
	}

	public static ServerAuthenticationEntryPoint unauthorized(String detail) {
		return (exchange, ex) -> unauthorized(exchange, detail);
	}

	public static Mono<Void> unauthorized(ServerWebExchange exchange, String detail) {
		exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		return write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
	}

	public static ServerAccessDeniedHandler forbidden(String detail) {
		return (exchange, ex) -> write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
	}

	public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String kind, String title,
			String detail) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", TYPE_PREFIX + kind);
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", exchange.getRequest().getPath().value());
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		byte[] body = Json.mapper().writeValueAsBytes(problem);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
	}

}
