package com.waplatform.support.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Default-deny security for a service without a public API of its own: probes open,
 * {@code /internal/**} for the service token, every other route refused. A service with
 * its own routes (the gateway) declares its own {@link SecurityWebFilterChain}, built
 * from {@link PlatformSecurity}, and this one backs off.
 */
@AutoConfiguration(beforeName = {
		"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration" })
@ConditionalOnClass(ServerHttpSecurity.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnProperty(prefix = "platform", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(InternalApiProperties.class)
@EnableWebFluxSecurity
public class PlatformSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(SecurityWebFilterChain.class)
	SecurityWebFilterChain platformSecurity(ServerHttpSecurity http, InternalApiProperties internalApi,
			Environment environment) {
		return PlatformSecurity
			.stateless(http, "This service answers only its probes and, with the service token, /internal/**")
			.addFilterAt(PlatformSecurity.internalTokenFilter(internalApi), SecurityWebFiltersOrder.AUTHENTICATION)
			.authorizeExchange((exchanges) -> PlatformSecurity.permitProbes(exchanges, environment)
				.pathMatchers("/internal/**")
				.hasAuthority(PlatformSecurity.INTERNAL)
				.anyExchange()
				.denyAll())
			.build();
	}

}
