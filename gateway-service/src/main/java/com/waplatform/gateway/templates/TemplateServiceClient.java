package com.waplatform.gateway.templates;

import java.util.List;
import java.util.concurrent.TimeoutException;

import com.waplatform.gateway.config.GatewayProperties;
import com.waplatform.support.security.InternalApiProperties;
import com.waplatform.gateway.web.Problems;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * template-service's internal API ({@code gateway.template-service-url}), called with the
 * platform's service token ({@code platform.internal-api.token}). Its problems (4xx) are
 * passed on with their status and properties under the gateway's problem types; a 5xx, no
 * answer or a timeout is a 502 problem.
 */
@Component
class TemplateServiceClient {

	private static final List<String> PROBLEM_MEMBERS = List.of("type", "title", "status", "detail", "instance");

	private final WebClient client;

	private final GatewayProperties properties;

	TemplateServiceClient(WebClient.Builder builder, GatewayProperties properties, InternalApiProperties internalApi) {
		this.client = builder.baseUrl(properties.templateServiceUrl().toString()).defaultHeaders((headers) -> {
			if (internalApi.enabled()) {
				headers.setBearerAuth(internalApi.token());
			}
		}).build();
		this.properties = properties;
	}

	/**
	 * Syncs one account now: {@code {"reports": [...], "failures": [...]}}. An account
	 * template-service does not know (yet) is reported as a failure.
	 */
	Mono<JsonNode> sync(String wabaId) {
		return call(this.client.post()
			.uri((uri) -> uri.path("/internal/templates/sync").queryParam("wabaId", wabaId).build())
			.accept(MediaType.APPLICATION_JSON)
			.exchangeToMono((response) -> {
				if (response.statusCode().value() == 404) {
					return response.releaseBody().thenReturn(unknownAccount(wabaId));
				}
				return body(response);
			}));
	}

	/** Creates a template at Meta through template-service: its 201 body. */
	Mono<JsonNode> create(ObjectNode template) {
		return call(this.client.post()
			.uri("/internal/templates")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue(template)
			.exchangeToMono(TemplateServiceClient::body));
	}

	private Mono<JsonNode> call(Mono<JsonNode> exchange) {
		return exchange.timeout(this.properties.templateServiceTimeout())
			.onErrorMap(WebClientRequestException.class, (ex) -> badGateway("template-service did not answer"))
			.onErrorMap(TimeoutException.class, (ex) -> badGateway(
					"template-service did not answer within " + this.properties.templateServiceTimeout()));
	}

	private static Mono<JsonNode> body(ClientResponse response) {
		Mono<JsonNode> body = response.bodyToMono(JsonNode.class).defaultIfEmpty(JsonNodeFactory.instance.objectNode());
		if (response.statusCode().is2xxSuccessful()) {
			return body;
		}
		return body.flatMap(
				(problem) -> Mono.error(passOn(response.statusCode(), response.headers().asHttpHeaders(), problem)));
	}

	/** template-service's problem as one of the gateway's. */
	static ErrorResponseException passOn(HttpStatusCode upstream, HttpHeaders headers, JsonNode body) {
		String detail = body.path("detail").asString("template-service answered " + upstream.value());
		if (upstream.is5xxServerError() || !upstream.is4xxClientError()) {
			ErrorResponseException failed = badGateway(detail);
			copyMembers(body, failed.getBody());
			return failed;
		}
		HttpStatus status = HttpStatus.valueOf(upstream.value());
		String kind = switch (upstream.value()) {
			case 400 -> "malformed-request";
			case 404 -> "not-found";
			case 422 -> "invalid-template";
			case 429 -> "throttled";
			default -> "http-" + upstream.value();
		};
		String title = body.path("title").asString(status.getReasonPhrase());
		ErrorResponseException passed = Problems.exception(status, kind, title, detail);
		copyMembers(body, passed.getBody());
		String retryAfter = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (retryAfter != null) {
			passed.getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfter);
		}
		return passed;
	}

	private static void copyMembers(JsonNode body, ProblemDetail problem) {
		body.properties().forEach((entry) -> {
			if (!PROBLEM_MEMBERS.contains(entry.getKey())) {
				problem.setProperty(entry.getKey(), entry.getValue());
			}
		});
	}

	private static ErrorResponseException badGateway(String detail) {
		return Problems.exception(HttpStatus.BAD_GATEWAY, "bad-gateway", "Template service failed", detail);
	}

	private static JsonNode unknownAccount(String wabaId) {
		ObjectNode answer = JsonNodeFactory.instance.objectNode();
		answer.putArray("reports");
		answer.putArray("failures")
			.addObject()
			.put("wabaId", wabaId)
			.put("code", "UNKNOWN_ACCOUNT")
			.put("message", "template-service does not know this account yet (its numbers are announced on "
					+ "wa.accounts); retry shortly");
		return answer;
	}

}
