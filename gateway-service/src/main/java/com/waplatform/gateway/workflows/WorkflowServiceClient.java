package com.waplatform.gateway.workflows;

import java.net.URI;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import com.waplatform.common.json.Json;
import com.waplatform.gateway.config.GatewayProperties;
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
 * workflow-service's internal API ({@code gateway.workflow-service-url}), called with the
 * platform's service token ({@code platform.internal-api.token}) and always for one
 * organization ({@code ?organizationId=}, the caller's): what a business event triggered
 * ({@link #outcome}), and the organization's workflows ({@link #forward}), passed
 * through.
 * <p>
 * workflow-service's answers are passed on as they are: a 2xx with its status and body; a
 * 4xx problem (and a 503 problem) with its status, its members and {@code Retry-After}. A
 * 5xx, a refusal of the gateway's own service token (401, 403), no answer, a timeout or
 * an answer too large to hold is a 502 problem.
 */
@Component
public class WorkflowServiceClient {

	/** Where workflow-service's workflow API lives. */
	static final String WORKFLOWS = "/internal/workflows";

	private static final URI ABOUT_BLANK = URI.create("about:blank");

	/** Our own routes' prefix in {@code Location}s pointing at the internal API. */
	private static final String PUBLIC_WORKFLOWS = "/v1/workflows";

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

	/**
	 * The outcome workflow-service recorded for an event of this organization; empty for
	 * a 404 (unknown event, or one of another organization), a 502 problem for any other
	 * failure.
	 */
	public Mono<JsonNode> outcome(String organizationId, UUID eventId) {
		return call(this.client.get()
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
	 * workflow-service answered it (see the class description).
	 * @param method the HTTP method
	 * @param organizationId the caller's organization, sent as {@code ?organizationId=}
	 * (nothing else of the caller's query string is forwarded)
	 * @param body the JSON body to send, or null for none
	 * @param contentType the body's media type (a JSON type)
	 * @param path a path template below {@code /internal/workflows}, e.g.
	 * {@code /{id}/enable}, or {@code ""}
	 * @param variables the template's variables
	 */
	Mono<ResponseEntity<byte[]>> forward(HttpMethod method, String organizationId, @Nullable JsonNode body,
			MediaType contentType, String path, Object... variables) {
		WebClient.RequestBodySpec request = this.client.method(method)
			.uri((uri) -> uri.path(WORKFLOWS + path).queryParam("organizationId", organizationId).build(variables))
			.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
		WebClient.RequestHeadersSpec<?> withBody = (body != null)
				? request.contentType(contentType).bodyValue(Json.mapper().writeValueAsBytes(body)) : request;
		return call(withBody.exchangeToMono(WorkflowServiceClient::passOn));
	}

	private <T> Mono<T> call(Mono<T> exchange) {
		return exchange.timeout(this.properties.workflowServiceTimeout())
			.onErrorMap(WebClientRequestException.class, (ex) -> badGateway("workflow-service did not answer"))
			.onErrorMap(TimeoutException.class,
					(ex) -> badGateway(
							"workflow-service did not answer within " + this.properties.workflowServiceTimeout()))
			.onErrorMap(DataBufferLimitException.class,
					(ex) -> badGateway("workflow-service's answer is larger than the gateway holds"));
	}

	private static Mono<ResponseEntity<byte[]>> passOn(ClientResponse response) {
		HttpStatusCode status = response.statusCode();
		if (status.is2xxSuccessful()) {
			return response.bodyToMono(byte[].class)
				.map((bytes) -> success(status, response.headers().asHttpHeaders(), bytes))
				.defaultIfEmpty(success(status, response.headers().asHttpHeaders(), null));
		}
		if (passedOn(status)) {
			return response.bodyToMono(byte[].class)
				.defaultIfEmpty(new byte[0])
				.map((bytes) -> problem(status, response.headers().asHttpHeaders(), bytes));
		}
		String detail = (status.value() == 401 || status.value() == 403)
				? "workflow-service refused the gateway's service token (" + status.value() + ")"
				: "workflow-service answered " + status.value();
		return response.releaseBody().then(Mono.error(badGateway(detail)));
	}

	/**
	 * The answers that are the caller's to see: a 4xx about the request (not about the
	 * gateway's own credential), and a 503 that says when to try again.
	 */
	private static boolean passedOn(HttpStatusCode status) {
		int value = status.value();
		return (status.is4xxClientError() && value != 401 && value != 403 && value != 407) || value == 503;
	}

	private static ResponseEntity<byte[]> success(HttpStatusCode status, HttpHeaders upstream, byte @Nullable [] body) {
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
		URI location = publicLocation(upstream.getLocation());
		if (location != null) {
			answer.location(location);
		}
		if (body == null || body.length == 0) {
			return answer.build();
		}
		MediaType type = upstream.getContentType();
		return answer.contentType((type != null) ? type : MediaType.APPLICATION_JSON).body(body);
	}

	/**
	 * workflow-service's problem, member for member; a problem without a {@code type} (or
	 * {@code about:blank}) gets the gateway's type for its status, and an answer that is
	 * no problem at all becomes one.
	 */
	private static ResponseEntity<byte[]> problem(HttpStatusCode status, HttpHeaders upstream, byte[] body) {
		ObjectNode problem = readObject(body);
		if (problem == null) {
			problem = Json.mapper().createObjectNode();
			problem.put("detail", "workflow-service answered " + status.value());
		}
		JsonNode type = problem.get("type");
		if (type == null || !type.isString() || type.stringValue().isBlank()
				|| ABOUT_BLANK.toString().equals(type.stringValue())) {
			problem.put("type", Problems.type(kindOf(status)).toString());
		}
		if (!problem.path("title").isString()) {
			HttpStatus known = HttpStatus.resolve(status.value());
			problem.put("title", (known != null) ? known.getReasonPhrase() : "HTTP " + status.value());
		}
		if (!problem.path("status").isNumber()) {
			problem.put("status", status.value());
		}
		// the internal route is not the caller's business: the public one, or none
		URI instance = problem.path("instance").isString()
				? publicLocation(URI.create(problem.get("instance").stringValue())) : null;
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

	private static String kindOf(HttpStatusCode status) {
		return (status.value() == 503) ? "unavailable" : Problems.kindOf(status);
	}

	private static @Nullable ObjectNode readObject(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			return (Json.mapper().readTree(body) instanceof ObjectNode object) ? object : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * A {@code Location} of workflow-service's internal API as the public route it
	 * corresponds to; any other is not passed on.
	 */
	private static @Nullable URI publicLocation(@Nullable URI location) {
		if (location == null || location.getRawPath() == null) {
			return null;
		}
		String path = location.getRawPath();
		if (!path.equals(WORKFLOWS) && !path.startsWith(WORKFLOWS + "/")) {
			return null;
		}
		return URI.create(PUBLIC_WORKFLOWS + path.substring(WORKFLOWS.length()));
	}

	static ErrorResponseException badGateway(String detail) {
		return Problems.exception(HttpStatus.BAD_GATEWAY, "bad-gateway", "Workflow service failed", detail);
	}

}
