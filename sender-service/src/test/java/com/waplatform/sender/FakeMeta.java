package com.waplatform.sender;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.waplatform.common.json.Json;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Meta's send endpoint as a real HTTP server on a random port. It answers with Meta's
 * sample bodies: 200 by default, or the answers scripted for a recipient, and records
 * every call.
 */
public final class FakeMeta implements AutoCloseable {

	public static final Answer ACCEPTED = new Answer(200, sample("spec_resp_send_message_200.json"));

	public static final Answer RATE_LIMIT_HIT = new Answer(400, sample("metadoc_error_130429_rate_limit_hit.json"));

	public static final Answer TEMPLATE_NOT_FOUND = new Answer(404,
			sample("captured_error_132001_template_not_found.json"));

	public static final Answer UNAVAILABLE = new Answer(503, "");

	public static final Answer PAIR_LIMIT_HIT = new Answer(400, sample("captured_error_131056_pair_rate_limit.json"));

	/**
	 * Meta's envelope for 131000 (META-API.md §b; wording as Meta's simulator answers
	 * it).
	 */
	public static final Answer SOMETHING_WENT_WRONG = new Answer(500, """
			{"error":{"message":"(#131000) Something went wrong","type":"OAuthException","code":131000,
			"error_data":{"messaging_product":"whatsapp","details":"Something went wrong."},"fbtrace_id":"AX1"}}""");

	/** Meta's envelope for an expired access token (190, subcode 463). */
	public static final Answer TOKEN_EXPIRED = new Answer(401, """
			{"error":{"message":"Error validating access token: Session has expired.","type":"OAuthException",
			"code":190,"error_subcode":463,"fbtrace_id":"AX2"}}""");

	/** No answer at all: the connection stays open until the fake stops. */
	public static final Answer NO_ANSWER = new Answer(0, "");

	private final HttpServer server;

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final List<HttpExchange> unanswered = new CopyOnWriteArrayList<>();

	private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();

	public FakeMeta() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	public String baseUrl() {
		return "http://localhost:" + this.server.getAddress().getPort();
	}

	/** The next answers to sends to this recipient, then {@link #ACCEPTED}. */
	public void script(String recipient, Answer... answers) {
		this.scripts.computeIfAbsent(recipient, (key) -> new ConcurrentLinkedDeque<>()).addAll(List.of(answers));
	}

	public List<Call> callsTo(String recipient) {
		return this.calls.stream().filter((call) -> recipient.equals(to(call.body()))).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		JsonNode body = Json.mapper().readTree(exchange.getRequestBody().readAllBytes());
		this.calls.add(new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				exchange.getRequestHeaders().getFirst("Authorization"), body,
				exchange.getRequestHeaders().getFirst("traceparent")));
		Deque<Answer> script = this.scripts.get(to(body));
		Answer answer = (script != null && !script.isEmpty()) ? script.poll() : ACCEPTED;
		if (answer == NO_ANSWER) {
			this.unanswered.add(exchange);
			return;
		}
		try (exchange) {
			byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(answer.status(), (bytes.length > 0) ? bytes.length : -1);
			exchange.getResponseBody().write(bytes);
		}
	}

	private static String to(JsonNode body) {
		JsonNode to = body.get("to");
		return (to != null && to.isString()) ? to.stringValue() : "";
	}

	@Override
	public void close() {
		this.unanswered.forEach(HttpExchange::close);
		this.server.stop(0);
	}

	private static String sample(String name) {
		try (InputStream in = FakeMeta.class.getResourceAsStream("/meta-samples/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public record Answer(int status, String body) {
	}

	public record Call(String method, String path, String authorization, JsonNode body, @Nullable String traceparent) {
	}

}
