package com.waplatform.simulator.graph;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/** Adds Meta's response headers to every Graph call ({@code /v<major>.<minor>/...}). */
@Component
class GraphHeadersFilter implements WebFilter {

	private static final Pattern VERSIONED_PATH = Pattern.compile("^/(v\\d+\\.\\d+)/.*");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Matcher matcher = VERSIONED_PATH.matcher(exchange.getRequest().getPath().value());
		if (matcher.matches()) {
			HttpHeaders headers = exchange.getResponse().getHeaders();
			headers.set("x-fb-trace-id", GraphTrace.traceId(exchange));
			headers.set("x-fb-request-id", GraphTrace.newId(18));
			headers.set("facebook-api-version", matcher.group(1));
		}
		return chain.filter(exchange);
	}

}
