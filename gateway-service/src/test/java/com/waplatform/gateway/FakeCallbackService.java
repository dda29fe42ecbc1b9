package com.waplatform.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.waplatform.common.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stands in for callback-service's internal API on a real HTTP port, with the shapes its
 * documentation gives, every call scoped by {@code ?organizationId=} and refused (401)
 * without the service token: {@code /internal/callbacks} keeps each organization's
 * endpoints in memory (list, create with a secret and {@code Location}, a 422 problem
 * with {@code rule} for a URL starting {@code http:}, get, patch, delete, rotate-secret,
 * deliveries with one delivery per endpoint, replay); another organization's endpoint is
 * a 404 problem. {@link #answerNext} replaces the next answer; {@link #stop} closes the
 * port.
 */
public final class FakeCallbackService {

	private final HttpServer server;

	private final String token;

	private final Map<String, ObjectNode> endpoints = new ConcurrentHashMap<>();

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final AtomicReference<String[]> next = new AtomicReference<>();

	private boolean stopped;

	private FakeCallbackService(HttpServer server, String token) {
		this.server = server;
		this.token = token;
	}

	public static FakeCallbackService start(String token) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			FakeCallbackService fake = new FakeCallbackService(server, token);
			server.createContext("/internal/callbacks", fake::handle);
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

	public List<Call> calls() {
		return List.copyOf(this.calls);
	}

	/** The delivery id the fake shows in an endpoint's log. */
	public String deliveryOf(String endpointId) {
		return this.endpoints.get(endpointId).path("deliveryId").asString();
	}

	/** The next request (after the token check) is answered with this instead. */
	public void answerNext(int status, String json) {
		this.next.set(new String[] { Integer.toString(status), json });
	}

	public synchronized void stop() {
		if (!this.stopped) {
			this.stopped = true;
			this.server.stop(0);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			String query = exchange.getRequestURI().getRawQuery();
			String method = exchange.getRequestMethod();
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String authorization = exchange.getRequestHeaders().getFirst("Authorization");
			this.calls.add(new Call(method, path, query, body, authorization));
			if (!("Bearer " + this.token).equals(authorization)) {
				respond(exchange, 401, "{\"title\":\"Unauthorized\",\"status\":401}");
				return;
			}
			String[] override = this.next.getAndSet(null);
			if (override != null) {
				respond(exchange, Integer.parseInt(override[0]), override[1]);
				return;
			}
			String org = organization(query);
			String[] segments = path.substring("/internal/callbacks".length()).split("/");
			String id = (segments.length > 1) ? segments[1] : "";
			String action = (segments.length > 2) ? String.join("/", List.of(segments).subList(2, segments.length))
					: "";
			if (id.isEmpty()) {
				collection(exchange, method, org, body);
				return;
			}
			ObjectNode endpoint = this.endpoints.get(id);
			if (endpoint == null || !endpoint.path("organizationId").asString().equals(org)) {
				respond(exchange, 404, "{\"type\":\"urn:waplatform:problem:not-found\",\"title\":\"Not found\","
						+ "\"status\":404,\"detail\":\"No callback endpoint " + id + " in this organization\"}");
				return;
			}
			one(exchange, method, action, endpoint, body);
		}
	}

	private void collection(HttpExchange exchange, String method, String org, String body) throws IOException {
		if (method.equals("GET")) {
			List<JsonNode> items = new ArrayList<>();
			this.endpoints.values()
				.stream()
				.filter((endpoint) -> endpoint.path("organizationId").asString().equals(org))
				.forEach(items::add);
			respond(exchange, 200, Json.mapper().writeValueAsString(Map.of("items", items)));
			return;
		}
		ObjectNode request = (ObjectNode) Json.mapper().readTree(body);
		if (request.path("url").asString().startsWith("http:")) {
			respond(exchange, 422, """
					{"type":"urn:waplatform:problem:callback-url-refused","title":"Callback URL refused",
					 "status":422,"rule":"https-required","errors":[{"field":"url","message":"https only"}]}""");
			return;
		}
		ObjectNode endpoint = request.deepCopy();
		String id = UUID.randomUUID().toString();
		endpoint.put("id", id);
		endpoint.put("organizationId", org);
		endpoint.put("enabled", true);
		endpoint.put("deliveryId", UUID.randomUUID().toString());
		this.endpoints.put(id, endpoint);
		ObjectNode created = endpoint.deepCopy();
		created.put("secret", "whsec_" + UUID.randomUUID());
		exchange.getResponseHeaders().set("Location", "/v1/callbacks/" + id);
		respond(exchange, 201, Json.mapper().writeValueAsString(created));
	}

	private void one(HttpExchange exchange, String method, String action, ObjectNode endpoint, String body)
			throws IOException {
		String key = method + " " + action;
		if (key.equals("GET ")) {
			respond(exchange, 200, Json.mapper().writeValueAsString(endpoint));
		}
		else if (key.equals("PATCH ")) {
			endpoint.setAll((ObjectNode) Json.mapper().readTree(body));
			respond(exchange, 200, Json.mapper().writeValueAsString(endpoint));
		}
		else if (key.equals("DELETE ")) {
			this.endpoints.remove(endpoint.path("id").asString());
			exchange.sendResponseHeaders(204, -1);
		}
		else if (key.equals("POST rotate-secret")) {
			respond(exchange, 200, "{\"id\":\"" + endpoint.path("id").asString() + "\",\"secret\":\"whsec_new\"}");
		}
		else if (key.equals("GET deliveries")) {
			respond(exchange, 200, "{\"items\":[{\"id\":\"" + endpoint.path("deliveryId").asString()
					+ "\",\"state\":\"delivered\"}],\"next\":null}");
		}
		else if (key.equals("POST deliveries/" + endpoint.path("deliveryId").asString() + "/replay")) {
			respond(exchange, 202, "{\"id\":\"" + UUID.randomUUID() + "\",\"state\":\"pending\",\"replayOf\":\""
					+ endpoint.path("deliveryId").asString() + "\"}");
		}
		else {
			respond(exchange, 404, "{\"title\":\"Not found\",\"status\":404}");
		}
	}

	private static String organization(String query) {
		if (query == null) {
			return "";
		}
		for (String pair : query.split("&")) {
			if (pair.startsWith("organizationId=")) {
				return java.net.URLDecoder.decode(pair.substring("organizationId=".length()), StandardCharsets.UTF_8);
			}
		}
		return "";
	}

	private static void respond(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders()
			.set("Content-Type", (status >= 400) ? "application/problem+json" : "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	/** A request as received; {@code query} raw, or null. */
	public record Call(String method, String path, String query, String body, String authorization) {
	}

}
