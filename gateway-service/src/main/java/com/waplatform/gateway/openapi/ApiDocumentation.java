package com.waplatform.gateway.openapi;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json31;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}):
 * springdoc finds every route, its parameters and the records it answers with; the
 * descriptions, the bodies read raw or proxied, the examples and the problem responses
 * come from {@link ApiDescriptions#LOCATION}, so the controllers stay free of
 * documentation annotations.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	/**
	 * Schemas named after their holder too ({@code MessageViews.Page} is
	 * {@code MessagePage}): a dozen records share a simple name, and swagger's default
	 * naming would give them all the first one's schema. Replaces swagger's default
	 * resolver (springdoc swaps a converter of the same class).
	 */
	@Bean
	ModelResolver gatewaySchemaNames() {
		return new ModelResolver(Json31.mapper(), new HolderQualifiedNames()).openapi31(true);
	}

	@Bean
	OpenApiCustomizer gatewayApiDescriptions() {
		return new ApiDescriptions(ApiDescriptions.load(new ClassPathResource(ApiDescriptions.LOCATION)));
	}

}
