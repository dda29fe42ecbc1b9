package com.waplatform.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.waplatform.common.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * Seeds the demo organization through the gateway's admin API, the same way an operator
 * would.
 */
final class DemoSeeder {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String gatewayUrl;

	private final String adminToken;

	DemoSeeder(String gatewayUrl, String adminToken) {
		this.gatewayUrl = gatewayUrl;
		this.adminToken = adminToken;
	}

	DemoAccount seed(DemoAccount demo) {
		JsonNode organization = post("/v1/admin/organizations",
				Map.of("name", "Demo Tours", "appSecret", demo.appSecret()));
		String organizationId = organization.get("id").asString();
		Map<String, Object> number = new LinkedHashMap<>();
		number.put("phoneNumberId", demo.phoneNumberId());
		number.put("wabaId", demo.wabaId());
		number.put("displayPhoneNumber", demo.displayPhoneNumber());
		number.put("accessToken", demo.accessToken());
		number.put("throughputPerSecond", 80);
		number.put("default", true);
		post("/v1/admin/organizations/" + organizationId + "/phone-numbers", number);
		Map<String, Object> keyRequest = (demo.apiKey() != null) ? Map.of("key", demo.apiKey()) : Map.of();
		JsonNode key = post("/v1/admin/organizations/" + organizationId + "/api-keys", keyRequest);
		return demo.seeded(organizationId, key.get("key").asString());
	}

	/**
	 * Installs the tour operator's default workflows for the demo organization, as a
	 * client would ({@code POST /v1/workflows/defaults} with its API key). Saving a rule
	 * checks it against the synced templates, which reach workflow-service shortly after
	 * the number was configured: a 503 is asked again, for up to a minute.
	 */
	void installDefaultWorkflows(DemoAccount seeded) {
		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		HttpResponse<String> response = send("/v1/workflows/defaults", Map.of(), seeded.apiKey());
		while (response.statusCode() == 503 && System.nanoTime() < deadline) {
			// asked again half a second later (a delayed executor, not a sleeping thread)
			response = CompletableFuture
				.supplyAsync(() -> send("/v1/workflows/defaults", Map.of(), seeded.apiKey()),
						CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS))
				.join();
		}
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(
					"Installing the default workflows failed: " + response.statusCode() + " " + response.body());
		}
	}

	private JsonNode post(String path, Object body) {
		HttpResponse<String> response = send(path, body, this.adminToken);
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(
					"Seeding failed: POST " + path + " answered " + response.statusCode() + " " + response.body());
		}
		return Json.mapper().readTree(response.body());
	}

	private HttpResponse<String> send(String path, Object body, String token) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.gatewayUrl + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body)))
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Seeding failed: POST " + path, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while seeding", ex);
		}
	}

}
