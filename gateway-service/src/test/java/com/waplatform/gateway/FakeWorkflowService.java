package com.waplatform.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for workflow-service's internal API on a real HTTP port, with the shapes its
 * documentation gives: {@code GET /internal/events/{id}?organizationId=} answers the
 * outcome recorded for that organization's event ({@link #record}), a 404 problem
 * otherwise, and a 401 problem without the service token.
 */
public final class FakeWorkflowService {

	private final HttpServer server;

	private final String token;

	private final Map<String, String> outcomes = new ConcurrentHashMap<>();

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private FakeWorkflowService(HttpServer server, String token) {
		this.server = server;
		this.token = token;
	}

	public static FakeWorkflowService start(String token) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			FakeWorkflowService fake = new FakeWorkflowService(server, token);
			server.createContext("/internal/events/", fake::handle);
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

	public void stop() {
		this.server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			String query = exchange.getRequestURI().getQuery();
			this.requests.add(path + "?" + query);
			if (!("Bearer " + this.token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
				respond(exchange, 401, "{\"title\":\"Unauthorized\",\"status\":401}");
				return;
			}
			String eventId = path.substring("/internal/events/".length());
			String organizationId = (query != null && query.startsWith("organizationId="))
					? query.substring("organizationId=".length()) : "";
			String outcome = this.outcomes.get(organizationId + "|" + eventId);
			if (outcome == null) {
				respond(exchange, 404, "{\"title\":\"Unknown event\",\"status\":404}");
				return;
			}
			respond(exchange, 200, outcome);
		}
	}

	private static void respond(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders()
			.set("Content-Type", (status >= 400) ? "application/problem+json" : "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

}
