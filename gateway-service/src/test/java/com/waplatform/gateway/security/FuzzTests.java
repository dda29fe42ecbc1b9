package com.waplatform.gateway.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.waplatform.common.crypto.WebhookSignature;
import com.waplatform.common.json.Json;
import com.waplatform.gateway.GatewayApplication;
import com.waplatform.gateway.GatewayFixtures;
import com.waplatform.gateway.GatewayFixtures.Tenant;
import com.waplatform.testsupport.Infrastructure;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based fuzzing of the bodies the gateway parses, against the real server:
 * random JSON (and non-JSON) where a message, a signed webhook or an admin request is
 * expected. Whatever the input, the answer is never a 5xx. The counts are printed for the
 * record.
 */
class FuzzTests {

	private static final List<String> KEYS = List.of("to", "from", "type", "text", "body", "template", "name",
			"language", "code", "parameters", "components", "sub_type", "index", "ttl", "priority", "context", "id",
			"image", "link", "caption", "interactive", "action", "buttons", "location", "latitude", "reaction", "emoji",
			"message_id", "preview_url", "scheduledFor", "entry", "changes", "field", "value", "statuses", "messages",
			"metadata", "phone_number_id", "appSecret", "languageFallbacks", "phoneNumberId", "wabaId",
			"displayPhoneNumber", "accessToken", "throughputPerSecond", "default", "key", "event", "automationEnabled",
			"marketingEnabled", "quietHours", "start", "end", "timeZone");

	private static ConfigurableApplicationContext gateway;

	private static WebTestClient client;

	private static Tenant tenant;

	private static String appSecret;

	private static final AtomicInteger tried = new AtomicInteger();

	private static final AtomicInteger serverErrors = new AtomicInteger();

