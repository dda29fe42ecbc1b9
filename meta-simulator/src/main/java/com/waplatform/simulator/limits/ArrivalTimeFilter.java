package com.waplatform.simulator.limits;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Stamps every request with the time it arrived (monotonic nanoseconds), before its body
 * is read, parsed and validated. The throughput window counts sends at their arrival, as
 * seen from outside Meta: how long this JVM then took to get to the check (a busy core, a
 * collection pause) is not the client's doing and must not bunch its sends.
 */
@Component
public class ArrivalTimeFilter implements WebFilter, Ordered {

	private static final String ATTRIBUTE = ArrivalTimeFilter.class.getName() + ".arrivedAt";

	/** When the exchange's request arrived; now when it was not stamped. */
	public static long arrivedAt(ServerWebExchange exchange) {
		Long arrived = exchange.getAttribute(ATTRIBUTE);
		return (arrived != null) ? arrived : System.nanoTime();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getAttributes().put(ATTRIBUTE, System.nanoTime());
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
