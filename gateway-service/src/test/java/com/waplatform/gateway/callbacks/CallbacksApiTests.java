package com.waplatform.gateway.callbacks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.waplatform.gateway.FakeCallbackService;
import com.waplatform.gateway.FakeCallbackService.Call;
import com.waplatform.gateway.GatewayApplication;
import com.waplatform.gateway.GatewayFixtures;
import com.waplatform.gateway.GatewayFixtures.Tenant;
import com.waplatform.testsupport.Infrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /v1/callbacks} on the real gateway, proxied to a stand-in for callback-service
 * on a real port ({@link FakeCallbackService}): every call reaches callback-service for
 * the organization of the API key with the service token, its answers and problems come
 * back as they were, and a callback-service that fails or is down is a 502.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=gateway-service", "gateway.admin-token=" + GatewayFixtures.ADMIN_TOKEN,
				"platform.internal-api.token=" + CallbacksApiTests.SERVICE_TOKEN,
				"gateway.callback-service-timeout=2s" })
@AutoConfigureWebTestClient
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CallbacksApiTests {

	static final String SERVICE_TOKEN = "callbacks-tests-service-token";

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private static FakeCallbackService callbackService;

	private final WebTestClient client;

	@Autowired
	CallbacksApiTests(WebTestClient client) {
		this.client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
		callbackService = FakeCallbackService.start(SERVICE_TOKEN);
		registry.add("gateway.callback-service-url", callbackService::url);
	}

	@AfterAll
	static void stopCallbackService() {
		if (callbackService != null) {
			callbackService.stop();
		}
	}

	@Test
	@Order(1)
	void everyCallbackRouteReachesCallbackServiceForTheOrganizationOfTheKey() {
		Tenant tenant = tenant();
		Tenant other = tenant();
		int before = callbackService.calls().size();
		Map<String, Object> created = call(HttpMethod.POST, "/v1/callbacks", tenant,
				"{\"url\": \"https://hooks.example.com/wa\", \"events\": [\"status\"]}")
			.expectStatus()
			.isCreated()
			.expectHeader()
			.value("Location", (location) -> assertThat(location).matches("/v1/callbacks/[0-9a-f-]{36}"))
			.expectBody(JSON_OBJECT)
			.returnResult()
			.getResponseBody();
		String id = (String) created.get("id");
		assertThat((String) created.get("secret")).startsWith("whsec_");
		String delivery = callbackService.deliveryOf(id);
		call(HttpMethod.GET, "/v1/callbacks?organizationId=" + other.organizationId(), tenant, null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[0].id")
			.isEqualTo(id);
		call(HttpMethod.GET, "/v1/callbacks/" + id, tenant, null).expectStatus().isOk();
		call(HttpMethod.PATCH, "/v1/callbacks/" + id, tenant, "{\"enabled\": false}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.enabled")
			.isEqualTo(false);
		call(HttpMethod.POST, "/v1/callbacks/" + id + "/rotate-secret", tenant, null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.secret")
			.isEqualTo("whsec_new");
		call(HttpMethod.GET,
				"/v1/callbacks/" + id + "/deliveries?limit=10&state=delivered&organizationId=x" + "&cursor=42", tenant,
				null)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[0].id")
			.isEqualTo(delivery);
		call(HttpMethod.POST, "/v1/callbacks/" + id + "/deliveries/" + delivery + "/replay", tenant, null)
			.expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.replayOf")
			.isEqualTo(delivery);
		call(HttpMethod.DELETE, "/v1/callbacks/" + id, tenant, null).expectStatus().isNoContent();

		List<Call> calls = callbackService.calls().subList(before, callbackService.calls().size());
		assertThat(calls).extracting((c) -> c.method() + " " + c.path())
			.containsExactly("POST /internal/callbacks", "GET /internal/callbacks", "GET /internal/callbacks/" + id,
					"PATCH /internal/callbacks/" + id, "POST /internal/callbacks/" + id + "/rotate-secret",
					"GET /internal/callbacks/" + id + "/deliveries",
					"POST /internal/callbacks/" + id + "/deliveries/" + delivery + "/replay",
					"DELETE /internal/callbacks/" + id);
		assertThat(calls).allSatisfy((c) -> {
			assertThat(c.query()).startsWith("organizationId=" + tenant.organizationId());
			assertThat(c.authorization()).isEqualTo("Bearer " + SERVICE_TOKEN);
		});
		assertThat(calls.get(5).query())
			.isEqualTo("organizationId=" + tenant.organizationId() + "&limit=10&cursor=42&state=delivered");
	}

	@Test
	@Order(2)
	void problemsArePassedOnAndBadIdsOrBodiesNeverLeaveTheGateway() {
		Tenant tenant = tenant();
		Tenant other = tenant();
		call(HttpMethod.POST, "/v1/callbacks", tenant, "{\"url\": \"http://hooks.example.com\", \"events\": []}")
			.expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:waplatform:problem:callback-url-refused")
			.jsonPath("$.rule")
			.isEqualTo("https-required");
		int before = callbackService.calls().size();
		for (String bad : List.of("not-a-uuid", "1-1-1-1-1", UUID.randomUUID() + "0")) {
			call(HttpMethod.GET, "/v1/callbacks/" + bad, tenant, null).expectStatus().isNotFound();
			call(HttpMethod.DELETE, "/v1/callbacks/" + bad, tenant, null).expectStatus().isNotFound();
			call(HttpMethod.POST, "/v1/callbacks/" + UUID.randomUUID() + "/deliveries/" + bad + "/replay", tenant, null)
				.expectStatus()
				.isNotFound();
		}
		call(HttpMethod.POST, "/v1/callbacks", tenant, "[1]").expectStatus().isBadRequest();
		call(HttpMethod.POST, "/v1/callbacks", tenant,
				"{\"url\": \"https://x.example\", \"organizationId\": \"" + other.organizationId() + "\"}")
			.expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("organizationId");
		assertThat(callbackService.calls()).hasSize(before);
		// only an organization's key
		this.client.get().uri("/v1/callbacks").exchange().expectStatus().isUnauthorized();
		this.client.get()
			.uri("/v1/callbacks")
			.headers((headers) -> headers.setBearerAuth(GatewayFixtures.ADMIN_TOKEN))
			.exchange()
			.expectStatus()
			.isForbidden();
		assertThat(callbackService.calls()).hasSize(before);
		callbackService.answerNext(500, "{\"title\":\"boom\",\"status\":500}");
		call(HttpMethod.GET, "/v1/callbacks", tenant, null).expectStatus()
			.isEqualTo(HttpStatus.BAD_GATEWAY)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:waplatform:problem:bad-gateway");
	}

	/** Last: callback-service goes away. */
	@Test
	@Order(3)
	void aCallbackServiceThatIsDownIsABadGateway() {
		Tenant tenant = tenant();
		callbackService.stop();
		call(HttpMethod.GET, "/v1/callbacks", tenant, null).expectStatus()
			.isEqualTo(HttpStatus.BAD_GATEWAY)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("callback-service did not answer");
	}

	private Tenant tenant() {
		return GatewayFixtures.aTenantWithADefaultNumber(this.client, "secret-" + UUID.randomUUID());
	}

	private WebTestClient.ResponseSpec call(HttpMethod method, String uri, Tenant tenant, String json) {
		WebTestClient.RequestBodySpec request = this.client.method(method)
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()));
		return (json != null) ? request.contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange()
				: request.exchange();
	}

}
