package com.waplatform.systemtests.compose;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.waplatform.common.json.Json;
import com.waplatform.deploy.environment.ComposeFile;
import com.waplatform.deploy.environment.ExampleEnvironment;
import com.waplatform.deploy.environment.ServiceEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * docker-compose.yml run without Docker: every application started from its Boot jar's
 * layered extraction with exactly the environment the file gives its container
 * ({@link ComposedPlatform}); all become healthy by their compose health checks, an
 * operator seeds an organization through the admin API with the simulator's account, and
 * a template message reaches {@code read}.
 */
class ComposeSmokeTests {

	private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

	@TempDir
	static Path work;

	private static Map<String, String> variables;

	private static ComposeFile compose;

	private static ComposedPlatform platform;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void startTheComposedPlatform() {
		variables = ExampleEnvironment.filledIn(REPOSITORY);
		compose = ComposeFile.read(REPOSITORY.resolve("docker-compose.yml"), variables);
		platform = new ComposedPlatform(REPOSITORY, compose, work);
		platform.start();
	}

	@AfterAll
	static void stop() {
		if (platform != null) {
			platform.close();
		}
	}

	@Test
	void everyApplicationGetsOnlyVariablesItReadsAndEveryOneItRequires() {
		Map<String, Set<String>> unread = new TreeMap<>();
		Map<String, Set<String>> missing = new TreeMap<>();
		ServiceEnvironment.all(REPOSITORY).forEach((application, environment) -> {
			Set<String> given = platform.environment(application).keySet();
			Set<String> notRead = new TreeSet<>(given);
			notRead.removeAll(environment.read());
			Set<String> notGiven = new TreeSet<>(environment.required());
			notGiven.removeAll(given);
			if (!notRead.isEmpty()) {
				unread.put(application, notRead);
			}
			if (!notGiven.isEmpty()) {
				missing.put(application, notGiven);
			}
		});
		assertThat(unread).as("variables given that the application does not read").isEmpty();
		assertThat(missing).as("variables the application requires that are not given").isEmpty();
	}

	@Test
	void aTemplateMessageSentThroughTheComposedPlatformIsRead() throws Exception {
		String gateway = platform.url("gateway-service", 8080);
		String adminToken = variables.get("GATEWAY_ADMIN_TOKEN");
		Map<String, Object> simulatorAccount = simulatorAccount();
		JsonNode organization = post(gateway + "/v1/admin/organizations", adminToken,
				Map.of("name", "Compose Tours", "appSecret", variables.get("SIMULATOR_APP_SECRET")), 201);
		String organizationId = organization.get("id").asString();
		post(gateway + "/v1/admin/organizations/" + organizationId + "/phone-numbers", adminToken,
				Map.of("phoneNumberId", simulatorAccount.get("phone-number-id"), "wabaId",
						simulatorAccount.get("waba-id"), "displayPhoneNumber",
						"+" + simulatorAccount.get("display-phone-number"), "accessToken",
						variables.get("SIMULATOR_ACCESS_TOKEN"), "default", true),
				201);
		String apiKey = post(gateway + "/v1/admin/organizations/" + organizationId + "/api-keys", adminToken, Map.of(),
				201)
			.get("key")
			.asString();

		Map<String, Object> message = Map.of("to", "+34612345678", "type", "template", "template",
				Map.of("name", "booking_confirmation", "language", "en", "parameters",
						List.of("Ana", "Lisbon Old Town Walk", "2026-06-01", "BK-1042")));
		// the number's templates reach the gateway once template-service has synced them
		String[] id = new String[1];
		await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			HttpResponse<String> accepted = send(gateway + "/v1/messages", apiKey, message);
			assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
			id[0] = Json.mapper().readTree(accepted.body()).get("id").asString();
		});
		await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			HttpResponse<String> status = get(gateway + "/v1/messages/" + id[0], apiKey);
			assertThat(Json.mapper().readTree(status.body()).path("status").asString()).isEqualTo("read");
		});
	}

	/** The simulator's one account, as meta-simulator.yml declares it. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> simulatorAccount() throws Exception {
		Map<String, Object> configuration = new org.yaml.snakeyaml.Yaml()
			.load(Files.readString(REPOSITORY.resolve("meta-simulator/src/main/resources/meta-simulator.yml")));
		Map<String, Object> simulator = (Map<String, Object>) configuration.get("simulator");
		return ((List<Map<String, Object>>) simulator.get("accounts")).get(0);
	}

	private JsonNode post(String url, String token, Object body, int expected) throws Exception {
		HttpResponse<String> response = send(url, token, body);
		assertThat(response.statusCode()).as("POST %s: %s", url, response.body()).isEqualTo(expected);
		return Json.mapper().readTree(response.body());
	}

	private HttpResponse<String> send(String url, String token, Object body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body)))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String url, String token) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + token)
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
