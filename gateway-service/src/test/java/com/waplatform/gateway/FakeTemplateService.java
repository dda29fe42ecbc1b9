package com.waplatform.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.waplatform.common.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stands in for template-service's internal API on a real HTTP port, with the shapes its
 * documentation gives: {@code POST /internal/templates/sync?wabaId=} answers a report
 * (404 for an account named {@code unknown-*}); {@code POST /internal/templates} answers
 * 201 PENDING, a 422 problem with {@code violations} for a name with capitals, a 429 with
 * {@code Retry-After} for {@code throttled_now} and a 502 problem with Meta's code for
 * {@code meta_down}.
 */
public final class FakeTemplateService {

	private final HttpServer server;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private FakeTemplateService(HttpServer server) {
		this.server = server;
	}

	public static FakeTemplateService start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			FakeTemplateService fake = new FakeTemplateService(server);
			server.createContext("/internal/templates", fake::handle);
			server.start();
			return fake;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	public void stop() {
		this.server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String path = exchange.getRequestURI().getPath();
			String query = exchange.getRequestURI().getQuery();
			this.requests.add(new Request(exchange.getRequestMethod(), path, query, body));
			if (path.equals("/internal/templates/sync")) {
				String wabaId = query.substring(query.indexOf('=') + 1);
				if (wabaId.startsWith("unknown-")) {
					respond(exchange, 404, "{\"title\":\"Unknown WhatsApp Business Account\",\"status\":404}");
					return;
				}
				respond(exchange, 200, """
						{"reports":[{"wabaId":"%s","pages":1,"seen":3,"added":1,"changed":1,"removed":0,"unchanged":1}],
						 "failures":[]}""".formatted(wabaId));
				return;
			}
			ObjectNode template = (ObjectNode) Json.mapper().readTree(body);
			String name = template.path("name").asString();
			if (name.equals("meta_down")) {
				respond(exchange, 502,
						"""
								{"type":"about:blank","title":"Meta refused the request","status":502,
								 "detail":"Invalid OAuth access token.","metaCode":190,"metaMessage":"Invalid OAuth access token."}""");
				return;
			}
			if (name.equals("throttled_now")) {
				exchange.getResponseHeaders().set("Retry-After", "60");
				respond(exchange, 429, """
						{"type":"about:blank","title":"Backing off from Meta's management limits","status":429,
						 "detail":"WABA is throttled","wabaId":"1","retryAt":"2030-01-01T00:00:00Z"}""");
				return;
			}
			if (!name.equals(name.toLowerCase(Locale.ROOT))) {
				respond(exchange, 422, """
						{"type":"about:blank","title":"Invalid template","status":422,"detail":"1 rule broken",
						 "violations":[{"field":"name","message":"must match ^[a-z0-9_]{1,512}$"}]}""");
				return;
			}
			JsonNode created = Json.mapper()
				.readTree("""
						{"wabaId":"%s","organizationId":"%s","templateId":"594425479261596","name":"%s","language":"%s",
						 "status":"PENDING","category":"%s","version":"v1"}""".formatted(
						template.path("wabaId").asString(), template.path("organizationId").asString(), name,
						template.path("language").asString(), template.path("category").asString()));
			respond(exchange, 201, Json.mapper().writeValueAsString(created));
		}
	}

	private static void respond(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders()
			.set("Content-Type", (status >= 400) ? "application/problem+json" : "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	/**
	 * @param query the raw query string, or null
	 */
	public record Request(String method, String path, String query, String body) {
	}

}
