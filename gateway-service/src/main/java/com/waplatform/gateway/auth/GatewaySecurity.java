package com.waplatform.gateway.auth;

import java.util.Optional;

import com.waplatform.gateway.config.GatewayProperties;
import com.waplatform.gateway.ratelimit.RateLimitFilters;
import com.waplatform.gateway.web.Routes;
import com.waplatform.support.security.PlatformSecurity;
import com.waplatform.support.security.ProblemResponses;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Who may call which route of the gateway, decided by Spring Security on the same path
 * patterns the controllers are mapped to ({@link Routes}), matched as WebFlux matches
 * them. Every route is listed with its method; anything else is refused (default deny),
 * so a controller nobody configured here answers 401/403, never its handler. Paths with
 * {@code ;}, encoded {@code /}, {@code %2e}, {@code //} or dot segments never reach a
 * rule: Spring Security's strict firewall answers 400.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurity {

	@Bean
	SecurityWebFilterChain gatewaySecurityChain(ServerHttpSecurity http, ApiKeyStore keys, GatewayProperties properties,
			RateLimitFilters rateLimits, Environment environment) {
		return PlatformSecurity.stateless(http,
				"Missing credential: send Authorization: Bearer <api key> (or the admin token for /v1/admin)")
			.addFilterBefore(rateLimits.perClientAddress(), SecurityWebFiltersOrder.AUTHENTICATION)
			.addFilterAt(authentication(keys, properties), SecurityWebFiltersOrder.AUTHENTICATION)
			.addFilterAfter(rateLimits.perApiKey((principal) -> (principal instanceof Caller.Organization organization)
					? Optional.of(organization.keyHash()) : Optional.empty()), SecurityWebFiltersOrder.AUTHENTICATION)
			.authorizeExchange((exchanges) -> PlatformSecurity.permitProbes(exchanges, environment)
				// Meta's webhooks: authenticated by the signature, in the handler
				.pathMatchers(HttpMethod.GET, Routes.META_WEBHOOKS)
				.permitAll()
				.pathMatchers(HttpMethod.POST, Routes.META_WEBHOOKS)
				.permitAll()
				// the API document and Swagger UI: public, read-only
				.pathMatchers(HttpMethod.GET, Routes.API_DOCS, Routes.API_DOCS_YAML, Routes.API_DOCS_UI_CONFIG,
						Routes.API_DOCS_UI, Routes.API_DOCS_UI_FILES)
				.permitAll()
				// an organization, through one of its API keys
				.pathMatchers(HttpMethod.GET, Routes.MESSAGES, Routes.MESSAGE, Routes.TEMPLATES, Routes.TEMPLATE,
						Routes.EVENT)
				.hasAuthority(CallerAuthentication.ORGANIZATION)
				.pathMatchers(HttpMethod.POST, Routes.MESSAGES, Routes.TEMPLATES, Routes.TEMPLATE_SYNC,
						Routes.TEMPLATE_PREVIEW, Routes.EVENTS)
				.hasAuthority(CallerAuthentication.ORGANIZATION)
				.pathMatchers(HttpMethod.DELETE, Routes.MESSAGE)
				.hasAuthority(CallerAuthentication.ORGANIZATION)
				// media files: streamed from Meta, uploaded to Meta
				.pathMatchers(HttpMethod.GET, Routes.MEDIA_FILE)
				.hasAuthority(CallerAuthentication.ORGANIZATION)
				.pathMatchers(HttpMethod.POST, Routes.MEDIA)
				.hasAuthority(CallerAuthentication.ORGANIZATION)
				// the organization's numbers, queue and analytics
				.pathMatchers(HttpMethod.GET, Routes.NUMBERS, Routes.QUEUE, Routes.MESSAGE_ANALYTICS)
				.hasAuthority(CallerAuthentication.ORGANIZATION)
				// the organization's conversations and suppression list
				.pathMatchers(HttpMethod.GET, Routes.CONVERSATIONS, Routes.CONVERSATION_MESSAGES, Routes.SUPPRESSIONS,
						Routes.SUPPRESSION)
				.hasAuthority(CallerAuthentication.ORGANIZATION)
				.pathMatchers(HttpMethod.POST, Routes.CONVERSATION_READ, Routes.SUPPRESSIONS)
				.hasAuthority(CallerAuthentication.ORGANIZATION)
				.pathMatchers(HttpMethod.DELETE, Routes.SUPPRESSION)
				.hasAuthority(CallerAuthentication.ORGANIZATION)
				// the organization's workflows, proxied to workflow-service
				.pathMatchers(HttpMethod.GET, Routes.WORKFLOWS)
				.hasAuthority(CallerAuthentication.ORGANIZATION)
				.pathMatchers(HttpMethod.POST, Routes.WORKFLOWS)
				.hasAuthority(CallerAuthentication.ORGANIZATION)
				.pathMatchers(HttpMethod.POST, Routes.WORKFLOW_DEFAULTS)
				.hasAuthority(CallerAuthentication.ORGANIZATION)
				.pathMatchers(HttpMethod.GET, Routes.WORKFLOW)
				.hasAuthority(CallerAuthentication.ORGANIZATION)
				.pathMatchers(HttpMethod.PUT, Routes.WORKFLOW)
				.hasAuthority(CallerAuthentication.ORGANIZATION)
				.pathMatchers(HttpMethod.DELETE, Routes.WORKFLOW)
				.hasAuthority(CallerAuthentication.ORGANIZATION)
				.pathMatchers(HttpMethod.POST, Routes.WORKFLOW_ENABLE)
				.hasAuthority(CallerAuthentication.ORGANIZATION)
				.pathMatchers(HttpMethod.POST, Routes.WORKFLOW_DISABLE)
				.hasAuthority(CallerAuthentication.ORGANIZATION)
				.pathMatchers(HttpMethod.GET, Routes.WORKFLOW_VERSIONS)
				.hasAuthority(CallerAuthentication.ORGANIZATION)
				.pathMatchers(HttpMethod.POST, Routes.WORKFLOW_TEST)
				.hasAuthority(CallerAuthentication.ORGANIZATION)
				// the organization's callback endpoints, proxied to callback-service
				.pathMatchers(HttpMethod.GET, Routes.CALLBACKS)
				.hasAuthority(CallerAuthentication.ORGANIZATION)
				.pathMatchers(HttpMethod.POST, Routes.CALLBACKS)
				.hasAuthority(CallerAuthentication.ORGANIZATION)
				.pathMatchers(HttpMethod.GET, Routes.CALLBACK)
				.hasAuthority(CallerAuthentication.ORGANIZATION)
				.pathMatchers(HttpMethod.PATCH, Routes.CALLBACK)
				.hasAuthority(CallerAuthentication.ORGANIZATION)
				.pathMatchers(HttpMethod.DELETE, Routes.CALLBACK)
				.hasAuthority(CallerAuthentication.ORGANIZATION)
				.pathMatchers(HttpMethod.POST, Routes.CALLBACK_ROTATE_SECRET)
				.hasAuthority(CallerAuthentication.ORGANIZATION)
				.pathMatchers(HttpMethod.GET, Routes.CALLBACK_DELIVERIES)
				.hasAuthority(CallerAuthentication.ORGANIZATION)
				.pathMatchers(HttpMethod.POST, Routes.CALLBACK_REPLAY)
				.hasAuthority(CallerAuthentication.ORGANIZATION)
				// the operator, through the admin token
				.pathMatchers(HttpMethod.POST, Routes.ORGANIZATIONS, Routes.PHONE_NUMBERS, Routes.API_KEYS)
				.hasAuthority(CallerAuthentication.ADMIN)
				.pathMatchers(HttpMethod.GET, Routes.ORGANIZATION)
				.hasAuthority(CallerAuthentication.ADMIN)
				.pathMatchers(HttpMethod.PATCH, Routes.ORGANIZATION)
				.hasAuthority(CallerAuthentication.ADMIN)
				.pathMatchers(HttpMethod.GET, Routes.ORGANIZATION_SETTINGS)
				.hasAuthority(CallerAuthentication.ADMIN)
				.pathMatchers(HttpMethod.PUT, Routes.ORGANIZATION_SETTINGS)
				.hasAuthority(CallerAuthentication.ADMIN)
				.pathMatchers(HttpMethod.DELETE, Routes.API_KEY)
				.hasAuthority(CallerAuthentication.ADMIN)
				.pathMatchers(HttpMethod.GET, Routes.DEAD_LETTERS)
				.hasAuthority(CallerAuthentication.ADMIN)
				.pathMatchers(HttpMethod.POST, Routes.DEAD_LETTER_REPLAY)
				.hasAuthority(CallerAuthentication.ADMIN)
				.anyExchange()
				.denyAll())
			.build();
	}

	/**
	 * Reads the bearer credential of {@code /v1/**} requests (elsewhere none is expected,
	 * and a stray header on a webhook does not refuse it); a wrong one is a 401 at once.
	 * The organization of an API key is handed to the handlers as an exchange attribute.
	 */
	private static AuthenticationWebFilter authentication(ApiKeyStore keys, GatewayProperties properties) {
		CallerAuthentication callers = new CallerAuthentication(keys, properties);
		AuthenticationWebFilter filter = new AuthenticationWebFilter(callers);
		filter.setRequiresAuthenticationMatcher(ServerWebExchangeMatchers.pathMatchers(Routes.API));
		filter.setServerAuthenticationConverter(callers);
		filter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
		filter.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(
				ProblemResponses.unauthorized("Unknown or revoked API key, or wrong admin token")));
		filter.setAuthenticationSuccessHandler((webFilterExchange, authentication) -> {
			if (authentication.getPrincipal() instanceof Caller.Organization organization) {
				webFilterExchange.getExchange()
					.getAttributes()
					.put(Caller.ORGANIZATION_ID, organization.organizationId());
			}
			return webFilterExchange.getChain().filter(webFilterExchange.getExchange());
		});
		return filter;
	}

}
