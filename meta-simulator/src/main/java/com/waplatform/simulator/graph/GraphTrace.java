package com.waplatform.simulator.graph;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.web.server.ServerWebExchange;

/**
 * Meta's per-request ids: {@code x-fb-trace-id} (also the {@code fbtrace_id} of error
 * envelopes) and {@code x-fb-request-id}.
 */
public final class GraphTrace {

	static final String ATTRIBUTE = GraphTrace.class.getName() + ".traceId";

	private static final SecureRandom RANDOM = new SecureRandom();

	private GraphTrace() {
	}

	/** The trace id of this exchange, created on first use. */
	public static String traceId(ServerWebExchange exchange) {
		return exchange.getAttributes().computeIfAbsent(ATTRIBUTE, (key) -> newId(16)).toString();
	}

	static String newId(int bytes) {
		byte[] random = new byte[bytes];
		RANDOM.nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

}
