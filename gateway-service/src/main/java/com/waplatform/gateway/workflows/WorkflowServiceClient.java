package com.waplatform.gateway.workflows;

import java.util.Map;
import java.util.UUID;

import com.waplatform.gateway.config.GatewayProperties;
import com.waplatform.gateway.web.InternalServiceProxy;
import com.waplatform.support.security.InternalApiProperties;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * workflow-service's internal API ({@code gateway.workflow-service-url}), called with the
 * platform's service token ({@code platform.internal-api.token}) and always for one
 * organization ({@code ?organizationId=}, the caller's): what a business event triggered
 * ({@link #outcome}), and the organization's workflows ({@link #forward}), passed through
 * as {@link InternalServiceProxy} describes.
 */
@Component
public class WorkflowServiceClient {

	/** Where workflow-service's workflow API lives. */
	static final String WORKFLOWS = "/internal/workflows";

	/** Our own routes' prefix in {@code Location}s pointing at the internal API. */
	private static final String PUBLIC_WORKFLOWS = "/v1/workflows";

	private final WebClient client;

	private final InternalServiceProxy proxy;

	WorkflowServiceClient(WebClient.Builder builder, GatewayProperties properties, InternalApiProperties internalApi) {
		this.client = builder.baseUrl(properties.workflowServiceUrl().toString()).defaultHeaders((headers) -> {
			if (internalApi.enabled()) {
				headers.setBearerAuth(internalApi.token());
			}
		}).build();
		this.proxy = new InternalServiceProxy(this.client, "workflow-service", "Workflow service failed",
				properties.workflowServiceTimeout(), WORKFLOWS, PUBLIC_WORKFLOWS);
	}

	/**
	 * The outcome workflow-service recorded for an event of this organization; empty for
	 * a 404 (unknown event, or one of another organization), a 502 problem for any other
	 * failure.
	 */
	public Mono<JsonNode> outcome(String organizationId, UUID eventId) {
		return this.proxy.call(this.client.get()
			.uri((uri) -> uri.path("/internal/events/{id}").queryParam("organizationId", organizationId).build(eventId))
			.accept(MediaType.APPLICATION_JSON)
			.exchangeToMono((response) -> {
				if (response.statusCode().value() == 404) {
					return response.releaseBody().then(Mono.<JsonNode>empty());
				}
				if (!response.statusCode().is2xxSuccessful()) {
					return response.releaseBody()
						.then(Mono.error(badGateway("workflow-service answered " + response.statusCode().value())));
				}
				return response.bodyToMono(JsonNode.class);
			}));
	}

	/**
	 * One call of workflow-service's workflow API for this organization, answered as
	 * workflow-service answered it ({@link InternalServiceProxy}).
	 * @param path a path template below {@code /internal/workflows}, e.g.
	 * {@code /{id}/enable}, or {@code ""}
	 */
	Mono<ResponseEntity<byte[]>> forward(HttpMethod method, String organizationId, @Nullable JsonNode body,
			MediaType contentType, String path, Object... variables) {
		return this.proxy.forward(method, organizationId, body, contentType, Map.of(), path, variables);
	}

	ErrorResponseException badGateway(String detail) {
		return this.proxy.badGateway(detail);
	}

}
