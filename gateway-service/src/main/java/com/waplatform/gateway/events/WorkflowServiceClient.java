package com.waplatform.gateway.events;

import java.util.UUID;
import java.util.concurrent.TimeoutException;

import com.waplatform.gateway.config.GatewayProperties;
import com.waplatform.gateway.web.Problems;
import com.waplatform.support.security.InternalApiProperties;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * workflow-service's internal API ({@code gateway.workflow-service-url}), called with the
 * platform's service token ({@code platform.internal-api.token}): what a business event
 * triggered. A 404 (unknown event, or one of another organization) is empty; any other
 * failure, no answer or a timeout is a 502 problem.
 */
@Component
class WorkflowServiceClient {

	private final WebClient client;

	private final GatewayProperties properties;

	WorkflowServiceClient(WebClient.Builder builder, GatewayProperties properties, InternalApiProperties internalApi) {
		this.client = builder.baseUrl(properties.workflowServiceUrl().toString()).defaultHeaders((headers) -> {
			if (internalApi.enabled()) {
				headers.setBearerAuth(internalApi.token());
			}
		}).build();
		this.properties = properties;
	}

	/** The outcome workflow-service recorded for an event of this organization. */
	Mono<JsonNode> outcome(String organizationId, UUID eventId) {
		return this.client.get()
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
			})
			.timeout(this.properties.workflowServiceTimeout())
			.onErrorMap(WebClientRequestException.class, (ex) -> badGateway("workflow-service did not answer"))
			.onErrorMap(TimeoutException.class, (ex) -> badGateway(
					"workflow-service did not answer within " + this.properties.workflowServiceTimeout()));
	}

	private static ErrorResponseException badGateway(String detail) {
		return Problems.exception(HttpStatus.BAD_GATEWAY, "bad-gateway", "Workflow service failed", detail);
	}

}
