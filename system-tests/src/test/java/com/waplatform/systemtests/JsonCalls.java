package com.waplatform.systemtests;

import java.net.URI;
import java.util.function.Function;

import com.waplatform.common.json.Json;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriBuilder;

/**
 * JSON calls that answer the status and body without asserting anything, so a test can
 * collect every problem of a long run instead of stopping at the first.
 */
final class JsonCalls {

	private final WebTestClient client;

	private final @Nullable String bearer;

	JsonCalls(WebTestClient client, @Nullable String bearer) {
		this.client = client;
		this.bearer = bearer;
	}

	JsonCalls withBearer(String token) {
		return new JsonCalls(this.client, token);
	}

	Answer get(Function<UriBuilder, URI> uri) {
		WebTestClient.RequestHeadersSpec<?> request = this.client.get().uri(uri);
		return exchange(authorized(request));
	}

	Answer get(String uri, Object... variables) {
		return exchange(authorized(this.client.get().uri(uri, variables)));
	}

	Answer post(Function<UriBuilder, URI> uri, @Nullable Object body) {
		WebTestClient.RequestBodySpec request = this.client.post().uri(uri).contentType(MediaType.APPLICATION_JSON);
		return exchange(authorized((body != null) ? request.bodyValue(body) : request));
	}

	Answer post(String uri, @Nullable Object body, Object... variables) {
		WebTestClient.RequestBodySpec request = this.client.post()
			.uri(uri, variables)
			.contentType(MediaType.APPLICATION_JSON);
		return exchange(authorized((body != null) ? request.bodyValue(body) : request));
	}

	private WebTestClient.RequestHeadersSpec<?> authorized(WebTestClient.RequestHeadersSpec<?> request) {
		return (this.bearer != null) ? request.header("Authorization", "Bearer " + this.bearer) : request;
	}

	private static Answer exchange(WebTestClient.RequestHeadersSpec<?> request) {
		EntityExchangeResult<JsonNode> result = request.exchange().expectBody(JsonNode.class).returnResult();
		return new Answer(result.getStatus().value(), result.getResponseBody());
	}

	/** A status and a JSON body (null when there was none). */
	record Answer(int status, @Nullable JsonNode body) {

		JsonNode json() {
			if (this.body == null) {
				throw new AssertionError("HTTP " + this.status + " without a body");
			}
			return this.body;
		}

		/** The body, after checking the status is {@code expected}. */
		JsonNode expect(int expected) {
			if (this.status != expected) {
				throw new AssertionError("Expected HTTP " + expected + " but got " + this);
			}
			return (this.body != null) ? this.body : Json.mapper().nullNode();
		}

		@Override
		public String toString() {
			return "HTTP " + this.status + " " + this.body;
		}

	}

}
