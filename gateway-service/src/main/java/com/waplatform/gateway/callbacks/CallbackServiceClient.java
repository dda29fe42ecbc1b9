package com.waplatform.gateway.callbacks;

import java.util.Map;

import com.waplatform.gateway.web.InternalServiceProxy;
import com.waplatform.support.security.InternalApiProperties;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * callback-service's internal API ({@code gateway.callback-service-url}), called with the
 * platform's service token and always for one organization ({@code ?organizationId=}, the
 * caller's); its answers passed on as {@link InternalServiceProxy} describes.
 */
@Component
class CallbackServiceClient {

	static final String CALLBACKS = "/internal/callbacks";

	private static final String PUBLIC_CALLBACKS = "/v1/callbacks";

	private final InternalServiceProxy proxy;

	CallbackServiceClient(WebClient.Builder builder, CallbackServiceProperties properties,
			InternalApiProperties internalApi) {
		WebClient client = builder.baseUrl(properties.callbackServiceUrl().toString()).defaultHeaders((headers) -> {
			if (internalApi.enabled()) {
				headers.setBearerAuth(internalApi.token());
			}
		}).build();
		this.proxy = new InternalServiceProxy(client, "callback-service", "Callback service failed",
				properties.callbackServiceTimeout(), CALLBACKS, PUBLIC_CALLBACKS);
	}

	/**
	 * One call for this organization.
	 * @param path a path template below {@code /internal/callbacks}, or {@code ""}
	 * @param query query parameters to pass on (only those a route allows)
	 */
	Mono<ResponseEntity<byte[]>> forward(HttpMethod method, String organizationId, @Nullable JsonNode body,
			Map<String, String> query, String path, Object... variables) {
		return this.proxy.forward(method, organizationId, body, MediaType.APPLICATION_JSON, query, path, variables);
	}

}
