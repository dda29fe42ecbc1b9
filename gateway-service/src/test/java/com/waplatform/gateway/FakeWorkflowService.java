package com.waplatform.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.waplatform.common.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stands in for workflow-service's internal API on a real HTTP port, with the shapes its
 * documentation gives, every call scoped by {@code ?organizationId=} and refused (401
 * problem) without the service token:
 * <ul>
 * <li>{@code GET /internal/events/{id}} answers the outcome recorded for that
 * organization's event ({@link #record}), a 404 problem otherwise;</li>
 * <li>{@code /internal/workflows/**} keeps each organization's workflows in memory: list
 * ({@code {"items": [...]}}), create (201 with {@code Location}; a 422 problem with
 * {@code errors} without a {@code name}, a 409 problem for the name {@code taken}),
 * defaults, find, replace, delete (204), enable, disable, versions and test (a 400
 * problem for an event without {@code specversion}); another organization's workflow is a
 * 404 problem without a {@code type}.</li>
 * </ul>
 * {@link #answerNext} replaces the next answer (a 5xx, a 503 with {@code Retry-After},
 * ...), {@link #delay} slows every answer down and {@link #breakConnections} closes them
 * without an answer.
 */
public final class FakeWorkflowService {

	private final HttpServer server;

	private final String token;

	private final Map<String, String> outcomes = new ConcurrentHashMap<>();

	private final Map<String, ObjectNode> workflows = new ConcurrentHashMap<>();

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final AtomicReference<Answer> next = new AtomicReference<>();

	private volatile Duration delay = Duration.ZERO;

	private final ScheduledExecutorService slow = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "fake-workflow-service-delay");
		thread.setDaemon(true);
		return thread;
	});

	private volatile boolean broken;

	private boolean stopped;

	private FakeWorkflowService(HttpServer server, String token) {
		this.server = server;
		this.token = token;
	}

	public static FakeWorkflowService start(String token) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			FakeWorkflowService fake = new FakeWorkflowService(server, token);
			server.createContext("/internal/events/", fake::handle);
			server.createContext("/internal/workflows", fake::handle);
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

	/** What workflow-service would answer for this organization's event. */
	public void record(String organizationId, String eventId, String outcomeJson) {
		this.outcomes.put(organizationId + "|" + eventId, outcomeJson);
	}

	/** The path and query of every request. */
	public List<String> requests() {
		return List.copyOf(this.requests);
	}

	/** Every request as received. */
	public List<Call> calls() {
		return List.copyOf(this.calls);
	}

	/** The next request (after the token check) is answered with this instead. */
	public void answerNext(int status, String json, Map<String, String> headers) {
		this.next.set(new Answer(status, json, Map.copyOf(headers)));
	}

	public void delay(Duration delay) {
		this.delay = delay;
	}

	/** Closes every connection without an answer while set. */
	public void breakConnections(boolean broken) {
		this.broken = broken;
	}

	/** Stops answering (the port is closed); again is a no-op. */
	public synchronized void stop() {
		if (!this.stopped) {
			this.stopped = true;
			this.server.stop(0);
			this.slow.shutdownNow();
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String query = exchange.getRequestURI().getQuery();
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		this.requests.add(path + "?" + query);
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		this.calls.add(new Call(exchange.getRequestMethod(), path, query, body,
				exchange.getRequestHeaders().getFirst("Content-Type"), authorization));
		if (this.broken) {
			// closed without an answer
			exchange.close();
			return;
		}
		if (this.delay.isZero()) {
			answer(exchange, path, query, body, authorization);
			return;
		}
		// a slow answer: the exchange stays open until then
		this.slow.schedule(() -> {
			answer(exchange, path, query, body, authorization);
			return null;
		}, this.delay.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void answer(HttpExchange exchange, String path, String query, String body, String authorization)
			throws IOException {
		try (exchange) {
			if (!("Bearer " + this.token).equals(authorization)) {
				respond(exchange, 401, "{\"title\":\"Unauthorized\",\"status\":401}");
				return;
			}
			Answer override = this.next.getAndSet(null);
			if (override != null) {
				override.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
				respond(exchange, override.status(), override.json());
				return;
			}
			String organizationId = (query != null && query.startsWith("organizationId="))
					? query.substring("organizationId=".length()) : "";
			if (path.startsWith("/internal/events/")) {
				String eventId = path.substring("/internal/events/".length());
				String outcome = this.outcomes.get(organizationId + "|" + eventId);
				if (outcome == null) {
					respond(exchange, 404, "{\"title\":\"Unknown event\",\"status\":404}");
					return;
				}
				respond(exchange, 200, outcome);
				return;
			}
			workflows(exchange, exchange.getRequestMethod(), path, organizationId, body);
		}
	}

	private void workflows(HttpExchange exchange, String method, String path, String organizationId, String body)
			throws IOException {
		String[] segments = path.substring("/internal/workflows".length()).split("/");
		String first = (segments.length > 1) ? segments[1] : "";
		String action = (segments.length > 2) ? segments[2] : "";
		if (first.isEmpty() && method.equals("GET")) {
			List<JsonNode> items = new ArrayList<>();
			this.workflows.values()
				.stream()
				.filter((workflow) -> workflow.path("organizationId").asString().equals(organizationId))
				.forEach(items::add);
			respond(exchange, 200, Json.mapper().writeValueAsString(Map.of("items", items)));
			return;
		}
		if (first.isEmpty() && method.equals("POST")) {
			ObjectNode workflow = (ObjectNode) Json.mapper().readTree(body);
			if (!workflow.path("name").isString()) {
				respond(exchange, 422, """
						{"type":"urn:waplatform:problem:invalid-workflow","title":"Invalid workflow","status":422,
						 "detail":"1 problem","errors":[{"field":"name","message":"is required"}]}""");
				return;
			}
			if (workflow.path("name").asString().equals("taken")) {
				respond(exchange, 409, "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"name taken\"}");
				return;
			}
			ObjectNode created = store(organizationId, workflow);
			exchange.getResponseHeaders().set("Location", "/internal/workflows/" + created.path("id").asString());
			respond(exchange, 201, Json.mapper().writeValueAsString(created));
			return;
		}
		if (first.equals("defaults") && method.equals("POST")) {
			ObjectNode created = store(organizationId,
					(ObjectNode) Json.mapper().readTree("{\"name\": \"booking_confirmation\"}"));
			respond(exchange, 201, Json.mapper().writeValueAsString(Map.of("items", List.of(created))));
			return;
		}
		ObjectNode workflow = this.workflows.get(first);
		if (workflow == null || !workflow.path("organizationId").asString().equals(organizationId)) {
			respond(exchange, 404, "{\"title\":\"Unknown workflow\",\"status\":404,\"detail\":\"No workflow " + first
					+ " in this organization\"}");
			return;
		}
		switch (method + " " + action) {
			case "GET " -> respond(exchange, 200, Json.mapper().writeValueAsString(workflow));
			case "PUT " -> {
				ObjectNode replaced = (ObjectNode) Json.mapper().readTree(body);
				replaced.put("id", first);
				replaced.put("organizationId", organizationId);
				replaced.put("version", workflow.path("version").asInt() + 1);
				replaced.put("enabled", workflow.path("enabled").asBoolean());
				this.workflows.put(first, replaced);
				respond(exchange, 200, Json.mapper().writeValueAsString(replaced));
			}
			case "DELETE " -> {
				this.workflows.remove(first);
				exchange.sendResponseHeaders(204, -1);
			}
			case "POST enable", "POST disable" -> {
				workflow.put("enabled", action.equals("enable"));
				respond(exchange, 200, Json.mapper().writeValueAsString(workflow));
			}
			case "GET versions" -> respond(exchange, 200, Json.mapper()
				.writeValueAsString(Map.of("items", List.of(Map.of("version", workflow.path("version").asInt())))));
			case "POST test" -> {
				JsonNode event = Json.mapper().readTree(body);
				if (!event.path("specversion").isString()) {
					respond(exchange, 400, """
							{"title":"Not a CloudEvent","status":400,"detail":"specversion is required"}""");
					return;
				}
				respond(exchange, 200, Json.mapper()
					.writeValueAsString(Map.of("workflowId", first, "matched", true, "type", event.path("type"))));
			}
			default -> respond(exchange, 405, "{\"title\":\"Method not allowed\",\"status\":405}");
		}
	}

	private ObjectNode store(String organizationId, ObjectNode workflow) {
		ObjectNode stored = workflow.deepCopy();
		String id = UUID.randomUUID().toString();
		stored.put("id", id);
		stored.put("organizationId", organizationId);
		stored.put("version", 1);
		stored.put("enabled", false);
		this.workflows.put(id, stored);
		return stored;
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
	 * @param authorization the {@code Authorization} header, or null
	 */
	public record Call(String method, String path, String query, String body, String contentType,
			String authorization) {
	}

	private record Answer(int status, String json, Map<String, String> headers) {
	}

}
