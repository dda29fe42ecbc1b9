package com.waplatform.support.security;

import java.net.InetSocketAddress;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The pieces every service's {@code SecurityWebFilterChain} is made of. Authorization is
 * decided by path patterns matched the way WebFlux routes (decoded segments, matrix
 * parameters removed), and Spring Security's strict firewall answers 400 to paths with
 * {@code ;}, encoded {@code /} or {@code .}, {@code //} or dot segments before any rule
 * is looked at.
 */
public final class PlatformSecurity {

	/**
	 * The liveness probe on a service's public port (Boot's additional path of the
	 * {@code liveness} health group); the rest of the actuator is on the management port.
	 */
	public static final String LIVENESS = "/livez";

	/** The readiness probe on a service's public port. */
	public static final String READINESS = "/readyz";

	/** The authority of a caller that presented the platform's service token. */
	public static final String INTERNAL = "INTERNAL";

	private PlatformSecurity() {
	}

	/**
	 * Stateless bearer-token security: no session, no login page, no CSRF (no cookies),
	 * problems for 401 and 403.
	 */
	public static ServerHttpSecurity stateless(ServerHttpSecurity http, String unauthorizedDetail) {
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.exceptionHandling(
					(handling) -> handling.authenticationEntryPoint(ProblemResponses.unauthorized(unauthorizedDetail))
						.accessDeniedHandler(ProblemResponses.forbidden("This credential may not use this route")));
	}

	/**
	 * Liveness and readiness are open on the public port (the orchestrator calls them
	 * without credentials), and everything is open on the management port, which only the
	 * actuator serves and which is reachable only from inside the deployment (Prometheus
	 * scrapes it). {@code /actuator/**} on the public port stays refused.
	 */
	public static AuthorizeExchangeSpec permitProbes(AuthorizeExchangeSpec exchanges, Environment environment) {
		return exchanges.pathMatchers(HttpMethod.GET, LIVENESS, READINESS)
			.permitAll()
			.matchers(managementPort(environment))
			.permitAll();
	}

	/**
	 * Requests that arrived on the management server's own port (never matches when the
	 * actuator shares the public port).
	 */
	static ServerWebExchangeMatcher managementPort(Environment environment) {
		return (exchange) -> {
			Integer management = environment.getProperty("local.management.port", Integer.class);
			Integer server = environment.getProperty("local.server.port", Integer.class);
			InetSocketAddress local = exchange.getRequest().getLocalAddress();
			boolean matches = management != null && !management.equals(server) && local != null
					&& local.getPort() == management;
			return matches ? ServerWebExchangeMatcher.MatchResult.match()
					: ServerWebExchangeMatcher.MatchResult.notMatch();
		};
	}

	/**
	 * Authenticates {@code /internal/**} calls carrying the service token with the
	 * {@link #INTERNAL} authority; a wrong token is a 401 at once.
	 */
	public static AuthenticationWebFilter internalTokenFilter(InternalApiProperties properties) {
		ReactiveAuthenticationManager manager = (authentication) -> {
			Object given = authentication.getCredentials();
			String expected = properties.token();
			if (expected == null || expected.isBlank() || !(given instanceof String token)
					|| !BearerTokens.matches(token, expected)) {
				return Mono.error(new BadCredentialsException("wrong service token"));
			}
			return Mono.just(new PreAuthenticatedAuthenticationToken("internal", null,
					List.of(new SimpleGrantedAuthority(INTERNAL))));
		};
		AuthenticationWebFilter filter = new AuthenticationWebFilter(manager);
		filter.setRequiresAuthenticationMatcher(ServerWebExchangeMatchers.pathMatchers("/internal/**"));
		filter.setServerAuthenticationConverter(
				(exchange) -> Mono.justOrEmpty(BearerTokens.of(exchange.getRequest().getHeaders()))
					.map((token) -> new PreAuthenticatedAuthenticationToken("internal", token)));
		filter.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(
				ProblemResponses.unauthorized("Missing or wrong service token (platform.internal-api.token)")));
		filter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
		return filter;
	}

}
