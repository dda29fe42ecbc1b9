package com.waplatform.gateway.workflows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.waplatform.gateway.FakeWorkflowService;
import com.waplatform.gateway.FakeWorkflowService.Call;
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
 * {@code /v1/workflows} on the real gateway, proxied to a stand-in for workflow-service
 * on a real port ({@link FakeWorkflowService}): every call reaches workflow-service for
 * the organization of the API key with the service token, its answers and problems come
 * back as they were, and a workflow-service that fails, is slow or is down is a 502.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=gateway-service", "gateway.admin-token=" + GatewayFixtures.ADMIN_TOKEN,
				"platform.internal-api.token=" + WorkflowsApiTests.SERVICE_TOKEN,
				"gateway.workflow-service-timeout=2s" })
@AutoConfigureWebTestClient
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkflowsApiTests {

	static final String SERVICE_TOKEN = "workflows-tests-service-token";

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private static final MediaType STRUCTURED = MediaType.parseMediaType("application/cloudevents+json");

	private static FakeWorkflowService workflowService;

	private final WebTestClient client;

	@Autowired
	WorkflowsApiTests(WebTestClient client) {
		this.client = client.mutate().responseTimeout(WAIT).build();
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
		workflowService = FakeWorkflowService.start(SERVICE_TOKEN);
		registry.add("gateway.workflow-service-url", workflowService::url);
	}

	@AfterAll
	static void stopWorkflowService() {
		if (workflowService != null) {
			workflowService.stop();
		}
	}

	@Test
	@Order(1)
	void everyWorkflowCallReachesWorkflowServiceForTheOrganizationOfTheKey() {
		Tenant tenant = tenant();
		Tenant other = tenant();
		int before = workflowService.calls().size();

		Map<String, Object> defaults = call(HttpMethod.POST, "/v1/workflows/defaults", tenant, null).expectStatus()
			.isCreated()
			.expectBody(JSON_OBJECT)
			.returnResult()
			.getResponseBody();
		assertThat((List<?>) defaults.get("items")).hasSize(1);

		Map<String, Object> created = call(HttpMethod.POST, "/v1/workflows", tenant,
				"{\"name\": \"reminder\", \"trigger\": {\"type\": \"booking.confirmed\"}}")
			.expectStatus()
			.isCreated()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody(JSON_OBJECT)
			.returnResult()
			.getResponseBody();
		String id = (String) created.get("id");
		assertThat(created).containsEntry("name", "reminder").containsEntry("organizationId", tenant.organizationId());
		call(HttpMethod.POST, "/v1/workflows", tenant, "{\"name\": \"located\"}").expectHeader()
			.value("Location", (location) -> assertThat(location).matches("/v1/workflows/[0-9a-f-]{36}"));

		// the caller's query string never names the organization
		Map<String, Object> list = call(HttpMethod.GET, "/v1/workflows?organizationId=" + other.organizationId(),
				tenant, null)
			.expectStatus()
			.isOk()
			.expectBody(JSON_OBJECT)
			.returnResult()
			.getResponseBody();
		assertThat((List<?>) list.get("items")).hasSize(3);
		call(HttpMethod.GET, "/v1/workflows/" + id, tenant, null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("reminder");
		call(HttpMethod.PUT, "/v1/workflows/" + id.toUpperCase(java.util.Locale.ROOT), tenant,
				"{\"name\": \"reminder\", \"trigger\": {\"type\": \"booking.cancelled\"}}")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.version")
			.isEqualTo(2)
			.jsonPath("$.trigger.type")
			.isEqualTo("booking.cancelled");
		call(HttpMethod.POST, "/v1/workflows/" + id + "/enable", tenant, null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.enabled")
			.isEqualTo(true);
		call(HttpMethod.POST, "/v1/workflows/" + id + "/disable", tenant, null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.enabled")
			.isEqualTo(false);
		call(HttpMethod.GET, "/v1/workflows/" + id + "/versions", tenant, null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[0].version")
			.isEqualTo(2);
		this.client.post()
			.uri("/v1/workflows/{id}/test", id)
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.contentType(STRUCTURED)
			.bodyValue(event())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.matched")
			.isEqualTo(true)
			.jsonPath("$.type")
			.isEqualTo("booking.confirmed");
		call(HttpMethod.DELETE, "/v1/workflows/" + id, tenant, null).expectStatus()
			.isNoContent()
			.expectBody()
			.isEmpty();
		call(HttpMethod.GET, "/v1/workflows/" + id, tenant, null).expectStatus().isNotFound();

		List<Call> calls = workflowService.calls().subList(before, workflowService.calls().size());
		assertThat(calls).extracting((c) -> c.method() + " " + c.path())
			.containsExactly("POST /internal/workflows/defaults", "POST /internal/workflows",
					"POST /internal/workflows", "GET /internal/workflows", "GET /internal/workflows/" + id,
					"PUT /internal/workflows/" + id, "POST /internal/workflows/" + id + "/enable",
					"POST /internal/workflows/" + id + "/disable", "GET /internal/workflows/" + id + "/versions",
					"POST /internal/workflows/" + id + "/test", "DELETE /internal/workflows/" + id,
					"GET /internal/workflows/" + id);
		assertThat(calls).allSatisfy((c) -> {
			assertThat(c.query()).isEqualTo("organizationId=" + tenant.organizationId());
			assertThat(c.authorization()).isEqualTo("Bearer " + SERVICE_TOKEN);
		});
		assertThat(calls.get(9).contentType()).isEqualTo("application/cloudevents+json");
		assertThat(calls.get(9).body()).contains("\"specversion\"");
		assertThat(calls.get(1).contentType()).isEqualTo("application/json");
		assertThat(calls.get(0).body()).isEmpty();
	}

	@Test
	@Order(2)
	void workflowServiceProblemsArePassedOnWithStatusMembersAndRetryAfter() {
		Tenant tenant = tenant();
		// a 422 with its own type and errors, member for member
		call(HttpMethod.POST, "/v1/workflows", tenant, "{\"trigger\": {}}").expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:waplatform:problem:invalid-workflow")
			.jsonPath("$.title")
			.isEqualTo("Invalid workflow")
			.jsonPath("$.errors[0].field")
			.isEqualTo("name");
		// problems without a type get the gateway's type for their status
		call(HttpMethod.POST, "/v1/workflows", tenant, "{\"name\": \"taken\"}").expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:waplatform:problem:conflict")
			.jsonPath("$.detail")
			.isEqualTo("name taken");
		call(HttpMethod.GET, "/v1/workflows/" + UUID.randomUUID(), tenant, null).expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:waplatform:problem:not-found")
			.jsonPath("$.title")
			.isEqualTo("Unknown workflow");
		String id = created(tenant);
		call(HttpMethod.POST, "/v1/workflows/" + id + "/test", tenant, "{\"type\": \"booking.confirmed\"}")
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Not a CloudEvent");
		// a 503 with Retry-After is the caller's to retry, not a 502
		workflowService.answerNext(503, """
				{"type":"urn:waplatform:problem:unavailable","title":"Busy","status":503,"detail":"try later"}""",
				Map.of("Retry-After", "7"));
		call(HttpMethod.GET, "/v1/workflows", tenant, null).expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.valueEquals("Retry-After", "7")
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("try later");
		// the internal route never shows: instance becomes the public one, or goes
		workflowService.answerNext(422, """
				{"title":"Invalid workflow","status":422,"instance":"/internal/workflows/%s/test"}""".formatted(id),
				Map.of());
		call(HttpMethod.GET, "/v1/workflows", tenant, null).expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectBody()
			.jsonPath("$.instance")
			.isEqualTo("/v1/workflows/" + id + "/test");
		workflowService.answerNext(422, """
				{"title":"Invalid workflow","status":422,"instance":"/internal/events/x"}""", Map.of());
		call(HttpMethod.GET, "/v1/workflows", tenant, null).expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectBody()
			.jsonPath("$.instance")
			.doesNotExist();
		workflowService.answerNext(429, "{\"title\":\"Slow down\",\"status\":429}", Map.of("Retry-After", "3"));
		call(HttpMethod.POST, "/v1/workflows/" + id + "/enable", tenant, null).expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.valueEquals("Retry-After", "3");
	}

	@Test
	@Order(3)
	void badIdsAndBodiesAreRefusedWithoutCallingWorkflowService() {
		Tenant tenant = tenant();
		Tenant other = tenant();
		int before = workflowService.calls().size();
		for (String bad : List.of("not-a-uuid", "1-1-1-1-1", "defaults", UUID.randomUUID() + "0")) {
			call(HttpMethod.GET, "/v1/workflows/" + bad, tenant, null).expectStatus()
				.isNotFound()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:waplatform:problem:not-found");
			call(HttpMethod.POST, "/v1/workflows/" + bad + "/enable", tenant, null).expectStatus().isNotFound();
			call(HttpMethod.DELETE, "/v1/workflows/" + bad, tenant, null).expectStatus().isNotFound();
		}
		call(HttpMethod.POST, "/v1/workflows", tenant, "[1, 2]").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("body");
		call(HttpMethod.POST, "/v1/workflows", tenant, "{\"name\": ").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:waplatform:problem:malformed-request");
		// a body may not speak for another organization
		call(HttpMethod.POST, "/v1/workflows", tenant,
				"{\"name\": \"x\", \"organizationId\": \"" + other.organizationId() + "\"}")
			.expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("organizationId");
		call(HttpMethod.PUT, "/v1/workflows/" + UUID.randomUUID(), tenant,
				"{\"name\": \"x\", \"organizationId\": \"" + other.organizationId() + "\"}")
			.expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		call(HttpMethod.POST, "/v1/workflows/" + UUID.randomUUID() + "/test", tenant,
				event().replace("\"specversion\"",
						"\"organizationid\": \"" + other.organizationId() + "\", \"specversion\""))
			.expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("organizationid");
		// bodies are limited like every JSON route
		call(HttpMethod.POST, "/v1/workflows", tenant,
				"{\"name\": \"big\", \"notes\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}")
			.expectStatus()
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
		assertThat(workflowService.calls()).hasSize(before);
	}

	@Test
	@Order(4)
	void onlyAnOrganizationsKeyMayCallTheWorkflowApi() {
		int before = workflowService.calls().size();
		this.client.get().uri("/v1/workflows").exchange().expectStatus().isUnauthorized();
		this.client.post()
			.uri("/v1/workflows")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\": \"x\"}")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		this.client.get()
			.uri("/v1/workflows")
			.headers((headers) -> headers.setBearerAuth(GatewayFixtures.ADMIN_TOKEN))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.post()
			.uri("/v1/workflows/defaults")
			.headers((headers) -> headers.setBearerAuth(GatewayFixtures.ADMIN_TOKEN))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.get()
			.uri("/v1/workflows/{id}/versions", UUID.randomUUID())
			.headers((headers) -> headers.setBearerAuth("wak_" + "B".repeat(43)))
			.exchange()
			.expectStatus()
			.isUnauthorized();
		assertThat(workflowService.calls()).hasSize(before);
	}

	@Test
	@Order(5)
	void aWorkflowServiceThatFailsOrIsSlowIsABadGateway() {
		Tenant tenant = tenant();
		workflowService.answerNext(500, "{\"title\":\"Internal Server Error\",\"status\":500}", Map.of());
		badGateway(call(HttpMethod.GET, "/v1/workflows", tenant, null));
		// workflow-service refusing the gateway's own credential is no problem of the
		// caller's
		workflowService.answerNext(401, "{\"title\":\"Unauthorized\",\"status\":401}", Map.of());
		badGateway(call(HttpMethod.GET, "/v1/workflows", tenant, null)).jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("service token"));
		workflowService.delay(Duration.ofSeconds(4));
		try {
			badGateway(call(HttpMethod.GET, "/v1/workflows", tenant, null)).jsonPath("$.detail")
				.value((String detail) -> assertThat(detail).contains("did not answer within"));
		}
		finally {
			workflowService.delay(Duration.ZERO);
		}
		workflowService.breakConnections(true);
		try {
			badGateway(call(HttpMethod.POST, "/v1/workflows", tenant, "{\"name\": \"x\"}"));
		}
		finally {
			workflowService.breakConnections(false);
		}
		call(HttpMethod.GET, "/v1/workflows", tenant, null).expectStatus().isOk();
	}

	/** Last: workflow-service goes away for good. */
	@Test
	@Order(6)
	void aWorkflowServiceThatIsDownIsABadGateway() {
		Tenant tenant = tenant();
		workflowService.stop();
		badGateway(call(HttpMethod.GET, "/v1/workflows", tenant, null)).jsonPath("$.detail")
			.isEqualTo("workflow-service did not answer");
		badGateway(call(HttpMethod.POST, "/v1/workflows/" + UUID.randomUUID() + "/test", tenant, event()));
	}

	private static WebTestClient.BodyContentSpec badGateway(WebTestClient.ResponseSpec response) {
		return response.expectStatus()
			.isEqualTo(HttpStatus.BAD_GATEWAY)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:waplatform:problem:bad-gateway");
	}

	private String created(Tenant tenant) {
		return (String) call(HttpMethod.POST, "/v1/workflows", tenant, "{\"name\": \"w\"}").expectStatus()
			.isCreated()
			.expectBody(JSON_OBJECT)
			.returnResult()
			.getResponseBody()
			.get("id");
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

	private static String event() {
		return """
				{"specversion": "1.0", "id": "evt-1", "source": "/bookings", "type": "booking.confirmed",
				 "subject": "B-1", "datacontenttype": "application/json",
				 "data": {"bookingId": "B-1", "customerPhone": "+14155550123"}}""";
	}

}
