package com.waplatform.systemtests;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.waplatform.common.json.Json;
import com.waplatform.devstack.DemoAccount;
import com.waplatform.devstack.LocalPlatform;
import com.waplatform.devstack.LocalPlatform.Service;
import com.waplatform.devstack.PlatformOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A conversation on the whole platform, as the closing transcript runs it by
 * hand: a customer writes (stored, listed, window open), the business answers inside the
 * window, a free-form message to a customer who never wrote is refused before Meta, the
 * customer writes STOP (suppressed), a promotion to them is refused while a utility
 * template still goes, and a client system receives every step as signed callbacks.
 */
class ConversationsEndToEndTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static LocalPlatform platform;

	private static DemoAccount demo;

	private static JsonCalls api;

	private static JsonCalls simulator;

	private static HttpServer receiver;

	private static final List<Received> callbacks = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void startPlatform() throws IOException {
		platform = LocalPlatform.start(PlatformOptions.randomPorts()
			.withOverrides(Map.of("platform.kafka.partitions", 2, "spring.main.banner-mode", "off")));
		demo = platform.demo();
		api = new JsonCalls(client(Service.GATEWAY), demo.apiKey());
		simulator = new JsonCalls(client(Service.SIMULATOR), null);
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hooks", ConversationsEndToEndTests::receive);
		receiver.start();
	}

	@AfterAll
	static void stopPlatform() {
		if (receiver != null) {
			receiver.stop(0);
		}
		if (platform != null) {
			platform.close();
		}
	}

	@Test
	void aConversationFromTheFirstMessageToStop() throws Exception {
		String secret = api
			.post("/v1/callbacks", Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks",
					"events", List.of("status", "inbound")))
			.expect(201)
			.get("secret")
			.asString();
		String customer = "+3461200" + (1000 + ThreadLocalRandom.current().nextInt(9000));

		// the customer writes: stored, listed with the window open and one unread
		customerWrites(customer, "Hi, is the Porto tour on Saturday?");
		JsonNode conversation = await().atMost(TIMEOUT).until(() -> conversationOf(customer), (found) -> found != null);
		assertThat(conversation.get("unreadCount").asInt()).isEqualTo(1);
		assertThat(conversation.get("windowOpenUntil").isNull()).isFalse();
		assertThat(conversation.get("optedOut").asBoolean()).isFalse();
		assertThat(conversation.at("/lastMessage/direction").asString()).isEqualTo("inbound");
		assertThat(conversation.at("/lastMessage/text").asString()).isEqualTo("Hi, is the Porto tour on Saturday?");

		// a free-form answer inside the window reaches the customer
		String reply = api
			.post("/v1/messages",
					Map.of("to", customer, "type", "text", "text", Map.of("body", "Yes! 10:00 at the Ribeira.")))
			.expect(202)
			.get("id")
			.asString();
		await().atMost(TIMEOUT)
			.until(() -> api.get("/v1/messages/{id}", reply).json().path("status").asString(), "read"::equals);
		JsonNode history = api.get("/v1/conversations/{c}/messages", customer).expect(200);
		List<String> directions = new ArrayList<>();
		history.path("messages").forEach((message) -> directions.add(message.path("direction").asString()));
		assertThat(directions).startsWith("outbound", "inbound");

		// read receipts go to Meta for the customer's last message
		JsonNode read = api.post("/v1/conversations/{c}/read", null, customer).expect(202);
		assertThat(read.get("unreadCount").asInt()).isZero();
		String wamid = read.get("wamid").asString();
		await().atMost(TIMEOUT)
			.until(() -> simulator
				.get((uri) -> uri.path("/admin/ledger/reads")
					.queryParam("phoneNumberId", demo.phoneNumberId())
					.queryParam("messageId", wamid)
					.build())
				.json()
				.toString()
				.contains(wamid));

		// free-form to a customer who never wrote: refused before Meta, with the fix
		// named
		JsonCalls.Answer refused = api.post("/v1/messages",
				Map.of("to", "+3461299" + (1000 + ThreadLocalRandom.current().nextInt(9000)), "type", "text", "text",
						Map.of("body", "Hello there")));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().path("metaErrorCode").asInt()).isEqualTo(131047);
		assertThat(refused.json().path("detail").asString()).contains("template");

		// STOP: suppressed by keyword, promotions refused, utility templates still go
		customerWrites(customer, "STOP");
		await().atMost(TIMEOUT)
			.until(() -> api.get("/v1/suppressions/{c}", customer).json().path("suppressed").asBoolean(false));
		JsonNode suppression = api.get("/v1/suppressions/{c}", customer).expect(200);
		assertThat(suppression.get("reason").asString()).isEqualTo("keyword");
		JsonCalls.Answer promotion = api.post("/v1/messages", promotion(customer));
		assertThat(promotion.status()).isEqualTo(422);
		assertThat(promotion.json().path("type").asString()).contains("opted-out");
		api.post("/v1/messages", Map.of("to", customer, "type", "template", "template",
				Map.of("name", "welcome_message", "language", "en", "parameters", List.of("Eva"))))
			.expect(202);
		assertThat(conversationOf(customer).get("optedOut").asBoolean()).isTrue();

		// the client system got both customer messages and the reply's statuses, signed
		await().atMost(TIMEOUT).untilAsserted(() -> {
			assertThat(callbacks).filteredOn((c) -> c.json().path("type").asString().equals("message.inbound"))
				.extracting((c) -> c.json().at("/data/text").asString())
				.contains("Hi, is the Porto tour on Saturday?", "STOP");
			assertThat(statusesOf(reply)).contains("accepted", "read");
		});
		for (Received callback : callbacks) {
			assertThat(callback.signatureValid(secret)).as(callback.body()).isTrue();
		}
		List<String> statuses = statusesOf(reply);
		assertThat(statuses).isSortedAccordingTo((a, b) -> Integer.compare(rank(a), rank(b)));
	}

	/**
	 * Each inbound message of the real webhook samples (other projects' test suites),
	 * posted signed to the gateway as Meta would for the demo number: stored and readable
	 * in its conversation with the content kind its Meta type names. Files that are not
	 * customer messages, or whose sender is a library's placeholder, are accepted (never
	 * a 5xx) and left to webhook-service's own table test.
	 */
	@Test
	void everyRealInboundSampleIsStoredAndReadable() throws Exception {
		java.nio.file.Path samples = java.nio.file.Path.of("..", "webhook-service", "src", "test", "resources",
				"webhooks-real");
		List<String> problems = new ArrayList<>();
		List<RealSamples.Message> expected = new ArrayList<>();
		try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(samples)) {
			for (java.nio.file.Path file : files.filter((f) -> f.toString().endsWith(".json")).sorted().toList()) {
				String name = file.getFileName().toString();
				byte[] raw = java.nio.file.Files.readAllBytes(file);
				byte[] body = raw;
				try {
					RealSamples.Rewritten sample = RealSamples.rewrite(Json.mapper().readTree(raw), demo, name);
					body = sample.bytes();
					expected.addAll(sample.messages());
				}
				catch (RuntimeException ex) {
					// broken on purpose: posted as it is, refused, never a 5xx
				}
				int status = RealSamples.post(client(Service.GATEWAY), demo, body);
				if (status >= 500) {
					problems.add(name + ": HTTP " + status);
				}
			}
		}
		java.util.Map<String, String> kinds = new java.util.concurrent.ConcurrentHashMap<>();
		try {
			await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(() -> {
				for (RealSamples.Message message : expected) {
					if (!kinds.containsKey(message.wamid())) {
						JsonNode found = RealSamples.find(
								api.get("/v1/conversations/{customer}/messages?limit=100", message.customer()).body(),
								message.wamid());
						if (found != null) {
							kinds.put(message.wamid(), found.at("/content/kind").asString(""));
						}
					}
				}
				return kinds.size() == expected.size();
			});
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			// reported below, message by message
		}
		for (RealSamples.Message message : expected) {
			String kind = kinds.get(message.wamid());
			if (kind == null) {
				problems.add(message + ": not stored or not readable");
			}
			else if (!kind.equals(message.kind())) {
				problems.add(message + ": stored as " + kind);
			}
		}
		assertThat(problems).isEmpty();
		assertThat(expected).hasSizeGreaterThanOrEqualTo(40);
	}

	private static Map<String, Object> promotion(String customer) {
		return Map.of("to", customer, "type", "template", "template", Map.of("name", "summer_promo", "language",
				Map.of("code", "en"), "components",
				List.of(Map.of("type", "header", "parameters", List.of(Map.of("type", "text", "text", "Porto"))), Map
					.of("type", "body", "parameters",
							List.of(Map.of("type", "text", "text", "Porto"), Map.of("type", "text", "text", "15%"))))));
	}

	private static void customerWrites(String customer, String text) {
		simulator.post("/admin/inbound", Map.of("phoneNumberId", demo.phoneNumberId(), "from", customer, "text", text))
			.expect(200);
	}

	private static JsonNode conversationOf(String customer) {
		JsonNode list = api.get((uri) -> uri.path("/v1/conversations").queryParam("customer", "{c}").build(customer))
			.json();
		for (JsonNode conversation : list.path("conversations")) {
			if (customer.equals(conversation.path("customer").asString())) {
				return conversation;
			}
		}
		return null;
	}

	private static List<String> statusesOf(String messageId) {
		List<String> statuses = new ArrayList<>();
		for (Received callback : callbacks) {
			JsonNode json = callback.json();
			if (json.path("type").asString().equals("message.status")
					&& messageId.equals(json.at("/data/messageId").asString())) {
				statuses.add(json.at("/data/status").asString().toLowerCase(java.util.Locale.ROOT));
			}
		}
		return statuses;
	}

	private static int rank(String status) {
		return List.of("queued", "accepted", "sent", "delivered", "read").indexOf(status);
	}

	private static org.springframework.test.web.reactive.server.WebTestClient client(Service service) {
		return org.springframework.test.web.reactive.server.WebTestClient.bindToServer()
			.baseUrl(platform.url(service))
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	private static void receive(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		callbacks.add(new Received(exchange.getRequestHeaders().getFirst("X-Signature"),
				new String(body, StandardCharsets.UTF_8)));
		exchange.sendResponseHeaders(204, -1);
		exchange.close();
	}

	/** A callback as the receiver got it. */
	record Received(String signature, String body) {

		JsonNode json() {
			return Json.mapper().readTree(this.body);
		}

		/**
		 * Checks {@code t=<unix>,v1=<hex HMAC-SHA256(secret, t + "." + body)>} the way a
		 * receiver would, independently of the platform's code.
		 */
		boolean signatureValid(String secret) throws Exception {
			String timestamp = null;
			String v1 = null;
			for (String part : this.signature.split(",")) {
				if (part.startsWith("t=")) {
					timestamp = part.substring(2);
				}
				else if (part.startsWith("v1=")) {
					v1 = part.substring(3);
				}
			}
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			String expected = HexFormat.of()
				.formatHex(mac.doFinal((timestamp + "." + this.body).getBytes(StandardCharsets.UTF_8)));
			return expected.equals(v1);
		}

	}

}
