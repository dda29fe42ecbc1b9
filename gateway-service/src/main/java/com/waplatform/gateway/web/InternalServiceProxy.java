package com.waplatform.gateway.web;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import com.waplatform.common.json.Json;
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
import org.springframework.web.ErrorResponseException;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * A pass-through to another service's internal API below {@code internalPrefix}, always
 * for one organization ({@code ?organizationId=}, the caller's), shown to callers as the
 * public routes below {@code publicPrefix} (workflow-service's rules, callback-service's
 * endpoints). Answers are passed on as they are: a 2xx with its status and body
 * ({@code Location} made public); a 4xx problem about the request, or a 503, with its
 * status, members and {@code Retry-After} (the internal {@code instance} made public or
 * dropped). A 5xx, a refusal of the gateway's own service token (401, 403, 407), no
 * answer, a timeout or an answer too large to hold is a 502 problem.
 */
public final class InternalServiceProxy {

	private static final String ABOUT_BLANK = "about:blank";

	private final WebClient client;

	private final String service;

	private final String title;

	private final Duration timeout;

	private final String internalPrefix;

	private final String publicPrefix;

	/**
	 * @param service the service's name in problems, e.g. {@code workflow-service}
	 * @param title the 502 problem's title, e.g. "Workflow service failed"
	 */
	public InternalServiceProxy(WebClient client, String service, String title, Duration timeout, String internalPrefix,
			String publicPrefix) {
		this.client = client;
		this.service = service;
		this.title = title;
		this.timeout = timeout;
		this.internalPrefix = internalPrefix;
		this.publicPrefix = publicPrefix;
	}

	/**
	 * One call for this organization.
	 * @param body the JSON body to send, or null for none
	 * @param contentType the body's media type (a JSON type)
	 * @param query query parameters to pass on (only those the route allows; nothing else
	 * of the caller's query string is forwarded)
	 * @param path a path template below the internal prefix, e.g. {@code /{id}/enable},
	 * or {@code ""}
	 */
	public Mono<ResponseEntity<byte[]>> forward(HttpMethod method, String organizationId, @Nullable JsonNode body,
			MediaType contentType, Map<String, String> query, String path, Object... variables) {
		WebClient.RequestBodySpec request = this.client.method(method).uri((uri) -> {
			uri.path(this.internalPrefix + path).queryParam("organizationId", organizationId);
			query.forEach(uri::queryParam);
			return uri.build(variables);
		}).accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
		WebClient.RequestHeadersSpec<?> withBody = (body != null)
				? request.contentType(contentType).bodyValue(Json.mapper().writeValueAsBytes(body)) : request;
		return call(withBody.exchangeToMono(this::passOn));
	}

	/** An exchange with the timeout and the failures mapped to 502 problems. */
	public <T> Mono<T> call(Mono<T> exchange) {
		return exchange.timeout(this.timeout)
			.onErrorMap(WebClientRequestException.class, (ex) -> badGateway(this.service + " did not answer"))
			.onErrorMap(TimeoutException.class,
					(ex) -> badGateway(this.service + " did not answer within " + this.timeout))
			.onErrorMap(DataBufferLimitException.class,
					(ex) -> badGateway(this.service + "'s answer is larger than the gateway holds"));
	}

	public ErrorResponseException badGateway(String detail) {
		return Problems.exception(HttpStatus.BAD_GATEWAY, "bad-gateway", this.title, detail);
	}

	private Mono<ResponseEntity<byte[]>> passOn(ClientResponse response) {
		HttpStatusCode status = response.statusCode();
		HttpHeaders headers = response.headers().asHttpHeaders();
		if (status.is2xxSuccessful()) {
			return response.bodyToMono(byte[].class)
				.map((bytes) -> success(status, headers, bytes))
				.defaultIfEmpty(success(status, headers, new byte[0]));
		}
		if (passedOn(status)) {
			return response.bodyToMono(byte[].class)
				.defaultIfEmpty(new byte[0])
				.map((bytes) -> problem(status, headers, bytes));
		}
		String detail = (status.value() == 401 || status.value() == 403)
				? this.service + " refused the gateway's service token (" + status.value() + ")"
				: this.service + " answered " + status.value();
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

	private ResponseEntity<byte[]> success(HttpStatusCode status, HttpHeaders upstream, byte[] body) {
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
	 * The service's problem, member for member; one without a {@code type} (or
	 * {@code about:blank}) gets the gateway's type for its status, and an answer that is
	 * no problem at all becomes one.
	 */
	private ResponseEntity<byte[]> problem(HttpStatusCode status, HttpHeaders upstream, byte[] body) {
		ObjectNode problem = readObject(body);
		if (problem == null) {
			problem = Json.mapper().createObjectNode();
			problem.put("detail", this.service + " answered " + status.value());
		}
		JsonNode type = problem.get("type");
		if (type == null || !type.isString() || type.stringValue().isBlank()
				|| ABOUT_BLANK.equals(type.stringValue())) {
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
		// the internal route is not the caller's business: the public one, or none
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

	/** An internal path as its public route; any other is not passed on. */
	private @Nullable URI publicPath(@Nullable URI location) {
		if (location == null || location.getRawPath() == null) {
			return null;
		}
		String path = location.getRawPath();
		if (path.equals(this.publicPrefix) || path.startsWith(this.publicPrefix + "/")) {
			return URI.create(path);
		}
		if (!path.equals(this.internalPrefix) && !path.startsWith(this.internalPrefix + "/")) {
			return null;
		}
		return URI.create(this.publicPrefix + path.substring(this.internalPrefix.length()));
	}

}
