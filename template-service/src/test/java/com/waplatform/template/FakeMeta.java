package com.waplatform.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.waplatform.common.json.Json;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for the Graph API's template management, as a real HTTP server: {@code GET
 * /v23.0/{waba-id}/message_templates?limit=&after=} with Meta's cursor paging
 * ({@code paging.next} only when another page exists), {@code POST
 * /v23.0/{waba-id}/message_templates} (creation, answering
 * {@code {"id","status":"PENDING","category"}}), Bearer tokens checked per account,
 * Meta's error envelope for a wrong token (190) or an injected failure, and an
 * {@code x-business-use-case-usage} header on every answer of an account when set.
 */
final class FakeMeta {

	private static final Pattern PATH = Pattern.compile("/v23\\.0/([^/]+)/message_templates");

	private final HttpServer server;

	private final Map<String, Account> accounts = new ConcurrentHashMap<>();

	private FakeMeta(HttpServer server) {
		this.server = server;
	}

	static FakeMeta start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
			FakeMeta meta = new FakeMeta(server);
			server.createContext("/", meta::handle);
			server.start();
			return meta;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String baseUrl() {
		return "http://localhost:" + this.server.getAddress().getPort();
	}

	/** Meta's templates of the samples (7 templates), as Meta serves them. */
	static List<ObjectNode> sampleTemplates() {
		return templatesOf("bindambc_resp_get_message_templates_page.json");
	}

