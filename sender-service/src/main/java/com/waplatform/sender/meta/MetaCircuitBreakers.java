package com.waplatform.sender.meta;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.springframework.stereotype.Component;

/**
 * One circuit breaker per business number, so an outage seen by one number (a suspended
 * account, a regional problem) does not stop the others. Tuned by the
 * {@code resilience4j.circuitbreaker.configs.meta} settings; only outages count as
 * failures ({@link MetaCallException#signalsOutage}).
 */
@Component
public class MetaCircuitBreakers {

	private final CircuitBreakerRegistry registry;

	private final CircuitBreakerConfig config;

	MetaCircuitBreakers(CircuitBreakerRegistry registry) {
		this.registry = registry;
		CircuitBreakerConfig base = registry.getConfiguration("meta").orElseGet(registry::getDefaultConfig);
		this.config = CircuitBreakerConfig.from(base).recordException(MetaCallException::signalsOutage).build();
	}

	public CircuitBreaker forNumber(String phoneNumberId) {
		return this.registry.circuitBreaker("meta-" + phoneNumberId, this.config);
	}

	/**
	 * Whether the number's calls go through as usual (closed or disabled), not held back
	 * or let through as trials.
	 */
	public boolean closed(String phoneNumberId) {
		CircuitBreaker.State state = forNumber(phoneNumberId).getState();
		return state == CircuitBreaker.State.CLOSED || state == CircuitBreaker.State.DISABLED;
	}

}