	@BeforeContainer
	static void startGateway() {
		Map<String, Object> properties = new LinkedHashMap<>(Infrastructure.properties());
		properties.put("server.port", 0);
		properties.put("management.server.port", 0);
		properties.put("gateway.admin-token", GatewayFixtures.ADMIN_TOKEN);
		properties.put("gateway.rate-limits.per-api-key", 1_000_000);
		properties.put("gateway.rate-limits.per-client-address", 1_000_000);
		gateway = GatewayApplication.builder()
			.run(properties.entrySet()
				.stream()
				.map((e) -> "--" + e.getKey() + "=" + e.getValue())
				.toArray(String[]::new));
		client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + gateway.getEnvironment().getProperty("local.server.port"))
			.responseTimeout(Duration.ofSeconds(30))
			.build();
		appSecret = "fuzz-secret-" + UUID.randomUUID();
		tenant = GatewayFixtures.aTenantWithADefaultNumber(client, appSecret);
	}

	@AfterContainer
	static void stopGateway() {
		System.out.println("fuzzing: " + tried.get() + " inputs, " + serverErrors.get() + " answered 5xx");
		if (gateway != null) {
			gateway.close();
		}
	}

	@Property(tries = 1000)
	void sendingAnyBodyIsNeverA5xx(@ForAll("messageBodies") String body) {
		assertNoServerError(HttpMethod.POST, "/v1/messages", tenant.apiKey(), body, null);
	}

	@Property(tries = 1000)
	void aValidlySignedWebhookOfAnyShapeIsNeverA5xx(@ForAll("webhookBodies") String body) {
		String signature = WebhookSignature.sign(appSecret, body.getBytes(StandardCharsets.UTF_8));
		assertNoServerError(HttpMethod.POST, "/webhooks/meta", null, body, signature);
	}

	@Property(tries = 400)
	void anyAdminBodyIsNeverA5xx(@ForAll("adminBodies") String body) {
		assertNoServerError(HttpMethod.POST, "/v1/admin/organizations", GatewayFixtures.ADMIN_TOKEN, body, null);
		assertNoServerError(HttpMethod.POST, "/v1/admin/organizations/" + tenant.organizationId() + "/phone-numbers",
				GatewayFixtures.ADMIN_TOKEN, body, null);
		assertNoServerError(HttpMethod.PATCH, "/v1/admin/organizations/" + tenant.organizationId(),
				GatewayFixtures.ADMIN_TOKEN, body, null);
		assertNoServerError(HttpMethod.PUT, "/v1/admin/organizations/" + tenant.organizationId() + "/settings",
				GatewayFixtures.ADMIN_TOKEN, body, null);
	}

	@Property(tries = 400)
	void anySettingsBodyIsNeverA5xx(@ForAll("settingsBodies") String body) {
		assertNoServerError(HttpMethod.PUT, "/v1/admin/organizations/" + tenant.organizationId() + "/settings",
				GatewayFixtures.ADMIN_TOKEN, body, null);
	}

	private static void assertNoServerError(HttpMethod method, String path, String bearer, String body,
			String signature) {
		int status = client.method(method).uri(path).headers((headers) -> {
			if (bearer != null) {
				headers.setBearerAuth(bearer);
			}
			if (signature != null) {
				headers.set(WebhookSignature.HEADER, signature);
			}
		})
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value();
		tried.incrementAndGet();
		if (status >= 500) {
			serverErrors.incrementAndGet();
		}
		assertThat(status).as("%s %s with %s", method, path, body).isLessThan(500);
	}

	@Provide
	Arbitrary<String> messageBodies() {
		Arbitrary<Object> shaped = Arbitraries
			.maps(Arbitraries.of("to", "type", "text", "template", "from", "ttl", "priority", "context", "image",
					"interactive", "location", "contacts", "reaction"), json())
			.ofMaxSize(6)
			.map((map) -> {
				Map<String, Object> message = new LinkedHashMap<>(map);
				message.putIfAbsent("to", "+14155550123");
				return message;
			});
		return Arbitraries.oneOf(asJson(json()), asJson(shaped), Arbitraries.strings().ofMaxLength(40));
	}

	@Provide
	Arbitrary<String> webhookBodies() {
		Arbitrary<Object> change = Arbitraries.maps(Arbitraries.of("field", "value"), json())
			.ofMaxSize(2)
			.map((m) -> m);
		Arbitrary<Object> webhook = change.list().ofMaxSize(3).map((changes) -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("id", tenant.wabaId());
			entry.put("changes", changes);
			return Map.of("object", "whatsapp_business_account", "entry", List.of(entry));
		});
		return Arbitraries.oneOf(asJson(webhook), asJson(webhook), asJson(json()));
	}

	@Provide
	Arbitrary<String> adminBodies() {
		return Arbitraries.oneOf(asJson(json()),
				asJson(Arbitraries.maps(Arbitraries.of(KEYS), json()).ofMaxSize(7).map((m) -> m)),
				Arbitraries.strings().ofMaxLength(30));
	}

	@Provide
	Arbitrary<String> settingsBodies() {
		Arbitrary<Object> time = Arbitraries.oneOf(Arbitraries.of("21:00", "08:00", "24:00", "9pm", "00:00", "23:59"),
				json());
		Arbitrary<Object> quietHours = Arbitraries.maps(Arbitraries.of("start", "end", "zone"), time)
			.ofMaxSize(3)
			.map((m) -> m);
		Arbitrary<Object> zone = Arbitraries.oneOf(Arbitraries.of("Europe/Madrid", "UTC", "Mars/Base", "", "+01:00"),
				json());
		Arbitrary<Object> settings = Arbitraries
			.maps(Arbitraries.of("automationEnabled", "marketingEnabled", "quietHours", "timeZone"),
					Arbitraries.oneOf(quietHours, zone, Arbitraries.of(true, false).map((b) -> b), json()))
			.ofMaxSize(4)
			.map((m) -> m);
		return Arbitraries.oneOf(asJson(settings), asJson(settings), asJson(json()));
	}

	private static Arbitrary<String> asJson(Arbitrary<Object> values) {
		return values.map((value) -> Json.mapper().writeValueAsString(value));
	}

	/** Any JSON value, a few levels deep, with the field names the gateway reads. */
	private static Arbitrary<Object> json() {
		return Arbitraries.lazyOf(() -> Arbitraries.strings().ofMaxLength(30).map((s) -> s),
				() -> Arbitraries
					.of("", "+14155550123", "text", "template", "en_US", "PT1H", "-1", "1e309", "null", "\u0000", "😀")
					.map((s) -> s),
				() -> Arbitraries.integers().map((i) -> i), () -> Arbitraries.longs().map((l) -> l),
				() -> Arbitraries.doubles().map((d) -> d), () -> Arbitraries.of(true, false).map((b) -> b),
				() -> Arbitraries.just(JsonNull.INSTANCE),
				() -> Arbitraries.lazy(FuzzTests::json).list().ofMaxSize(3).map((list) -> list),
				() -> Arbitraries.maps(Arbitraries.of(KEYS), Arbitraries.lazy(FuzzTests::json))
					.ofMaxSize(4)
					.map((map) -> map));
	}

	/** JSON's null (a map value of Java null cannot be generated). */
	enum JsonNull {

		INSTANCE;

		@com.fasterxml.jackson.annotation.JsonValue
		Object value() {
			return null;
		}

	}

}
