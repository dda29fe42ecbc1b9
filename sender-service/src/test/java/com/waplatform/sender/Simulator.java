package com.waplatform.sender;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.waplatform.common.json.Json;
import com.waplatform.simulator.MetaSimulatorApplication;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Meta simulator, started in the tests' JVM on a random port (as the dev stack runs
 * it: without the platform's Kafka, database and security auto-configurations), and its
 * admin API: accounts, customers writing, faults, the ledger and per-number counts.
 */
public final class Simulator implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final HttpClient http = HttpClient.newHttpClient();

	private final String baseUrl;

	private Simulator(ConfigurableApplicationContext context) {
		this.context = context;
		this.baseUrl = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
	}

	public static Simulator start() {
		return new Simulator(MetaSimulatorApplication.builder()
			.registerShutdownHook(false)
			.run("--server.port=0", "--platform.enabled=false",
					"--spring.autoconfigure.exclude=" + MetaSimulatorApplication.EMBEDDED_EXCLUDES,
					"--simulator.webhooks.enabled=false", "--simulator.seed-templates=false"));
	}

	public String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * Adds a business number whose calls must carry {@code token}; with
	 * {@code enforceWindow}, free-form sends to a customer who did not write within 24
	 * hours are refused with 131047.
	 */
	public void account(String phoneNumberId, String token, boolean enforceWindow) {
		Map<String, Object> account = new LinkedHashMap<>();
		account.put("wabaId", "waba-1");
		account.put("phoneNumberId", phoneNumberId);
		account.put("displayPhoneNumber", "15550001000");
		account.put("accessToken", token);
		account.put("appSecret", "test-app-secret");
		account.put("enforceServiceWindow", enforceWindow);
		post("/admin/accounts", account);
	}

	/** The customer writes to the number: the simulator's window opens. */
	public void customerWrote(String phoneNumberId, String customer) {
		post("/admin/inbound", Map.of("phoneNumberId", phoneNumberId, "from", customer, "text", "Hi"));
	}

	/** Faults for the number's sends, e.g. {@code errorRate}, {@code errorCodes}. */
	public void faults(String phoneNumberId, Map<String, Object> profile) {
		Map<String, Object> body = new LinkedHashMap<>(profile);
		body.put("phoneNumberId", phoneNumberId);
		post("/admin/faults", body);
	}

	public void clearFaults(String phoneNumberId) {
		send(HttpRequest.newBuilder(uri("/admin/faults?phoneNumberId=" + encode(phoneNumberId))).DELETE().build());
	}

	/** Send calls the number received, accepted or not (0 when none). */
	public long received(String phoneNumberId) {
		JsonNode number = get("/admin/stats").path("numbers").path(phoneNumberId);
		return number.isMissingNode() ? 0 : number.path("received").asLong();
	}

	/**
	 * The request Meta accepted for our message id (its ledger entry's body), or null.
	 */
	public JsonNode accepted(String messageId) {
		JsonNode entries = get("/admin/ledger?callbackData=" + encode(messageId));
		return (entries.isArray() && !entries.isEmpty())
				? Json.mapper().readTree(entries.get(0).path("requestJson").asString()) : null;
	}

	private JsonNode get(String path) {
		return Json.mapper().readTree(send(HttpRequest.newBuilder(uri(path)).GET().build()));
	}

	private void post(String path, Object body) {
		send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body)))
			.build());
	}

	private String send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 300) {
				throw new IllegalStateException(
						request.uri() + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create(this.baseUrl + path);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
