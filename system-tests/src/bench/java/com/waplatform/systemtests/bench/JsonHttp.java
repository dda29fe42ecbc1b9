package com.waplatform.systemtests.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.waplatform.common.json.Json;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Blocking JSON calls to the admin APIs (set-up and read-out, never the measured path).
 */
public final class JsonHttp {

	private static final Duration TIMEOUT = Duration.ofSeconds(120);

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	public JsonNode get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build());
	}

	public String text(String url) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString()).body();
		}
		catch (IOException ex) {
			throw new IllegalStateException("GET " + url + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	public JsonNode post(String url, @Nullable Object body, Map<String, String> headers) {
		String json = (body != null) ? Json.mapper().writeValueAsString(body) : "";
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		headers.forEach(request::header);
		return send(request.build());
	}

	public void delete(String url) {
		send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).DELETE().build());
	}

	/** The answer's status, or -1 when the server cannot be reached. */
	public int status(String url) {
		try {
			return this.http
				.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	private JsonNode send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
						+ response.statusCode() + " " + response.body());
			}
			return response.body().isEmpty() ? Json.mapper().nullNode() : Json.mapper().readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
