package com.waplatform.gateway.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.waplatform.common.inbound.InboundMessage;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.template.TemplateFixtures;
import com.waplatform.common.template.TemplateSnapshot;
import com.waplatform.gateway.FakeTemplateService;
import com.waplatform.gateway.FakeCallbackService;
import com.waplatform.gateway.FakeWorkflowService;
import com.waplatform.gateway.GatewayApplication;
import com.waplatform.gateway.GatewayFixtures.Tenant;
import com.waplatform.gateway.GatewayFixtures;
import com.waplatform.gateway.web.Routes;
import com.waplatform.support.kafka.EventPublisher;
import com.waplatform.support.templates.TemplateDirectory;
import com.waplatform.testsupport.Infrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two organizations, A and B, on the real gateway: B walks every public and admin route
 * against A's resources and is refused or sees only its own data; and every protected
 * route is tried with path tricks, without the right credential, and never reaches its
 * handler.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=gateway-service", "gateway.admin-token=" + GatewayFixtures.ADMIN_TOKEN,
				// free-form messages to customers who never wrote: the window is not what
				// these test
				"gateway.conversations.enforce-service-window=false",
				"platform.internal-api.token=" + TenantIsolationTests.SERVICE_TOKEN })
@AutoConfigureWebTestClient
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationTests {

	static final String SERVICE_TOKEN = "service-token-for-tests";

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static FakeTemplateService templateService;

	private static FakeWorkflowService workflowService;

	private static FakeCallbackService callbackService;

	private final WebTestClient client;

	private final EventPublisher publisher;

	private final TemplateDirectory templates;

	private final DatabaseClient db;

	private final int port;

	private Tenant a;

	private Tenant b;

	private String messageOfA;

	private String eventOfA;

	private String scheduledOfA;

	private String workflowOfA;

	private String callbackOfA;

	private final String inboundOfA = "wamid.a-" + UUID.randomUUID();

	@Autowired
	TenantIsolationTests(WebTestClient client, EventPublisher publisher, TemplateDirectory templates, DatabaseClient db,
			@LocalServerPort int port) {
		this.client = client.mutate().responseTimeout(WAIT).build();
		this.publisher = publisher;
		this.templates = templates;
		this.db = db;
		this.port = port;
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
		templateService = FakeTemplateService.start();
		registry.add("gateway.template-service-url", templateService::url);
		workflowService = FakeWorkflowService.start(SERVICE_TOKEN);
		registry.add("gateway.workflow-service-url", workflowService::url);
		callbackService = FakeCallbackService.start(SERVICE_TOKEN);
		registry.add("gateway.callback-service-url", callbackService::url);
	}

	@AfterAll
	static void stopTemplateService() {
		if (templateService != null) {
			templateService.stop();
		}
		if (workflowService != null) {
			workflowService.stop();
		}
		if (callbackService != null) {
			callbackService.stop();
		}
	}

	@BeforeAll
	void twoOrganizations() {
		this.a = GatewayFixtures.aTenantWithADefaultNumber(this.client, "secret-a-" + UUID.randomUUID());
		this.b = GatewayFixtures.aTenantWithADefaultNumber(this.client, "secret-b-" + UUID.randomUUID());
		MessageTemplate template = TemplateFixtures.bookingReminder();
		this.publisher
			.publish(Topics.TEMPLATE_SYNC,
					TemplateSnapshot.of(this.a.organizationId(), this.a.wabaId(), template, "v1"))
			.block(WAIT);
		// B's account is synced too, with another template: what B cannot see is A's
		MessageTemplate other = TemplateFixtures.tourTicket();
		this.publisher
			.publish(Topics.TEMPLATE_SYNC, TemplateSnapshot.of(this.b.organizationId(), this.b.wabaId(), other, "v1"))
			.block(WAIT);
		await().atMost(WAIT)
			.until(() -> this.templates.snapshot(this.a.wabaId(), template.name(), template.language()).isPresent()
					&& this.templates.snapshot(this.b.wabaId(), other.name(), other.language()).isPresent());
		this.messageOfA = accepted(this.a, "idem-shared",
				"{\"to\": \"+14155550123\", \"type\": \"text\", " + "\"text\": {\"body\": \"For A's customer\"}}");
		this.eventOfA = postedEvent(this.a, businessEvent("evt-shared", null), false);
		this.scheduledOfA = accepted(this.a, "idem-scheduled",
				"{\"to\": \"+14155550123\", \"type\": \"text\", \"text\": {\"body\": \"Later, A\"}, "
						+ "\"scheduledFor\": \"" + java.time.Instant.now().plus(Duration.ofDays(1)) + "\"}");
		// A's customer wrote to A, and A suppressed another customer
		this.publisher
			.publish(Topics.INBOUND_MESSAGES,
					InboundMessage.text(this.a.organizationId(), this.a.phoneNumberId(), "+14155550123", "Ann",
							this.inboundOfA, java.time.Instant.now(), "Hello A", null))
			.block(WAIT);
		call(HttpMethod.POST, "/v1/suppressions", this.a.apiKey(), "{\"customer\": \"+14155550125\"}").expectStatus()
			.isCreated();
		await().atMost(WAIT)
			.until(() -> this.db.sql("select count(*) as n from conversations where organization_id = :org")
				.bind("org", this.a.organizationId())
				.map((row) -> row.get("n", Long.class))
				.one()
				.block(WAIT) == 1);
		this.workflowOfA = (String) call(HttpMethod.POST, "/v1/workflows", this.a.apiKey(),
				"{\"name\": \"confirmation of A\"}")
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

	/** A's callback endpoint (registered lazily: the other tests need none). */
	private String callbackOfA() {
		if (this.callbackOfA == null) {
			this.callbackOfA = (String) call(HttpMethod.POST, "/v1/callbacks", this.a.apiKey(),
					"{\"url\": \"https://hooks.a.example/wa\", \"events\": [\"status\"]}")
				.expectStatus()
				.isCreated()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody()
				.get("id");
		}
		return this.callbackOfA;
	}

	@Test
	void organizationBNeverSeesChangesReplaysOrDeletesTheCallbacksOfA() {
		String ofA = "/v1/callbacks/" + callbackOfA();
		String deliveryOfA = callbackService.deliveryOf(callbackOfA());
		int before = callbackService.calls().size();
		String list = call(HttpMethod.GET, "/v1/callbacks?organizationId=" + this.a.organizationId(), this.b.apiKey(),
				null)
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(list).doesNotContain(callbackOfA(), this.a.organizationId());
		call(HttpMethod.GET, ofA, this.b.apiKey(), null).expectStatus().isNotFound();
		call(HttpMethod.PATCH, ofA, this.b.apiKey(), "{\"url\": \"https://evil.example\"}").expectStatus().isNotFound();
		call(HttpMethod.POST, ofA + "/rotate-secret", this.b.apiKey(), null).expectStatus().isNotFound();
		call(HttpMethod.GET, ofA + "/deliveries", this.b.apiKey(), null).expectStatus().isNotFound();
		call(HttpMethod.POST, ofA + "/deliveries/" + deliveryOfA + "/replay", this.b.apiKey(), null).expectStatus()
			.isNotFound();
		call(HttpMethod.DELETE, ofA, this.b.apiKey(), null).expectStatus().isNotFound();
		call(HttpMethod.POST, "/v1/callbacks", this.b.apiKey(),
				"{\"url\": \"https://x.example\", \"organizationId\": \"" + this.a.organizationId() + "\"}")
			.expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		List<FakeCallbackService.Call> calls = callbackService.calls().subList(before, callbackService.calls().size());
		assertThat(calls).hasSize(7)
			.allSatisfy((c) -> assertThat(c.query()).isEqualTo("organizationId=" + this.b.organizationId()));
		call(HttpMethod.GET, ofA, this.a.apiKey(), null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.url")
			.isEqualTo("https://hooks.a.example/wa");
	}

	/** Every callback route, also disguised: only an organization's key reaches it. */
	@Test
	void theCallbackApiIsAnOrganizationsOnly() {
		String ofA = "/v1/callbacks/" + callbackOfA();
		String replay = ofA + "/deliveries/" + callbackService.deliveryOf(callbackOfA()) + "/replay";
		int before = callbackService.calls().size();
		List<Route> routes = List.of(new Route(HttpMethod.GET, "/v1/callbacks", Audience.ORGANIZATION),
				new Route(HttpMethod.POST, "/v1/callbacks", Audience.ORGANIZATION),
				new Route(HttpMethod.GET, ofA, Audience.ORGANIZATION),
				new Route(HttpMethod.PATCH, ofA, Audience.ORGANIZATION),
				new Route(HttpMethod.DELETE, ofA, Audience.ORGANIZATION),
				new Route(HttpMethod.POST, ofA + "/rotate-secret", Audience.ORGANIZATION),
				new Route(HttpMethod.GET, ofA + "/deliveries", Audience.ORGANIZATION),
				new Route(HttpMethod.POST, replay, Audience.ORGANIZATION));
		for (Route route : routes) {
			for (Trick trick : Trick.values()) {
				String path = trick.apply(route.path());
				for (String credential : route.audience().wrongCredentials(this.a.apiKey())) {
					call(route.method(), path, credential, "{\"url\": \"https://x.example\"}").expectStatus()
						.value((status) -> assertThat(status).as("%s %s (%s)", route.method(), path, trick)
							.isBetween(400, 499)
							.isNotEqualTo(422));
				}
			}
			call(route.method(), route.path(), null, "{}").expectStatus().isUnauthorized();
			call(route.method(), route.path(), GatewayFixtures.ADMIN_TOKEN, "{}").expectStatus().isForbidden();
		}
		assertThat(callbackService.calls()).as("calls that reached callback-service").hasSize(before);
	}

	@Test
	void organizationBNeverSeesOrChangesTheWorkflowsOfA() {
		int before = workflowService.calls().size();
		String ofA = "/v1/workflows/" + this.workflowOfA;
		// B's list is B's, whatever the query string says
		String list = call(HttpMethod.GET, "/v1/workflows?organizationId=" + this.a.organizationId(), this.b.apiKey(),
				null)
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(list).doesNotContain(this.workflowOfA, this.a.organizationId());
		// A's workflow is a 404 to B on every route, and stays as it was
		call(HttpMethod.GET, ofA, this.b.apiKey(), null).expectStatus().isNotFound();
		call(HttpMethod.GET, ofA + "?organizationId=" + this.a.organizationId(), this.b.apiKey(), null).expectStatus()
			.isNotFound();
		call(HttpMethod.PUT, ofA, this.b.apiKey(), "{\"name\": \"hijacked\"}").expectStatus().isNotFound();
		call(HttpMethod.POST, ofA + "/enable", this.b.apiKey(), null).expectStatus().isNotFound();
		call(HttpMethod.POST, ofA + "/disable", this.b.apiKey(), null).expectStatus().isNotFound();
		call(HttpMethod.GET, ofA + "/versions", this.b.apiKey(), null).expectStatus().isNotFound();
		call(HttpMethod.POST, ofA + "/test", this.b.apiKey(), businessEvent("evt-test", null)).expectStatus()
			.isNotFound();
		call(HttpMethod.DELETE, ofA, this.b.apiKey(), null).expectStatus().isNotFound();
		// nor may B's bodies speak for A
		call(HttpMethod.POST, "/v1/workflows", this.b.apiKey(),
				"{\"name\": \"x\", \"organizationId\": \"" + this.a.organizationId() + "\"}")
			.expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		call(HttpMethod.POST, ofA + "/test", this.b.apiKey(),
				businessEvent("evt-test", "\"organizationid\": \"" + this.a.organizationId() + "\", "))
			.expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		List<FakeWorkflowService.Call> calls = workflowService.calls().subList(before, workflowService.calls().size());
		assertThat(calls).hasSize(9)
			.allSatisfy((c) -> assertThat(c.query()).isEqualTo("organizationId=" + this.b.organizationId()));
		call(HttpMethod.GET, ofA, this.a.apiKey(), null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("confirmation of A")
			.jsonPath("$.version")
			.isEqualTo(1)
			.jsonPath("$.enabled")
			.isEqualTo(false);
		assertThat(workflowService.calls().get(workflowService.calls().size() - 1).query())
			.isEqualTo("organizationId=" + this.a.organizationId());
	}

	@Test
	void theWorkflowApiIsAnOrganizationsOnly() {
		int before = workflowService.calls().size();
		String ofA = "/v1/workflows/" + this.workflowOfA;
		List<Route> routes = List.of(new Route(HttpMethod.GET, "/v1/workflows", Audience.ORGANIZATION),
				new Route(HttpMethod.POST, "/v1/workflows", Audience.ORGANIZATION),
				new Route(HttpMethod.POST, "/v1/workflows/defaults", Audience.ORGANIZATION),
				new Route(HttpMethod.GET, ofA, Audience.ORGANIZATION),
				new Route(HttpMethod.PUT, ofA, Audience.ORGANIZATION),
				new Route(HttpMethod.DELETE, ofA, Audience.ORGANIZATION),
				new Route(HttpMethod.POST, ofA + "/enable", Audience.ORGANIZATION),
				new Route(HttpMethod.POST, ofA + "/disable", Audience.ORGANIZATION),
				new Route(HttpMethod.GET, ofA + "/versions", Audience.ORGANIZATION),
				new Route(HttpMethod.POST, ofA + "/test", Audience.ORGANIZATION));
		for (Route route : routes) {
			call(route.method(), route.path(), null, "{\"name\": \"x\"}").expectStatus().isUnauthorized();
			call(route.method(), route.path(), GatewayFixtures.ADMIN_TOKEN, "{\"name\": \"x\"}").expectStatus()
				.isForbidden();
		}
		assertThat(workflowService.calls()).hasSize(before);
	}

	@Test
	void organizationBNeverSeesOrPostsAsTheEventsOfA() {
		// the same source + id in B is B's own event: another id, not a duplicate of A's
		String eventOfB = postedEvent(this.b, businessEvent("evt-shared", null), false);
		assertThat(eventOfB).isNotEqualTo(this.eventOfA);
		assertThat(postedEvent(this.a, businessEvent("evt-shared", null), true)).isEqualTo(this.eventOfA);
		// an event may not claim another organization
		call(HttpMethod.POST, "/v1/events", this.b.apiKey(),
				businessEvent("evt-claims-a", "\"organizationid\": \"" + this.a.organizationId() + "\", "),
				"application/cloudevents+json")
			.expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("organizationid");
		assertThat(this.db.sql("select organization_id from received_events where cloud_event_id = 'evt-claims-a'")
			.map((row) -> row.get("organization_id", String.class))
			.all()
			.collectList()
			.block(WAIT)).isEmpty();
		// each organization's events are recorded as its own only
		assertThat(this.db.sql("select organization_id from received_events where event_id = :id")
			.bind("id", UUID.fromString(eventOfB))
			.map((row) -> row.get("organization_id", String.class))
			.all()
			.collectList()
			.block(WAIT)).containsExactly(this.b.organizationId());

		// what A's event triggered is A's to read; B's view of it is a 404, even from
		// workflow-service
		workflowService.record(this.a.organizationId(), this.eventOfA, """
				{"id": "%s", "type": "booking.confirmed", "source": "/bookings", "subject": "B-1",
				 "outcome": "triggered", "rules": [{"rule": "booking_confirmation", "messages": ["m-1"]}]}"""
			.formatted(this.eventOfA));
		call(HttpMethod.GET, "/v1/events/" + this.eventOfA, this.a.apiKey(), null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.outcome")
			.isEqualTo("triggered");
		call(HttpMethod.GET, "/v1/events/" + this.eventOfA, this.b.apiKey(), null).expectStatus().isNotFound();
		assertThat(workflowService.requests())
			.contains("/internal/events/" + this.eventOfA + "?organizationId=" + this.b.organizationId());
		call(HttpMethod.GET, "/v1/events/" + eventOfB, this.b.apiKey(), null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.outcome")
			.isEqualTo("pending");
		call(HttpMethod.GET, "/v1/events/" + eventOfB, this.a.apiKey(), null).expectStatus().isNotFound();
	}

	@Test
	void organizationBNeverSeesOrChangesTheMessagesOfA() {
		call(HttpMethod.GET, "/v1/messages/" + this.messageOfA, this.b.apiKey(), null).expectStatus().isNotFound();
		String page = call(HttpMethod.GET, "/v1/messages?limit=100", this.b.apiKey(), null).expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).doesNotContain(this.messageOfA, this.scheduledOfA, this.a.phoneNumberId(),
				this.a.organizationId());
		// B cannot cancel A's scheduled message (nor learn that it exists): a 404, and it
		// stays scheduled
		call(HttpMethod.DELETE, "/v1/messages/" + this.scheduledOfA, this.b.apiKey(), null).expectStatus().isNotFound();
		call(HttpMethod.DELETE, "/v1/messages/" + this.messageOfA, this.b.apiKey(), null).expectStatus().isNotFound();
		call(HttpMethod.GET, "/v1/messages/" + this.scheduledOfA, this.a.apiKey(), null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("scheduled");
		// A's number is not B's to send from
		call(HttpMethod.POST, "/v1/messages", this.b.apiKey(),
				"{\"to\": \"+14155550123\", \"from\": \"" + this.a.phoneNumberId()
						+ "\", \"type\": \"text\", \"text\": {\"body\": \"spoofed\"}}")
			.expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("from");
		// the same idempotency key in B is B's own: a new message, not A's and not a 409
		String messageOfB = accepted(this.b, "idem-shared",
				"{\"to\": \"+14155550124\", \"type\": \"text\", \"text\": {\"body\": \"For B's customer\"}}");
		assertThat(messageOfB).isNotEqualTo(this.messageOfA);
		assertThat(accepted(this.a, "idem-shared",
				"{\"to\": \"+14155550123\", \"type\": \"text\", " + "\"text\": {\"body\": \"For A's customer\"}}"))
			.isEqualTo(this.messageOfA);
	}

	@Test
	void organizationBNeverFetchesTheMediaOfANorUploadsFromItsNumber() {
		String mediaOfA = "4455667788";
		this.db
			.sql("insert into media_objects (organization_id, media_id, phone_number_id, direction, mime_type) "
					+ "values (:org, :media, :number, 'inbound', 'image/jpeg')")
			.bind("org", this.a.organizationId())
			.bind("media", mediaOfA)
			.bind("number", this.a.phoneNumberId())
			.then()
			.block(WAIT);
		// A's media id is a 404 to B, as an id nobody has: B cannot even learn it exists
		call(HttpMethod.GET, "/v1/media/" + mediaOfA, this.b.apiKey(), null).expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).doesNotContain(this.a.phoneNumberId()));
		call(HttpMethod.GET, "/v1/media/" + mediaOfA + "?organizationId=" + this.a.organizationId(), this.b.apiKey(),
				null)
			.expectStatus()
			.isNotFound();
		// nor may B upload from A's number
		org.springframework.http.client.MultipartBodyBuilder upload = new org.springframework.http.client.MultipartBodyBuilder();
		upload.part("file", new org.springframework.core.io.ByteArrayResource(new byte[] { 1, 2, 3 }))
			.filename("a.jpg")
			.contentType(MediaType.IMAGE_JPEG);
		upload.part("from", this.a.phoneNumberId());
		this.client.post()
			.uri("/v1/media")
			.headers((headers) -> headers.setBearerAuth(this.b.apiKey()))
			.body(org.springframework.web.reactive.function.BodyInserters.fromMultipartData(upload.build()))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("from");
	}

	@Test
	void organizationBSeesOnlyItsOwnNumbersQueueAndAnalytics() {
		// A has a message queued and one scheduled; B has none (what B sent in other
		// tests
		// is B's own)
		String numbers = call(HttpMethod.GET, "/v1/numbers", this.b.apiKey(), null).expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(numbers).contains(this.b.phoneNumberId()).doesNotContain(this.a.phoneNumberId(), this.a.wabaId());
		String queue = call(HttpMethod.GET, "/v1/queue?organizationId=" + this.a.organizationId(), this.b.apiKey(),
				null)
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(queue).contains(this.b.phoneNumberId())
			.doesNotContain(this.a.phoneNumberId())
			.contains("\"scheduled\":0");
		call(HttpMethod.GET, "/v1/queue", this.a.apiKey(), null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.numbers[0].phoneNumberId")
			.isEqualTo(this.a.phoneNumberId())
			.jsonPath("$.numbers[0].scheduled")
			.isEqualTo(1);
		String analytics = call(HttpMethod.GET, "/v1/analytics/messages?groupBy=number", this.b.apiKey(), null)
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(analytics).doesNotContain(this.a.phoneNumberId());
		call(HttpMethod.GET, "/v1/analytics/messages?groupBy=number", this.a.apiKey(), null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.groups[0].key")
			.isEqualTo(this.a.phoneNumberId());
		for (String path : List.of("/v1/numbers", "/v1/queue", "/v1/analytics/messages")) {
			call(HttpMethod.GET, path, GatewayFixtures.ADMIN_TOKEN, null).expectStatus().isForbidden();
			call(HttpMethod.GET, path, null, null).expectStatus().isUnauthorized();
		}
	}

	@Test
	void organizationBNeverSeesOrChangesTheConversationsOrSuppressionsOfA() {
		for (String path : List.of("/v1/conversations?limit=100", "/v1/conversations/%2B14155550123/messages",
				"/v1/messages?direction=all&limit=100", "/v1/messages?direction=inbound&customer=%2B14155550123",
				"/v1/suppressions?limit=100")) {
			String page = call(HttpMethod.GET, path, this.b.apiKey(), null).expectStatus()
				.isOk()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			assertThat(page).as(path)
				.doesNotContain(this.inboundOfA, "+14155550125", this.a.phoneNumberId(), this.a.organizationId(),
						"Hello A");
		}
		call(HttpMethod.GET, "/v1/suppressions/%2B14155550125", this.b.apiKey(), null).expectStatus().isNotFound();
		// B can neither mark A's customer read (nothing of B's to mark) nor use A's
		// number
		call(HttpMethod.POST, "/v1/conversations/%2B14155550123/read", this.b.apiKey(), null).expectStatus()
			.isNotFound();
		call(HttpMethod.POST, "/v1/conversations/%2B14155550123/read?from=" + this.a.phoneNumberId(), this.b.apiKey(),
				null)
			.expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		call(HttpMethod.GET, "/v1/conversations?from=" + this.a.phoneNumberId(), this.b.apiKey(), null).expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		// nor unsuppress A's customer: a 404, and A's list is unchanged
		call(HttpMethod.DELETE, "/v1/suppressions/%2B14155550125", this.b.apiKey(), null).expectStatus().isNotFound();
		call(HttpMethod.GET, "/v1/suppressions/%2B14155550125", this.a.apiKey(), null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.suppressed")
			.isEqualTo(true);
		// B suppressing the same number suppresses it for B only
		call(HttpMethod.POST, "/v1/suppressions", this.b.apiKey(), "{\"customer\": \"+14155550125\"}").expectStatus()
			.isCreated();
		call(HttpMethod.DELETE, "/v1/suppressions/%2B14155550125", this.b.apiKey(), null).expectStatus().isNoContent();
		call(HttpMethod.GET, "/v1/suppressions/%2B14155550125", this.a.apiKey(), null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.suppressed")
			.isEqualTo(true)
			.jsonPath("$.audit.length()")
			.isEqualTo(1);
		// A's conversation is still unread: B's read touched nothing
		call(HttpMethod.GET, "/v1/conversations", this.a.apiKey(), null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.conversations[0].unreadCount")
			.isEqualTo(1);
		// the admin token is no organization
		call(HttpMethod.GET, "/v1/conversations", GatewayFixtures.ADMIN_TOKEN, null).expectStatus().isForbidden();
		call(HttpMethod.GET, "/v1/suppressions", GatewayFixtures.ADMIN_TOKEN, null).expectStatus().isForbidden();
	}

	@Test
	void organizationBNeverSeesOrUsesTheTemplatesOfA() {
		String list = call(HttpMethod.GET, "/v1/templates", this.b.apiKey(), null).expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(list).doesNotContain("booking_reminder", this.a.wabaId());
		call(HttpMethod.GET, "/v1/templates/booking_reminder", this.b.apiKey(), null).expectStatus().isNotFound();
		String parameters = "{\"parameters\": [\"Ann\", \"Walk\", \"12 May\", \"10:00\"]}";
		call(HttpMethod.POST, "/v1/templates/booking_reminder/preview?language=en_US", this.b.apiKey(), parameters)
			.expectStatus()
			.value((status) -> assertThat(status).isIn(404, 422));
		call(HttpMethod.POST, "/v1/templates/booking_reminder/preview?language=en_US&from=" + this.a.phoneNumberId(),
				this.b.apiKey(), parameters)
			.expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		// the same preview as A works: the refusals above are about B, not the request
		call(HttpMethod.POST, "/v1/templates/booking_reminder/preview?language=en_US", this.a.apiKey(), parameters)
			.expectStatus()
			.isOk();
		call(HttpMethod.POST, "/v1/messages", this.b.apiKey(),
				"{\"to\": \"+14155550123\", \"type\": \"template\", \"template\": {\"name\": \"booking_reminder\", "
						+ "\"language\": \"en_US\", \"parameters\": [\"Ann\", \"Walk\", \"12 May\", \"10:00\"]}}")
			.expectStatus()
			.value((status) -> assertThat(status).isIn(404, 422));
		// creation in A's account is refused; sync touches only B's accounts
		call(HttpMethod.POST, "/v1/templates", this.b.apiKey(),
				"{\"wabaId\": \"" + this.a.wabaId() + "\", \"name\": \"stolen\", \"language\": \"en_US\", "
						+ "\"category\": \"UTILITY\", \"components\": [{\"type\": \"BODY\", \"text\": \"Hi\"}]}")
			.expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		int before = templateService.requests().size();
		call(HttpMethod.POST, "/v1/templates/sync", this.b.apiKey(), null).expectStatus().isOk();
		assertThat(templateService.requests().subList(before, templateService.requests().size())).allSatisfy(
				(request) -> assertThat(request.query()).contains(this.b.wabaId()).doesNotContain(this.a.wabaId()));
		assertThat(templateService.requests()).noneSatisfy((request) -> {
			assertThat(request.body()).contains("stolen");
		});
	}

	@Test
	void apiKeysNeverReachTheAdminApiAndTheAdminTokenNeverActsAsAnOrganization() {
		String orgOfA = "/v1/admin/organizations/" + this.a.organizationId();
		call(HttpMethod.GET, orgOfA, this.b.apiKey(), null).expectStatus().isForbidden();
		call(HttpMethod.PATCH, orgOfA, this.b.apiKey(), "{\"languageFallbacks\": {}}").expectStatus().isForbidden();
		call(HttpMethod.POST, orgOfA + "/api-keys", this.b.apiKey(), null).expectStatus().isForbidden();
		call(HttpMethod.POST, orgOfA + "/phone-numbers", this.b.apiKey(),
				"{\"phoneNumberId\": \"1\", \"wabaId\": \"1\", \"displayPhoneNumber\": \"+1555\", \"accessToken\": \"x\"}")
			.expectStatus()
			.isForbidden();
		call(HttpMethod.DELETE, orgOfA + "/api-keys/key_x", this.b.apiKey(), null).expectStatus().isForbidden();
		call(HttpMethod.GET, orgOfA + "/settings", this.b.apiKey(), null).expectStatus().isForbidden();
		call(HttpMethod.PUT, orgOfA + "/settings", this.b.apiKey(), "{\"marketingEnabled\": false}").expectStatus()
			.isForbidden();
		call(HttpMethod.GET, orgOfA + "/settings", this.a.apiKey(), null).expectStatus().isForbidden();
		call(HttpMethod.POST, "/v1/admin/organizations", this.b.apiKey(), "{\"name\": \"X\", \"appSecret\": \"s\"}")
			.expectStatus()
			.isForbidden();
		// the dead letters of every topic hold every organization's events: the
		// operator's
		call(HttpMethod.GET, "/v1/admin/dead-letters", this.a.apiKey(), null).expectStatus().isForbidden();
		call(HttpMethod.GET, "/v1/admin/dead-letters?organizationId=" + this.a.organizationId(), this.b.apiKey(), null)
			.expectStatus()
			.isForbidden();
		call(HttpMethod.POST, "/v1/admin/dead-letters/replay", this.b.apiKey(),
				"{\"topic\": \"wa.status-events-dlt\", \"all\": true}")
			.expectStatus()
			.isForbidden();
		call(HttpMethod.GET, "/v1/admin/dead-letters", GatewayFixtures.ADMIN_TOKEN, null).expectStatus().isOk();
		call(HttpMethod.GET, "/v1/messages/" + this.messageOfA, GatewayFixtures.ADMIN_TOKEN, null).expectStatus()
			.isForbidden();
		call(HttpMethod.DELETE, "/v1/messages/" + this.scheduledOfA, GatewayFixtures.ADMIN_TOKEN, null).expectStatus()
			.isForbidden();
		// A's key still works: nothing B did changed it
		call(HttpMethod.GET, "/v1/messages/" + this.messageOfA, this.a.apiKey(), null).expectStatus().isOk();
		// and A's settings are as they were
		call(HttpMethod.GET, orgOfA + "/settings", GatewayFixtures.ADMIN_TOKEN, null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.marketingEnabled")
			.isEqualTo(true);
	}

	@Test
	void theActuatorIsNotOnThePublicPortAndUnknownRoutesAreRefused() {
		call(HttpMethod.GET, "/readyz", null, null).expectStatus().isOk();
		call(HttpMethod.GET, "/livez", null, null).expectStatus().isOk();
		for (String path : List.of("/actuator", "/actuator/prometheus", "/actuator/health",
				"/actuator/health/readiness", "/actuator/env", "/actuator/metrics")) {
			call(HttpMethod.GET, path, null, null).expectStatus().value((status) -> assertThat(status).isIn(401, 404));
			call(HttpMethod.GET, path, GatewayFixtures.ADMIN_TOKEN, null).expectStatus()
				.value((status) -> assertThat(status).isIn(401, 403, 404));
		}
		// a route nobody configured is refused even with a valid key
		call(HttpMethod.GET, "/v1/organizations", this.a.apiKey(), null).expectStatus().isForbidden();
		call(HttpMethod.PUT, "/v1/messages/" + this.messageOfA, this.a.apiKey(), "{}").expectStatus().isForbidden();
		call(HttpMethod.GET, "/internal/templates", SERVICE_TOKEN, null).expectStatus()
			.value((status) -> assertThat(status).isIn(401, 403));
	}

	/**
	 * The API document and Swagger UI are the public routes besides the webhooks and
	 * probes: anyone reads them, with or without a credential, nobody writes to them, and
	 * they hold no organization's data; springdoc's other paths stay refused.
	 */
	@Test
	void theApiDocumentIsPublicReadOnlyAndHoldsNoOrganizationsData() {
		for (String path : List.of(Routes.API_DOCS, Routes.API_DOCS_YAML, Routes.API_DOCS_UI_CONFIG,
				"/swagger-ui/index.html")) {
			for (String credential : java.util.Arrays.asList(null, this.a.apiKey(), GatewayFixtures.ADMIN_TOKEN)) {
				String body = call(HttpMethod.GET, path, credential, null).expectStatus()
					.isOk()
					.expectBody(String.class)
					.returnResult()
					.getResponseBody();
				assertThat(body).as(path)
					.isNotBlank()
					.doesNotContain(this.a.organizationId(), this.b.organizationId(), this.a.phoneNumberId(),
							this.b.phoneNumberId(), this.a.wabaId(), this.a.apiKey(), this.messageOfA);
			}
			for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
				for (String credential : java.util.Arrays.asList(null, this.a.apiKey(), GatewayFixtures.ADMIN_TOKEN)) {
					call(method, path, credential, "{}").expectStatus()
						.value((status) -> assertThat(status).as("%s %s", method, path).isIn(401, 403));
				}
			}
		}
		call(HttpMethod.GET, Routes.API_DOCS_UI, null, null).expectStatus().is3xxRedirection();
		for (String path : List.of("/v3/api-docs/other-group", "/v3/api-docs.yml", "/v3", "/swagger-ui.html/x")) {
			call(HttpMethod.GET, path, null, null).expectStatus()
				.value((status) -> assertThat(status).as(path).isIn(401, 403, 404));
		}
	}

	/**
	 * Every protected route, disguised: never a 2xx or a 422 (a handler ran) without the
	 * right credential, and no row written.
	 */
	@Test
	void pathTricksNeverReachAHandlerWithoutItsCredential() {
		long rowsBefore = rows();
		String a = this.a.organizationId();
		List<Route> routes = List.of(new Route(HttpMethod.POST, "/v1/admin/organizations", Audience.ADMIN),
				new Route(HttpMethod.GET, "/v1/admin/organizations/" + a, Audience.ADMIN),
				new Route(HttpMethod.PATCH, "/v1/admin/organizations/" + a, Audience.ADMIN),
				new Route(HttpMethod.POST, "/v1/admin/organizations/" + a + "/api-keys", Audience.ADMIN),
				new Route(HttpMethod.POST, "/v1/admin/organizations/" + a + "/phone-numbers", Audience.ADMIN),
				new Route(HttpMethod.DELETE, "/v1/admin/organizations/" + a + "/api-keys/key_x", Audience.ADMIN),
				new Route(HttpMethod.GET, "/v1/admin/organizations/" + a + "/settings", Audience.ADMIN),
				new Route(HttpMethod.PUT, "/v1/admin/organizations/" + a + "/settings", Audience.ADMIN),
				new Route(HttpMethod.GET, "/v1/admin/dead-letters", Audience.ADMIN),
				new Route(HttpMethod.POST, "/v1/admin/dead-letters/replay", Audience.ADMIN),
				new Route(HttpMethod.POST, "/v1/messages", Audience.ORGANIZATION),
				new Route(HttpMethod.GET, "/v1/messages", Audience.ORGANIZATION),
				new Route(HttpMethod.GET, "/v1/messages/" + this.messageOfA, Audience.ORGANIZATION),
				new Route(HttpMethod.DELETE, "/v1/messages/" + this.scheduledOfA, Audience.ORGANIZATION),
				new Route(HttpMethod.GET, "/v1/numbers", Audience.ORGANIZATION),
				new Route(HttpMethod.GET, "/v1/queue", Audience.ORGANIZATION),
				new Route(HttpMethod.GET, "/v1/analytics/messages", Audience.ORGANIZATION),
				new Route(HttpMethod.GET, "/v1/conversations", Audience.ORGANIZATION),
				new Route(HttpMethod.GET, "/v1/conversations/%2B14155550123/messages", Audience.ORGANIZATION),
				new Route(HttpMethod.POST, "/v1/conversations/%2B14155550123/read", Audience.ORGANIZATION),
				new Route(HttpMethod.GET, "/v1/suppressions", Audience.ORGANIZATION),
				new Route(HttpMethod.POST, "/v1/suppressions", Audience.ORGANIZATION),
				new Route(HttpMethod.GET, "/v1/suppressions/%2B14155550125", Audience.ORGANIZATION),
				new Route(HttpMethod.DELETE, "/v1/suppressions/%2B14155550125", Audience.ORGANIZATION),
				new Route(HttpMethod.GET, "/v1/templates", Audience.ORGANIZATION),
				new Route(HttpMethod.POST, "/v1/templates", Audience.ORGANIZATION),
				new Route(HttpMethod.POST, "/v1/templates/sync", Audience.ORGANIZATION),
				new Route(HttpMethod.GET, "/v1/templates/booking_reminder", Audience.ORGANIZATION),
				new Route(HttpMethod.POST, "/v1/templates/booking_reminder/preview", Audience.ORGANIZATION),
				new Route(HttpMethod.POST, "/v1/events", Audience.ORGANIZATION),
				new Route(HttpMethod.GET, "/v1/events/" + this.eventOfA, Audience.ORGANIZATION),
				new Route(HttpMethod.GET, "/v1/media/4455667788", Audience.ORGANIZATION),
				new Route(HttpMethod.POST, "/v1/media", Audience.ORGANIZATION),
				new Route(HttpMethod.GET, "/v1/workflows", Audience.ORGANIZATION),
				new Route(HttpMethod.POST, "/v1/workflows", Audience.ORGANIZATION),
				new Route(HttpMethod.POST, "/v1/workflows/defaults", Audience.ORGANIZATION),
				new Route(HttpMethod.GET, "/v1/workflows/" + this.workflowOfA, Audience.ORGANIZATION),
				new Route(HttpMethod.PUT, "/v1/workflows/" + this.workflowOfA, Audience.ORGANIZATION),
				new Route(HttpMethod.DELETE, "/v1/workflows/" + this.workflowOfA, Audience.ORGANIZATION),
				new Route(HttpMethod.POST, "/v1/workflows/" + this.workflowOfA + "/enable", Audience.ORGANIZATION),
				new Route(HttpMethod.POST, "/v1/workflows/" + this.workflowOfA + "/disable", Audience.ORGANIZATION),
				new Route(HttpMethod.GET, "/v1/workflows/" + this.workflowOfA + "/versions", Audience.ORGANIZATION),
				new Route(HttpMethod.POST, "/v1/workflows/" + this.workflowOfA + "/test", Audience.ORGANIZATION));
		int workflowCalls = workflowService.calls().size();
		int tried = 0;
		Map<Trick, java.util.SortedSet<Integer>> answers = new java.util.EnumMap<>(Trick.class);
		for (Route route : routes) {
			for (Trick trick : Trick.values()) {
				String path = trick.apply(route.path());
				for (String credential : route.audience().wrongCredentials(this.a.apiKey())) {
					call(route.method(), path, credential, "{\"name\": \"X\", \"appSecret\": \"s\"}").expectStatus()
						.value((status) -> answers.computeIfAbsent(trick, (t) -> new java.util.TreeSet<>()).add(status))
						.expectStatus()
						.value((status) -> assertThat(status)
							.as("%s %s (%s) with %s", route.method(), path, trick,
									(credential != null) ? "a wrong credential" : "no credential")
							.isBetween(400, 499)
							.isNotEqualTo(422));
					tried++;
				}
			}
		}
		assertThat(tried).isEqualTo(routes.size() * Trick.values().length * 2);
		// the table of the closing note: which answers each disguise got
		answers.forEach((trick, statuses) -> System.out.println("path trick " + trick + ": " + statuses));
		assertThat(rows()).isEqualTo(rowsBefore);
		assertThat(workflowService.calls()).as("calls that reached workflow-service").hasSize(workflowCalls);
	}

	private long rows() {
		return this.db
			.sql("select (select count(*) from organizations) + (select count(*) from api_keys)"
					+ " + (select count(*) from phone_numbers) + (select count(*) from messages)"
					+ " + (select count(*) from idempotency_keys) + (select count(*) from received_events)"
					+ " + (select count(*) from scheduled_messages) + (select count(*) from media_objects)"
					+ " + (select count(*) from suppressions) + (select count(*) from suppression_audit)"
					+ " + (select count(*) from dead_letter_replays) as n")
			.map((row) -> row.get("n", Long.class))
			.one()
			.block(WAIT);
	}

	private String accepted(Tenant tenant, String idempotencyKey, String json) {
		Map<?, ?> accepted = this.client.post().uri("/v1/messages").headers((headers) -> {
			headers.setBearerAuth(tenant.apiKey());
			headers.set("Idempotency-Key", idempotencyKey);
		})
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (String) accepted.get("id");
	}

	/** A request sent exactly as written: the path is not normalized or re-encoded. */
	private WebTestClient.ResponseSpec call(HttpMethod method, String path, String bearer, String json) {
		return call(method, path, bearer, json, MediaType.APPLICATION_JSON_VALUE);
	}

	private WebTestClient.ResponseSpec call(HttpMethod method, String path, String bearer, String json,
			String contentType) {
		Consumer<HttpHeaders> headers = (h) -> {
			if (bearer != null) {
				h.setBearerAuth(bearer);
			}
		};
		WebTestClient.RequestBodySpec request = this.client.method(method)
			.uri(URI.create("http://localhost:" + this.port + path))
			.headers(headers);
		return (json != null) ? request.contentType(MediaType.parseMediaType(contentType)).bodyValue(json).exchange()
				: request.exchange();
	}

	/** Posts a structured-mode event; answers the platform's id of it. */
	private String postedEvent(Tenant tenant, String event, boolean duplicate) {
		Map<?, ?> answer = call(HttpMethod.POST, "/v1/events", tenant.apiKey(), event, "application/cloudevents+json")
			.expectStatus()
			.isAccepted()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Map<?, ?> accepted = (Map<?, ?>) ((List<?>) answer.get("events")).get(0);
		assertThat(accepted.get("duplicate")).isEqualTo(duplicate);
		return (String) accepted.get("id");
	}

	private static String businessEvent(String id, String extra) {
		return """
				{"specversion": "1.0", "id": "%s", "source": "/bookings", "type": "booking.confirmed",
				 "subject": "B-1", %s"data": {"bookingId": "B-1", "customerPhone": "+14155550123"}}""".formatted(id,
				(extra != null) ? extra : "");
	}

	record Route(HttpMethod method, String path, Audience audience) {
	}

	enum Audience {

		ADMIN, ORGANIZATION;

		/** No credential, and the other audience's credential. */
		List<String> wrongCredentials(String apiKey) {
			return Stream.of((String) null, (this == ADMIN) ? apiKey : GatewayFixtures.ADMIN_TOKEN).toList();
		}

	}

	/** The disguises WebFlux routing would see through. */
	enum Trick {

		SEMICOLON((path) -> path.replaceFirst("^/v1/", "/v1;/")),

		MATRIX_PARAMETER((path) -> path.replaceFirst("^/v1/", "/v1;x=1/")),

		ENCODED_SLASH((path) -> path.replaceFirst("^/v1/", "/v1%2F")),

		ENCODED_LETTER((path) -> "/v1/" + String.format("%%%02X", (int) path.charAt(4)) + path.substring(5)),

		ENCODED_DOT((path) -> path.replaceFirst("^/v1/", "/v1/%2e/")),

		DOT_DOT((path) -> path.replaceFirst("^/v1/", "/v1/x/%2e%2e/")),

		DOUBLE_SLASH((path) -> path.replaceFirst("^/v1/", "/v1//")),

		TRAILING_SLASH((path) -> path + "/"),

		UPPER_CASE((path) -> path.toUpperCase(java.util.Locale.ROOT)),

		MIXED_CASE((path) -> path.replaceFirst("^/v1/", "/V1/"));

		private final java.util.function.UnaryOperator<String> disguise;

		Trick(java.util.function.UnaryOperator<String> disguise) {
			this.disguise = disguise;
		}

		String apply(String path) {
			return this.disguise.apply(path);
		}

	}

}
