package com.waplatform.gateway.callbacks;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import com.waplatform.common.json.Json;
import com.waplatform.gateway.web.Problems;
import com.waplatform.support.security.InternalApiProperties;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * callback-service's internal API ({@code gateway.callback-service-url}), called with the
 * platform's service token and always for one organization ({@code ?organizationId=}, the
 * caller's). Its answers are passed on as they are, like workflow-service's
 * ({@code WorkflowServiceClient}): a 2xx with its status and body ({@code Location} made
 * public); a 4xx problem or a 503 with its status, members and {@code Retry-After}. A
 * 5xx, a refusal of the gateway's own token (401, 403), no answer, a timeout or an answer
 * too large to hold is a 502 problem.
 */
@Component
class CallbackServiceClient {

	static final String CALLBACKS = "/internal/callbacks";

	private static final String PUBLIC_CALLBACKS = "/v1/callbacks";

	private final WebClient client;

	private final CallbackServiceProperties properties;

	CallbackServiceClient(WebClient.Builder builder, CallbackServiceProperties properties,
			InternalApiProperties internalApi) {
		this.client = builder.baseUrl(properties.callbackServiceUrl().toString()).defaultHeaders((headers) -> {
			if (internalApi.enabled()) {
				headers.setBearerAuth(internalApi.token());
			}
		}).build();
		this.properties = properties;
	}

	/**
	 * One call for this organization.
	 * @param path a path template below {@code /internal/callbacks}, or {@code ""}
	 * @param query query parameters to pass on (only those a route allows)
	 */
	Mono<ResponseEntity<byte[]>> forward(HttpMethod method, String organizationId, @Nullable JsonNode body,
			Map<String, String> query, String path, Object... variables) {
		WebClient.RequestBodySpec request = this.client.method(method).uri((uri) -> {
			uri.path(CALLBACKS + path).queryParam("organizationId", organizationId);
			query.forEach(uri::queryParam);
			return uri.build(variables);
		}).accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
		WebClient.RequestHeadersSpec<?> withBody = (body != null)
				? request.contentType(MediaType.APPLICATION_JSON).bodyValue(Json.mapper().writeValueAsBytes(body))
				: request;
		return withBody.exchangeToMono(CallbackServiceClient::passOn)
			.timeout(this.properties.callbackServiceTimeout())
			.onErrorMap(WebClientRequestException.class, (ex) -> badGateway("callback-service did not answer"))
			.onErrorMap(TimeoutException.class,
					(ex) -> badGateway(
							"callback-service did not answer within " + this.properties.callbackServiceTimeout()))
			.onErrorMap(DataBufferLimitException.class,
					(ex) -> badGateway("callback-service's answer is larger than the gateway holds"));
	}

	private static Mono<ResponseEntity<byte[]>> passOn(ClientResponse response) {
		HttpStatusCode status = response.statusCode();
		HttpHeaders headers = response.headers().asHttpHeaders();
		if (status.is2xxSuccessful()) {
			return response.bodyToMono(byte[].class)
				.map((bytes) -> success(status, headers, bytes))
				.defaultIfEmpty(success(status, headers, new byte[0]));
		}
		int value = status.value();
		if ((status.is4xxClientError() && value != 401 && value != 403 && value != 407) || value == 503) {
			return response.bodyToMono(byte[].class)
				.defaultIfEmpty(new byte[0])
				.map((bytes) -> problem(status, headers, bytes));
		}
		String detail = (value == 401 || value == 403)
				? "callback-service refused the gateway's service token (" + value + ")"
				: "callback-service answered " + value;
		return response.releaseBody().then(Mono.error(badGateway(detail)));
	}

	private static ResponseEntity<byte[]> success(HttpStatusCode status, HttpHeaders upstream, byte[] body) {
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
		URI location = publicPath(upstream.getLocation());
		if (location != null) {
			answer.location(location);
		}
		if (body.length == 0) {
			return answer.build();
		}
		MediaType type = upstream.getContentType();
		return answer.contentType((type != null) ? type : MediaType.APPLICATION_JSON).body(body);
	}

	/**
	 * callback-service's problem, member for member, with a type and no internal path.
	 */
	private static ResponseEntity<byte[]> problem(HttpStatusCode status, HttpHeaders upstream, byte[] body) {
		ObjectNode problem = readObject(body);
		if (problem == null) {
			problem = Json.mapper().createObjectNode();
			problem.put("detail", "callback-service answered " + status.value());
		}
		JsonNode type = problem.get("type");
		if (type == null || !type.isString() || type.stringValue().isBlank()
				|| "about:blank".equals(type.stringValue())) {
			problem.put("type",
					Problems.type((status.value() == 503) ? "unavailable" : Problems.kindOf(status)).toString());
		}
		if (!problem.path("title").isString()) {
			HttpStatus known = HttpStatus.resolve(status.value());
			problem.put("title", (known != null) ? known.getReasonPhrase() : "HTTP " + status.value());
		}
		if (!problem.path("status").isNumber()) {
			problem.put("status", status.value());
		}
		URI instance = problem.path("instance").isString()
				? publicPath(URI.create(problem.get("instance").stringValue())) : null;
		problem.remove("instance");
		if (instance != null) {
			problem.put("instance", instance.toString());
		}
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		String retryAfter = upstream.getFirst(HttpHeaders.RETRY_AFTER);
		if (retryAfter != null) {
			answer.header(HttpHeaders.RETRY_AFTER, retryAfter);
		}
		return answer.body(Json.mapper().writeValueAsBytes(problem));
	}

	private static @Nullable ObjectNode readObject(byte[] body) {
		try {
			return (body.length > 0 && Json.mapper().readTree(body) instanceof ObjectNode object) ? object : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/** An internal callbacks path as its public route; any other is not passed on. */
	private static @Nullable URI publicPath(@Nullable URI location) {
		if (location == null || location.getRawPath() == null) {
			return null;
		}
		String path = location.getRawPath();
		if (path.equals(PUBLIC_CALLBACKS) || path.startsWith(PUBLIC_CALLBACKS + "/")) {
			return URI.create(path);
		}
		if (!path.equals(CALLBACKS) && !path.startsWith(CALLBACKS + "/")) {
			return null;
		}
		return URI.create(PUBLIC_CALLBACKS + path.substring(CALLBACKS.length()));
	}

	static ErrorResponseException badGateway(String detail) {
		return Problems.exception(HttpStatus.BAD_GATEWAY, "bad-gateway", "Callback service failed", detail);
	}

}
