package com.waplatform.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import com.waplatform.gateway.config.RateLimitProperties;
import com.waplatform.gateway.web.Routes;
import com.waplatform.support.security.ProblemResponses;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;

/**
 * The two request limits of {@code /v1/**}, as filters for the security chain: one per
 * client address (placed before authentication) and one per authenticated caller (after
 * it). Refusals are 429 problems with {@code Retry-After}, counted in
 * {@code gateway.requests.rate-limited} by limit.
 */
@Component
public class RateLimitFilters {

	private static final ServerWebExchangeMatcher API = ServerWebExchangeMatchers.pathMatchers(Routes.API);

	private final RequestLimits perAddress;

	private final RequestLimits perCaller;

	private final MeterRegistry meters;

	RateLimitFilters(RateLimitProperties properties, MeterRegistry meters) {
		this.perAddress = new RequestLimits(properties.perClientAddress(), properties.period(),
				properties.maxTracked());
		this.perCaller = new RequestLimits(properties.perApiKey(), properties.period(), properties.maxTracked());
		this.meters = meters;
	}

	/**
	 * Limits requests per client address (the connection's peer; no forwarded header is
	 * trusted).
	 */
	public WebFilter perClientAddress() {
		return limit("client-address", this.perAddress, (exchange) -> Mono.just(clientAddress(exchange)));
	}

	/**
	 * Limits requests per API key, named by {@code keyOf} from the authenticated
	 * principal (empty for a caller without a key: the operator's admin token is limited
	 * only by its address, provisioning bursts are the operator's to make).
	 */
	public WebFilter perApiKey(Function<Object, Optional<String>> keyOf) {
		return limit("api-key", this.perCaller,
				(exchange) -> ReactiveSecurityContextHolder.getContext()
					.mapNotNull((context) -> context.getAuthentication())
					.flatMap((authentication) -> Mono.justOrEmpty(keyOf.apply(authentication.getPrincipal()))));
	}

	private WebFilter limit(String name, RequestLimits limits, Function<ServerWebExchange, Mono<String>> key) {
		return (exchange, chain) -> API.matches(exchange)
			.filter(ServerWebExchangeMatcher.MatchResult::isMatch)
			.flatMap((match) -> key.apply(exchange))
			.map(limits::acquire)
			.defaultIfEmpty(Duration.ZERO)
			.flatMap((wait) -> wait.isZero() ? chain.filter(exchange) : tooManyRequests(exchange, name, wait));
	}

	private Mono<Void> tooManyRequests(ServerWebExchange exchange, String limit, Duration wait) {
		this.meters.counter("gateway.requests.rate-limited", "limit", limit).increment();
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		return ProblemResponses.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
				"The " + limit + " request limit is reached; retry after " + seconds + " s");
	}

	private static String clientAddress(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		return (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : "unknown";
	}

}