	static List<ObjectNode> templatesOf(String sample) {
		try (InputStream in = FakeMeta.class.getResourceAsStream("/meta/" + sample)) {
			JsonNode page = Json.mapper().readTree(in);
			List<ObjectNode> templates = new ArrayList<>();
			page.get("data").forEach((template) -> templates.add((ObjectNode) template.deepCopy()));
			return templates;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void account(String wabaId, String token, List<ObjectNode> templates) {
		this.accounts.put(wabaId,
				new Account(token, new CopyOnWriteArrayList<>(templates), new CopyOnWriteArrayList<>(),
						ConcurrentHashMap.newKeySet(), new CopyOnWriteArrayList<>(), new AtomicReference<>(),
						new AtomicReference<>()));
	}

	/** Every answer for the account carries this {@code x-business-use-case-usage}. */
	void usage(String wabaId, int percent, int regainMinutes) {
		this.accounts.get(wabaId)
			.usage()
			.set("{\"" + wabaId + "\":[{\"type\":\"whatsapp_business_management\",\"call_count\":" + percent
					+ ",\"total_cputime\":1,\"total_time\":1,\"estimated_time_to_regain_access\":" + regainMinutes
					+ "}]}");
	}

	/**
	 * Every request for the account fails with this Graph error (e.g. 80007), or none.
	 */
	void failWith(String wabaId, @Nullable Integer code) {
		this.accounts.get(wabaId).failure().set(code);
	}

	/** The bodies of the account's creation requests, in order. */
	List<JsonNode> creations(String wabaId) {
		return List.copyOf(this.accounts.get(wabaId).creations());
	}

	void setStatus(String wabaId, String name, String language, String status) {
		find(wabaId, name, language).put("status", status);
	}

	void add(String wabaId, ObjectNode template) {
		this.accounts.get(wabaId).templates().add(template);
	}

	void remove(String wabaId, String name, String language) {
		this.accounts.get(wabaId).templates().remove(find(wabaId, name, language));
	}

	/** Page {@code page} (1-based) of the account answers Meta's transient error 2. */
	void failPage(String wabaId, int page) {
		this.accounts.get(wabaId).failingPages().add(page);
	}

	/** The query strings of the account's requests, in order. */
	List<String> requests(String wabaId) {
		return List.copyOf(this.accounts.get(wabaId).requests());
	}

	private ObjectNode find(String wabaId, String name, String language) {
		return this.accounts.get(wabaId)
			.templates()
			.stream()
			.filter((t) -> t.get("name").asString().equals(name) && t.get("language").asString().equals(language))
			.findFirst()
			.orElseThrow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			Matcher matcher = PATH.matcher(exchange.getRequestURI().getPath());
			boolean get = "GET".equals(exchange.getRequestMethod());
			boolean post = "POST".equals(exchange.getRequestMethod());
			if (!(get || post) || !matcher.matches() || !this.accounts.containsKey(matcher.group(1))) {
				respond(exchange, 400, error(100, "GraphMethodException", "Unsupported get request.", false));
				return;
			}
			Account account = this.accounts.get(matcher.group(1));
			String query = (exchange.getRequestURI().getRawQuery() != null) ? exchange.getRequestURI().getRawQuery()
					: "";
			account.requests().add(query);
			if (account.usage().get() != null) {
				exchange.getResponseHeaders().set("x-business-use-case-usage", account.usage().get());
			}
			if (!("Bearer " + account.token()).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
				respond(exchange, 401, error(190, "OAuthException", "Invalid OAuth access token.", false));
				return;
			}
			Integer failure = account.failure().get();
			if (failure != null) {
				respond(exchange, 400, error(failure, "OAuthException", "(#" + failure + ") Injected failure", false));
				return;
			}
			if (post) {
				create(exchange, account);
				return;
			}
			Map<String, String> parameters = parameters(query);
			int limit = Integer.parseInt(parameters.getOrDefault("limit", "25"));
			int from = (parameters.containsKey("after")) ? decode(parameters.get("after")) + 1 : 0;
			int pageNumber = (from / limit) + 1;
			if (account.failingPages().contains(pageNumber)) {
				respond(exchange, 500, error(2, "OAuthException", "An unexpected error has occurred.", true));
				return;
			}
			respond(exchange, 200, page(matcher.group(1), account.templates(), from, limit));
		}
	}

	private void create(HttpExchange exchange, Account account) throws IOException {
		JsonNode body;
		try (InputStream in = exchange.getRequestBody()) {
			body = Json.mapper().readTree(in);
		}
		account.creations().add(body);
		String name = body.path("name").asString();
		boolean exists = account.templates()
			.stream()
			.anyMatch((t) -> t.path("name").asString().equals(name)
					&& t.path("language").asString().equals(body.path("language").asString()));
		if (exists) {
			ObjectNode error = error(100, "OAuthException", "Invalid parameter", false);
			((ObjectNode) error.get("error")).put("error_subcode", 2388023);
			respond(exchange, 400, error);
			return;
		}
		String id = Long.toString(1_000_000_000L + account.creations().size());
		ObjectNode template = ((ObjectNode) body.deepCopy()).put("id", id).put("status", "PENDING");
		account.templates().add(template);
		ObjectNode answer = Json.mapper().createObjectNode();
		answer.put("id", id).put("status", "PENDING").put("category", body.path("category").asString());
		respond(exchange, 200, answer);
	}

	private ObjectNode page(String wabaId, List<ObjectNode> templates, int from, int limit) {
		int to = Math.min(templates.size(), from + limit);
		ObjectNode body = Json.mapper().createObjectNode();
		ArrayNode data = body.putArray("data");
		templates.subList(Math.min(from, to), to).forEach(data::add);
		if (to > from) {
			ObjectNode paging = body.putObject("paging");
			ObjectNode cursors = paging.putObject("cursors");
			cursors.put("before", encode(from));
			cursors.put("after", encode(to - 1));
			if (to < templates.size()) {
				paging.put("next", baseUrl() + "/v23.0/" + wabaId + "/message_templates?limit=" + limit + "&after="
						+ encode(to - 1));
			}
		}
		return body;
	}

	private static ObjectNode error(int code, String type, String message, boolean transientError) {
		ObjectNode body = Json.mapper().createObjectNode();
		ObjectNode error = body.putObject("error");
		error.put("message", message);
		error.put("type", type);
		error.put("code", code);
		if (transientError) {
			error.put("is_transient", true);
		}
		error.put("fbtrace_id", "AeadGx6xI8M9EVqcy11ynej");
		return body;
	}

	private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
		byte[] bytes = Json.mapper().writeValueAsBytes(body);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static Map<String, String> parameters(String query) {
		Map<String, String> parameters = new LinkedHashMap<>();
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				parameters.put(pair.substring(0, equals),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return parameters;
	}

	/** Meta-looking opaque cursors (Base64 of the position). */
	private static String encode(int index) {
		return Base64.getEncoder().encodeToString(("cursor:" + index).getBytes(StandardCharsets.UTF_8));
	}

	private static int decode(@Nullable String cursor) {
		String text = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
		return Integer.parseInt(text.substring("cursor:".length()));
	}

	private record Account(String token, List<ObjectNode> templates, List<String> requests, Set<Integer> failingPages,
			List<JsonNode> creations, AtomicReference<@Nullable String> usage,
			AtomicReference<@Nullable Integer> failure) {
	}

}
