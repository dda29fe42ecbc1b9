package com.waplatform.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.event.Event;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.ErrorInfo;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.common.message.Priority;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.common.template.TemplateFixtures;
import com.waplatform.common.template.TemplateSnapshot;
import com.waplatform.gateway.GatewayFixtures.Tenant;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.support.kafka.EventPublisher;
import com.waplatform.support.templates.TemplateDirectory;
import com.waplatform.testsupport.Infrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway end to end within the module: the real HTTP server, Kafka broker and
 * PostgreSQL; organizations, numbers and keys are set up through the admin API.
 */
@SpringBootTest(classes = { GatewayApplication.class, GatewayApiTests.Recorder.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=gateway-service", "gateway.admin-token=" + GatewayFixtures.ADMIN_TOKEN,
				// free-form messages to customers who never wrote: the window is not what
				// these test
				"gateway.conversations.enforce-service-window=false",
				// a utility template's default time-to-live, told apart from the others'
				"gateway.messages.default-ttl.utility=12h" })
@AutoConfigureWebTestClient
@DirtiesContext
class GatewayApiTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private final WebTestClient client;

	private final EventPublisher publisher;

	private final Recorder recorder;

	private static FakeTemplateService templateService;

	private final AccountDirectory directory;

	private final TemplateDirectory templates;

	@Autowired
	GatewayApiTests(WebTestClient client, EventPublisher publisher, Recorder recorder, AccountDirectory directory,
			TemplateDirectory templates) {
		this.client = client.mutate().responseTimeout(WAIT).build();
		this.publisher = publisher;
		this.recorder = recorder;
		this.directory = directory;
		this.templates = templates;
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
		templateService = FakeTemplateService.start();
		registry.add("gateway.template-service-url", templateService::url);
	}

	@AfterAll
	static void stopTemplateService() {
		if (templateService != null) {
			templateService.stop();
		}
	}

	@Test
	void acceptedMessageIsPublishedToTheSenderAndReadableAsQueued() {
		Tenant tenant = tenant();
		String id = send(tenant, null, """
				{"to": "+44 7911 123456", "type": "text", "text": {"body": "Your booking is confirmed"},
				 "context": {"type": "booking", "id": "B-1"}, "ttl": "PT1H"}""");

		await().atMost(WAIT).until(() -> this.recorder.sendRequest(id) != null);
		ConsumerRecord<String, Event> record = this.recorder.sendRequest(id);
		SendRequest request = (SendRequest) record.value();
		assertThat(record.key()).isEqualTo(tenant.phoneNumberId());
		assertThat(request.organizationId()).isEqualTo(tenant.organizationId());
		assertThat(request.phoneNumberId()).isEqualTo(tenant.phoneNumberId());
		assertThat(request.recipient()).isEqualTo("+447911123456");
		assertThat(request.message().to()).isEqualTo("+447911123456");
		assertThat(request.message().text().body()).isEqualTo("Your booking is confirmed");
		assertThat(request.context()).isEqualTo(new SendRequest.BusinessContext("booking", "B-1"));
		assertThat(request.priority()).isEqualTo(Priority.TRANSACTIONAL);
		assertThat(request.source()).isEqualTo("api");
		assertThat(request.expiresAt()).isBetween(Instant.now().plusSeconds(3300), Instant.now().plusSeconds(3660));

		this.client.get()
			.uri("/v1/messages/{id}", id)
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(id)
			.jsonPath("$.status")
			.isEqualTo("queued")
			.jsonPath("$.to")
			.isEqualTo("+447911123456")
			.jsonPath("$.from")
			.isEqualTo(tenant.phoneNumberId())
			.jsonPath("$.type")
			.isEqualTo("text")
			.jsonPath("$.context.type")
			.isEqualTo("booking")
			.jsonPath("$.context.id")
			.isEqualTo("B-1")
			.jsonPath("$.history[0].status")
			.isEqualTo("queued")
			.jsonPath("$.error")
			.doesNotExist();
	}

	@Test
	void idempotencyKeyReturnsTheSameMessageOnceAndRefusesAnotherBody() {
		Tenant tenant = tenant();
		publishTemplates(tenant, TemplateFixtures.bookingConfirmed());
		String key = UUID.randomUUID().toString();
		String first = send(tenant, key, """
				{"to": "+14155550123", "type": "template",
				 "template": {"name": "booking_confirmed", "language": "en_US",
				              "parameters": {"first_name": "Ann", "booking_id": "B-1"}}}""");
		String retry = send(tenant, key, """
				{"type": "template", "to": "+14155550123",
				 "template": {"parameters": {"booking_id": "B-1", "first_name": "Ann"},
				              "language": "en_US", "name": "booking_confirmed"}}""");
		assertThat(retry).isEqualTo(first);

		this.client.post()
			.uri("/v1/messages")
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"to\": \"+14155550123\", \"type\": \"text\", \"text\": {\"body\": \"other\"}}")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:waplatform:problem:idempotency-key-reused")
			.jsonPath("$.status")
			.isEqualTo(409);

		await().atMost(WAIT).until(() -> this.recorder.sendRequest(first) != null);
		SendRequest request = (SendRequest) this.recorder.sendRequest(first).value();
		// no ttl asked: the default of its category (UTILITY, 12 hours here)
		assertThat(request.expiresAt()).isBetween(Instant.now().plus(Duration.ofHours(11)),
				Instant.now().plus(Duration.ofHours(12)));
		assertThat(request.message().template().components()).singleElement()
			.satisfies((component) -> assertThat(component.parameters()).containsExactly(
					MetaMessage.Parameter.namedText("first_name", "Ann"),
					MetaMessage.Parameter.namedText("booking_id", "B-1")));
		await().during(Duration.ofSeconds(2))
			.atMost(WAIT)
			.until(() -> this.recorder.sendRequestsOf(tenant.organizationId()).size() == 1);
	}

	@Test
	void statusesOnlyMoveForward() {
		Tenant tenant = tenant();
		String id = send(tenant, null, "{\"to\": \"+14155550123\", \"type\": \"text\", \"text\": {\"body\": \"Hi\"}}");
		Instant t0 = Instant.now();
		publish(status(tenant, id, MessageStatus.ACCEPTED, t0.plusSeconds(1), "wamid.A1", null));
		publish(status(tenant, id, MessageStatus.DELIVERED, t0.plusSeconds(3), null, null));
		// Meta's sent webhook arrives after delivered, though it happened before
		publish(status(tenant, id, MessageStatus.SENT, t0.plusSeconds(2), null, null));

		await().atMost(WAIT).untilAsserted(() -> assertThat(historyOf(tenant, id)).contains("sent"));
		Map<?, ?> message = message(tenant, id);
		assertThat(message.get("status")).isEqualTo("delivered");
		assertThat(message.get("wamid")).isEqualTo("wamid.A1");
		assertThat(historyOf(tenant, id)).containsExactly("queued", "accepted", "sent", "delivered");

		publish(status(tenant, id, MessageStatus.READ, t0.plusSeconds(4), null, null));
		publish(status(tenant, id, MessageStatus.FAILED, t0.plusSeconds(5), null,
				ErrorInfo.of(131026, "Message undeliverable", "x")));
		await().atMost(WAIT).untilAsserted(() -> assertThat(historyOf(tenant, id)).contains("failed"));
		assertThat(message(tenant, id).get("status")).isEqualTo("read");

		// Meta reports delivered and failed of one message in either order: the receipt
		// from the customer's device outranks the failure, whichever arrives first
		String deliveredFirst = send(tenant, null,
				"{\"to\": \"+14155550123\", \"type\": \"text\", \"text\": {\"body\": \"Hi\"}}");
		publish(status(tenant, deliveredFirst, MessageStatus.DELIVERED, t0.plusSeconds(1), "wamid.B1", null));
		publish(status(tenant, deliveredFirst, MessageStatus.FAILED, t0.plusSeconds(2), null,
				ErrorInfo.of(131047, "Re-engagement message", "More than 24 hours have passed")));
		await().atMost(WAIT).untilAsserted(() -> assertThat(historyOf(tenant, deliveredFirst)).contains("failed"));
		assertThat(message(tenant, deliveredFirst).get("status")).isEqualTo("delivered");
		assertThat(message(tenant, deliveredFirst).get("error")).isNull();

		String failedFirst = send(tenant, null,
				"{\"to\": \"+14155550123\", \"type\": \"text\", \"text\": {\"body\": \"Hi\"}}");
		publish(status(tenant, failedFirst, MessageStatus.FAILED, t0.plusSeconds(2), "wamid.B2",
				ErrorInfo.of(131026, "Message undeliverable", "x")));
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(message(tenant, failedFirst).get("status")).isEqualTo("failed"));
		assertThat(message(tenant, failedFirst).get("error"))
			.isEqualTo(Map.of("code", 131026, "title", "Message undeliverable", "details", "x"));
		publish(status(tenant, failedFirst, MessageStatus.DELIVERED, t0.plusSeconds(1), null, null));
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(message(tenant, failedFirst).get("status")).isEqualTo("delivered"));
		assertThat(message(tenant, failedFirst).get("error")).isNull();
		assertThat(historyOf(tenant, failedFirst)).containsExactly("queued", "failed", "delivered");
	}

	@Test
	void statusBeforeItsSendRequestCreatesTheMessageWhichTheRequestCompletes(@Autowired DatabaseClient db) {
		Tenant tenant = tenant();
		String id = UUID.randomUUID().toString();
		publish(status(tenant, id, MessageStatus.ACCEPTED, Instant.now(), "wamid.C1", null));
		// recorded, but not shown until its send request arrives: it may be a message we
		// never sent
		await().atMost(WAIT).until(() -> historySize(db, id) == 1);
		assertNotShown(tenant, id);

		SendRequest fromWorkflow = SendRequest.of(tenant.organizationId(), id, tenant.phoneNumberId(), "+14155550123",
				MetaMessage.text("+14155550123", "Reminder"), new SendRequest.BusinessContext("booking", "B-9"),
				Priority.TRANSACTIONAL, null, "workflow");
		this.publisher.publish(Topics.SEND_REQUESTS, fromWorkflow).block(WAIT);
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(message(tenant, id)).containsEntry("to", "+14155550123")
				.containsEntry("from", tenant.phoneNumberId())
				.containsEntry("type", "text")
				.containsEntry("status", "accepted"));
		assertThat(historyOf(tenant, id)).containsExactly("queued", "accepted");

		Tenant stranger = tenant();
		this.client.get()
			.uri("/v1/messages/{id}", id)
			.headers((headers) -> headers.setBearerAuth(stranger.apiKey()))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.client.get()
			.uri("/v1/messages?contextType=booking&contextId=B-9")
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.messages.length()")
			.isEqualTo(1)
			.jsonPath("$.messages[0].id")
			.isEqualTo(id);
	}

	@Test
	void aMessageHeldByAWorkflowRuleIsListedScheduledThenQueuedOrCancelled() {
		Tenant tenant = tenant();
		Instant due = Instant.now()
			.plus(java.time.Duration.ofDays(2))
			.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		String released = UUID.randomUUID().toString();
		String cancelled = UUID.randomUUID().toString();
		for (String id : List.of(released, cancelled)) {
			SendRequest held = new SendRequest(UUID.randomUUID(), Instant.now(), tenant.organizationId(), id,
					tenant.phoneNumberId(), "+14155550123", MetaMessage.text("+14155550123", "Reminder"),
					new SendRequest.BusinessContext("booking", "B-held"), Priority.TRANSACTIONAL, null, due,
					"workflow");
			this.publisher.publish(Topics.SCHEDULED_MESSAGES, held).block(WAIT);
		}
		// the two records may be on different partitions: wait for both, not only the
		// first
		for (String id : List.of(released, cancelled)) {
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(message(tenant, id)).containsEntry("status", "scheduled")
					.containsEntry("scheduledFor", due.toString()));
		}
		this.client.get()
			.uri("/v1/messages?status=scheduled&contextId=B-held")
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.messages.length()")
			.isEqualTo(2);

		// due: the workflow service publishes its send request
		this.publisher
			.publish(Topics.SEND_REQUESTS, SendRequest.of(tenant.organizationId(), released, tenant.phoneNumberId(),
					"+14155550123", MetaMessage.text("+14155550123", "Reminder"),
					new SendRequest.BusinessContext("booking", "B-held"), Priority.TRANSACTIONAL, null, "workflow"))
			.block(WAIT);
		// cancelled by a later event: a status event
		publish(status(tenant, cancelled, MessageStatus.CANCELLED, Instant.now(), null, null));
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(message(tenant, released)).containsEntry("status", "queued"));
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(message(tenant, cancelled)).containsEntry("status", "cancelled"));
		assertThat(historyOf(tenant, released)).containsExactly("scheduled", "queued");
		assertThat(historyOf(tenant, cancelled)).containsExactly("scheduled", "cancelled");
	}

	@Test
	void badInputIsAProblemNeverA5xx() {
		Tenant tenant = tenant();
		problem(post(tenant, "{\"to\": \"+14155550123\", \"type\": ").exchange(), HttpStatus.BAD_REQUEST)
			.jsonPath("$.type")
			.isEqualTo("urn:waplatform:problem:malformed-request");
		problem(post(tenant, "{\"to\": {}, \"type\": \"text\", \"text\": {\"body\": \"x\"}}").exchange(),
				HttpStatus.BAD_REQUEST)
			.jsonPath("$.errors[0].field")
			.isEqualTo("to");
		problem(post(tenant, "{\"to\": \"+14155550123\", \"type\": \"text\", \"text\": 5}").exchange(),
				HttpStatus.BAD_REQUEST)
			.jsonPath("$.errors[0].field")
			.isEqualTo("text");
		problem(post(tenant, "{\"to\": \"+1 555 0\", \"type\": \"text\", \"text\": {\"body\": \"x\"}}").exchange(),
				HttpStatus.UNPROCESSABLE_CONTENT)
			.jsonPath("$.errors[0].field")
			.isEqualTo("to")
			.jsonPath("$.errors[0].message")
			.value((message) -> assertThat((String) message).contains("phone number"));
		problem(post(tenant,
				"{\"to\": \"+14155550123\", \"type\": \"text\", \"text\": {\"body\": \"x\"}, \"from\": \"999\"}")
			.exchange(), HttpStatus.UNPROCESSABLE_CONTENT).jsonPath("$.errors[0].field").isEqualTo("from");
		Tenant stranger = tenant();
		problem(post(tenant,
				"{\"to\": \"+14155550123\", \"type\": \"text\", \"text\": {\"body\": \"x\"}, \"from\": \""
						+ stranger.phoneNumberId() + "\"}")
			.exchange(), HttpStatus.UNPROCESSABLE_CONTENT).jsonPath("$.errors[0].field").isEqualTo("from");
		// a route nobody configured is refused (default deny), with a problem all the
		// same
		problem(this.client.get()
			.uri("/v1/nothing-here")
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.exchange(), HttpStatus.FORBIDDEN);
		String huge = "{\"to\": \"+14155550123\", \"type\": \"text\", \"text\": {\"body\": \""
				+ "x".repeat(2 * 1024 * 1024) + "\"}}";
		problem(post(tenant, huge).exchange(), HttpStatus.CONTENT_TOO_LARGE);
		problem(this.client.post()
			.uri("/v1/messages")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange(), HttpStatus.UNAUTHORIZED);
		problem(this.client.get()
			.uri("/v1/messages/{id}", UUID.randomUUID())
			.headers((headers) -> headers.setBearerAuth("wak_" + "A".repeat(43)))
			.exchange(), HttpStatus.UNAUTHORIZED);
		problem(this.client.get()
			.uri("/v1/messages/{id}", UUID.randomUUID())
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.exchange(), HttpStatus.NOT_FOUND);
		problem(this.client.get()
			.uri("/v1/messages?status=lost")
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.exchange(), HttpStatus.UNPROCESSABLE_CONTENT);
	}

	@Test
	void adminApiNeedsTheAdminTokenAndNeverShowsSecrets() {
		problem(this.client.post()
			.uri("/v1/admin/organizations")
			.headers((headers) -> headers.setBearerAuth("wrong"))
			.bodyValue(Map.of("name", "X", "appSecret", "s"))
			.exchange(), HttpStatus.UNAUTHORIZED);
		problem(this.client.post()
			.uri("/v1/admin/organizations")
			.headers((headers) -> headers.setBearerAuth(GatewayFixtures.ADMIN_TOKEN))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\": \"\", \"appSecret\": \"s\"}")
			.exchange(), HttpStatus.UNPROCESSABLE_CONTENT).jsonPath("$.errors[0].field").isEqualTo("name");
		problem(this.client.post()
			.uri("/v1/admin/organizations")
			.headers((headers) -> headers.setBearerAuth(GatewayFixtures.ADMIN_TOKEN))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\": {}, \"appSecret\": \"s\"}")
			.exchange(), HttpStatus.BAD_REQUEST).jsonPath("$.errors[0].field").isEqualTo("name");
		Tenant tenant = tenant();
		String body = this.client.get()
			.uri("/v1/admin/organizations/{id}", tenant.organizationId())
			.headers((headers) -> headers.setBearerAuth(GatewayFixtures.ADMIN_TOKEN))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains(tenant.phoneNumberId(), "\"default\":true")
			.doesNotContain("EAAG-secret-token", "accessToken", tenant.apiKey(), "appSecret");
		await().atMost(WAIT).until(() -> this.recorder.accounts(tenant.phoneNumberId()) != null);
		ConsumerRecord<String, Event> announced = this.recorder.accounts(tenant.phoneNumberId());
		PhoneNumberConfigured configured = (PhoneNumberConfigured) announced.value();
		assertThat(announced.key()).isEqualTo(tenant.phoneNumberId());
		assertThat(configured.organizationId()).isEqualTo(tenant.organizationId());
		assertThat(configured.wabaId()).isEqualTo(tenant.wabaId());
		assertThat(configured.defaultNumber()).isTrue();
		assertThat(configured.accessTokenSealed()).doesNotContain("EAAG-secret-token");
		assertThat(this.directory.accessToken(configured)).isEqualTo("EAAG-secret-token");

		Tenant other = tenant();
		problem(this.client.post()
			.uri("/v1/admin/organizations/{id}/phone-numbers", other.organizationId())
			.headers((headers) -> headers.setBearerAuth(GatewayFixtures.ADMIN_TOKEN))
			.bodyValue(Map.of("phoneNumberId", tenant.phoneNumberId(), "wabaId", "1", "displayPhoneNumber", "+1555",
					"accessToken", "stolen"))
			.exchange(), HttpStatus.CONFLICT);
		this.client.post()
			.uri("/v1/admin/organizations/{id}/phone-numbers", tenant.organizationId())
			.headers((headers) -> headers.setBearerAuth(GatewayFixtures.ADMIN_TOKEN))
			.bodyValue(Map.of("phoneNumberId", tenant.phoneNumberId(), "wabaId", tenant.wabaId(), "displayPhoneNumber",
					"+15550783881", "accessToken", "EAAG-rotated", "default", true))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.throughputPerSecond")
			.isEqualTo(80)
			.jsonPath("$.accessToken")
			.doesNotExist();
		assertThat(this.directory.accessToken(this.directory.phoneNumber(tenant.phoneNumberId()).orElseThrow()))
			.isEqualTo("EAAG-rotated");
		problem(this.client.get()
			.uri("/v1/admin/organizations/org_missing")
			.headers((headers) -> headers.setBearerAuth(GatewayFixtures.ADMIN_TOKEN))
			.exchange(), HttpStatus.NOT_FOUND);
	}

	@Test
	void metricsAreOnTheManagementPortAndProbesOnBoth(@LocalManagementPort int managementPort) {
		Tenant tenant = tenant();
		send(tenant, null, "{\"to\": \"+14155550123\", \"type\": \"text\", \"text\": {\"body\": \"Hi\"}}");
		this.client.get().uri("/readyz").exchange().expectStatus().isOk();
		this.client.get().uri("/livez").exchange().expectStatus().isOk();
		this.client.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
		// every test tenant's numbers have their health gauges: the page outgrows the
		// default 256 KB buffer
		WebTestClient management = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + managementPort)
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
			.build();
		management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
		String metrics = management.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(metrics)
			.containsPattern(
					"gateway_messages_requests_total\\{[^}]*application=\"gateway-service\"[^}]*organization=\""
							+ tenant.organizationId() + "\"[^}]*outcome=\"accepted\"")
			.contains("http_server_requests_seconds_count{");
	}

	@Test
	void statusesOfAMessageNeverRequestedAreNeitherListedNorFound(@Autowired DatabaseClient db) {
		Tenant tenant = tenant();
		String sent = send(tenant, null,
				"{\"to\": \"+14155550123\", \"type\": \"text\", \"text\": {\"body\": \"Hi\"}}");
		String phantom = UUID.randomUUID().toString();
		Instant t0 = Instant.now();
		publish(status(tenant, phantom, MessageStatus.SENT, t0, "wamid.P1", null));
		publish(status(tenant, phantom, MessageStatus.DELIVERED, t0.plusSeconds(1), null, null));
		await().atMost(WAIT).until(() -> historySize(db, phantom) == 2);

		assertNotShown(tenant, phantom);
		assertThat(ids(tenant, "/v1/messages")).containsExactly(sent);
		assertThat(ids(tenant, "/v1/messages?status=delivered")).isEmpty();
	}

	/** Neither found by id (404) nor listed. */
	private void assertNotShown(Tenant tenant, String id) {
		problem(this.client.get()
			.uri("/v1/messages/{id}", id)
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.exchange(), HttpStatus.NOT_FOUND);
		assertThat(ids(tenant, "/v1/messages?limit=100")).doesNotContain(id);
	}

	private List<Object> ids(Tenant tenant, String uri) {
		Map<String, Object> page = this.client.get()
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON_OBJECT)
			.returnResult()
			.getResponseBody();
		return ((List<?>) page.get("messages")).stream()
			.map((message) -> ((Map<?, ?>) message).get("id"))
			.map(Object.class::cast)
			.toList();
	}

	/** Statuses the read model recorded for a message, shown or not. */
	private static long historySize(DatabaseClient db, String id) {
		return db.sql("select count(*) as n from message_history where message_id = :id")
			.bind("id", id)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block(WAIT);
	}

	/**
	 * Publishes the templates of the tenant's account and waits until the gateway has
	 * them.
	 */
	private void publishTemplates(Tenant tenant, MessageTemplate... templates) {
		for (MessageTemplate template : templates) {
			this.publisher.publish(Topics.TEMPLATE_SYNC, TemplateSnapshot.of(tenant.organizationId(), tenant.wabaId(),
					template, "v-" + template.status() + "-" + UUID.randomUUID()))
				.block(WAIT);
		}
		await().atMost(WAIT)
			.until(() -> Stream.of(templates)
				.allMatch((template) -> this.templates.snapshot(tenant.wabaId(), template.name(), template.language())
					.filter((snapshot) -> snapshot.template().equals(template))
					.isPresent()));
	}

	private Tenant tenant() {
		return GatewayFixtures.aTenantWithADefaultNumber(this.client, "app-secret-" + UUID.randomUUID());
	}

	private WebTestClient.RequestHeadersSpec<?> post(Tenant tenant, String json) {
		return this.client.post()
			.uri("/v1/messages")
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json);
	}

	private String send(Tenant tenant, String idempotencyKey, String json) {
		Map<String, Object> accepted = post(tenant, json).headers((headers) -> {
			if (idempotencyKey != null) {
				headers.set("Idempotency-Key", idempotencyKey);
			}
		}).exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
		assertThat(accepted).containsEntry("status", "queued");
		return (String) accepted.get("id");
	}

	private static WebTestClient.BodyContentSpec problem(WebTestClient.ResponseSpec response, HttpStatus status) {
		return response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.value((type) -> assertThat((String) type).startsWith("urn:waplatform:problem:"))
			.jsonPath("$.title")
			.isNotEmpty()
			.jsonPath("$.status")
			.isEqualTo(status.value())
			.jsonPath("$.detail")
			.isNotEmpty();
	}

	private Map<String, Object> message(Tenant tenant, String id) {
		return this.client.get()
			.uri("/v1/messages/{id}", id)
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON_OBJECT)
			.returnResult()
			.getResponseBody();
	}

	private List<Object> historyOf(Tenant tenant, String id) {
		return ((List<?>) message(tenant, id).get("history")).stream()
			.map((entry) -> ((Map<?, ?>) entry).get("status"))
			.map(Object.class::cast)
			.toList();
	}

	private void publish(StatusEvent event) {
		this.publisher.publish(Topics.STATUS_EVENTS, event).block(WAIT);
	}

	private static StatusEvent status(Tenant tenant, String messageId, MessageStatus status, Instant at, String wamid,
			ErrorInfo error) {
		return StatusEvent.of(tenant.organizationId(), messageId, status, at, tenant.phoneNumberId(), "+14155550123",
				wamid, error);
	}

	/**
	 * Template sends, preview, listing, sync and creation: snapshots reach the gateway
	 * through {@code wa.template-sync}; template-service is a fake on a real port.
	 */
	@Nested
	class Templates {

		@Test
		void validTemplateSendIsAcceptedWithExpandedComponents() {
			Tenant tenant = tenant();
			publishTemplates(tenant, TemplateFixtures.bookingReminder(), TemplateFixtures.tourTicket());
			String id = send(tenant, null, """
					{"to": "+14155550123", "type": "template",
					 "template": {"name": "booking_reminder", "language": "en_US",
					              "parameters": ["Ann", "Old Town Walk", "12 May", "10:00"]}}""");
			await().atMost(WAIT).until(() -> GatewayApiTests.this.recorder.sendRequest(id) != null);
			MetaMessage.Template sent = ((SendRequest) GatewayApiTests.this.recorder.sendRequest(id).value()).message()
				.template();
			assertThat(sent.language().code()).isEqualTo("en_US");
			assertThat(sent.components()).containsExactly(new MetaMessage.Component("body", null, null,
					List.of(MetaMessage.Parameter.text("Ann"), MetaMessage.Parameter.text("Old Town Walk"),
							MetaMessage.Parameter.text("12 May"), MetaMessage.Parameter.text("10:00"))));

			String ticket = send(tenant, null,
					"""
							{"to": "+14155550123", "type": "template",
							 "template": {"name": "tour_ticket", "language": "en_US", "parameters": ["Ann", "Old Town Walk"],
							  "components": [
							   {"type": "header", "parameters": [{"type": "image", "image": {"link": "https://cdn.example.com/t.jpg"}}]},
							   {"type": "button", "sub_type": "url", "index": "0", "parameters": [{"type": "text", "text": "B-1"}]}]}}""");
			await().atMost(WAIT).until(() -> GatewayApiTests.this.recorder.sendRequest(ticket) != null);
			assertThat(((SendRequest) GatewayApiTests.this.recorder.sendRequest(ticket).value()).message()
				.template()
				.components()).extracting(MetaMessage.Component::type).containsExactly("body", "header", "button");
		}

		@Test
		void wrongParameterCountIsA422NamingTheParameterAndNothingIsPublished() {
			Tenant tenant = tenant();
			publishTemplates(tenant, TemplateFixtures.bookingReminder());
			problem(post(tenant,
					"""
							{"to": "+14155550123", "type": "template",
							 "template": {"name": "booking_reminder", "language": "en_US", "parameters": ["Ann", "Old Town Walk", "12 May"]}}""")
				.exchange(), HttpStatus.UNPROCESSABLE_CONTENT).jsonPath("$.type")
				.isEqualTo("urn:waplatform:problem:invalid-template-message")
				.jsonPath("$.errors.length()")
				.isEqualTo(1)
				.jsonPath("$.errors[0].field")
				.isEqualTo("template.components[body].parameters[3]")
				.jsonPath("$.errors[0].code")
				.isEqualTo("parameter-missing")
				.jsonPath("$.errors[0].metaErrorCode")
				.isEqualTo(132000)
				.jsonPath("$.errors[0].message")
				.value((message) -> assertThat((String) message).contains("{{4}}"));
			String valid = send(tenant, null, """
					{"to": "+14155550123", "type": "template",
					 "template": {"name": "booking_reminder", "language": "en_US",
					              "parameters": ["Ann", "Old Town Walk", "12 May", "10:00"]}}""");
			// same key, same partition: had the refused message been published it would
			// be seen first
			await().atMost(WAIT).until(() -> GatewayApiTests.this.recorder.sendRequest(valid) != null);
			assertThat(GatewayApiTests.this.recorder.sendRequestsOf(tenant.organizationId()))
				.extracting(SendRequest::messageId)
				.containsExactly(valid);
		}

		@Test
		void pausedTemplateIsRefusedWithMetasCode() {
			Tenant tenant = tenant();
			publishTemplates(tenant, TemplateFixtures.withStatus(TemplateFixtures.bookingConfirmed(), "PAUSED",
					"Paused for low quality"));
			problem(post(tenant, """
					{"to": "+14155550123", "type": "template",
					 "template": {"name": "booking_confirmed", "language": "en_US",
					              "parameters": {"first_name": "Ann", "booking_id": "B-1"}}}""").exchange(),
					HttpStatus.UNPROCESSABLE_CONTENT)
				.jsonPath("$.errors[0].code")
				.isEqualTo("template-paused")
				.jsonPath("$.errors[0].metaErrorCode")
				.isEqualTo(132015);
		}

		@Test
		void anotherLanguageOnlyThroughTheOrganizationsFallback() {
			Tenant tenant = tenant();
			publishTemplates(tenant, TemplateFixtures.bookingConfirmed());
			String request = """
					{"to": "+14155550123", "type": "template",
					 "template": {"name": "booking_confirmed", "language": "en",
					              "parameters": {"first_name": "Ann", "booking_id": "B-1"}}}""";
			problem(post(tenant, request).exchange(), HttpStatus.UNPROCESSABLE_CONTENT).jsonPath("$.errors[0].field")
				.isEqualTo("template.language.code")
				.jsonPath("$.errors[0].metaErrorCode")
				.isEqualTo(132001)
				.jsonPath("$.errors[0].message")
				.value((message) -> assertThat((String) message).contains("available languages: en_US"));

			GatewayApiTests.this.client.patch()
				.uri("/v1/admin/organizations/{id}", tenant.organizationId())
				.headers((headers) -> headers.setBearerAuth(GatewayFixtures.ADMIN_TOKEN))
				.bodyValue(Map.of("languageFallbacks", Map.of("en", "en_US")))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.languageFallbacks.en")
				.isEqualTo("en_US");
			Map<String, Object> accepted = post(tenant, request).exchange()
				.expectStatus()
				.isAccepted()
				.expectBody(JSON_OBJECT)
				.returnResult()
				.getResponseBody();
			assertThat(accepted).containsEntry("status", "queued")
				.containsEntry("language", "en_US")
				.containsEntry("languageFallback", "en→en_US");
			String id = (String) accepted.get("id");
			await().atMost(WAIT).until(() -> GatewayApiTests.this.recorder.sendRequest(id) != null);
			assertThat(((SendRequest) GatewayApiTests.this.recorder.sendRequest(id).value()).message()
				.template()
				.language()
				.code()).isEqualTo("en_US");

			problem(GatewayApiTests.this.client.patch()
				.uri("/v1/admin/organizations/{id}", tenant.organizationId())
				.headers((headers) -> headers.setBearerAuth(GatewayFixtures.ADMIN_TOKEN))
				.bodyValue(Map.of("languageFallbacks", Map.of("en", "en")))
				.exchange(), HttpStatus.UNPROCESSABLE_CONTENT).jsonPath("$.errors[0].field")
				.isEqualTo("languageFallbacks.en");
		}

		@Test
		void beforeTheAccountsTemplatesArriveTheAnswerIsRetryLater() {
			Tenant tenant = tenant();
			post(tenant,
					"""
							{"to": "+14155550123", "type": "template", "template": {"name": "booking_reminder", "language": "en_US"}}""")
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
				.expectHeader()
				.valueEquals("Retry-After", "5")
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:waplatform:problem:templates-not-synced");
		}

		@Test
		void previewRendersTheMessageAsTheCustomerSeesItOrRefusesLikeASend() {
			Tenant tenant = tenant();
			publishTemplates(tenant, TemplateFixtures.tourTicket(), TemplateFixtures.bookingReminder());
			GatewayApiTests.this.client.post()
				.uri("/v1/templates/tour_ticket/preview?language=en_US&from={from}", tenant.phoneNumberId())
				.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(
						"""
								{"parameters": ["Ann", "Old Town Walk"], "components": [
								 {"type": "header", "parameters": [{"type": "image", "image": {"link": "https://cdn.example.com/t.jpg"}}]},
								 {"type": "button", "sub_type": "url", "index": "0", "parameters": [{"type": "text", "text": "B-1"}]}]}""")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.name")
				.isEqualTo("tour_ticket")
				.jsonPath("$.language")
				.isEqualTo("en_US")
				.jsonPath("$.header.type")
				.isEqualTo("IMAGE")
				.jsonPath("$.header.mediaLink")
				.isEqualTo("https://cdn.example.com/t.jpg")
				.jsonPath("$.body")
				.isEqualTo("Hi Ann, here is your ticket for Old Town Walk.")
				.jsonPath("$.footer")
				.isEqualTo("Show this ticket to your guide")
				.jsonPath("$.buttons[0].type")
				.isEqualTo("URL")
				.jsonPath("$.buttons[0].text")
				.isEqualTo("View booking")
				.jsonPath("$.buttons[0].url")
				.isEqualTo("https://tours.example.com/bookings/B-1");
			GatewayApiTests.this.client.post()
				.uri("/v1/templates/booking_reminder/preview?language=en_US")
				.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"parameters\": [\"Ann\", \"Old Town Walk\", \"12 May\", \"10:00\"]}")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.header.text")
				.isEqualTo("Booking reminder")
				.jsonPath("$.body")
				.isEqualTo("Hi Ann, your tour Old Town Walk starts on 12 May at 10:00. Please arrive 15 minutes early.")
				.jsonPath("$.buttons.length()")
				.isEqualTo(2);
			problem(GatewayApiTests.this.client.post()
				.uri("/v1/templates/booking_reminder/preview?language=en_US")
				.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"parameters\": [\"Ann\"]}")
				.exchange(), HttpStatus.UNPROCESSABLE_CONTENT).jsonPath("$.type")
				.isEqualTo("urn:waplatform:problem:invalid-template-message")
				.jsonPath("$.errors[*].field")
				.value((fields) -> assertThat((List<Object>) fields).contains("template.components[body].parameters[1]",
						"template.components[body].parameters[3]"));
		}

		@Test
		void listsAndFindsTheOrganizationsTemplates() {
			Tenant tenant = tenant();
			publishTemplates(tenant, TemplateFixtures.bookingReminder(),
					TemplateFixtures.renamed(TemplateFixtures.bookingReminder(), "booking_reminder", "de"),
					TemplateFixtures.tourTicket(), TemplateFixtures.withStatus(TemplateFixtures.bookingConfirmed(),
							"PAUSED", "Paused for low quality"));
			Map<String, Object> first = list(tenant, "limit=2");
			assertThat(names(first)).containsExactly("booking_confirmed/en_US", "booking_reminder/de");
			Map<String, Object> second = list(tenant, "limit=2&cursor=" + first.get("nextCursor"));
			assertThat(names(second)).containsExactly("booking_reminder/en_US", "tour_ticket/en_US");
			assertThat(second).doesNotContainKey("nextCursor");
			assertThat(names(list(tenant, "status=paused"))).containsExactly("booking_confirmed/en_US");
			assertThat(names(list(tenant, "q=remind&language=de"))).containsExactly("booking_reminder/de");
			assertThat(names(list(tenant, "category=MARKETING"))).isEmpty();
			problem(GatewayApiTests.this.client.get()
				.uri("/v1/templates?cursor=bogus")
				.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
				.exchange(), HttpStatus.UNPROCESSABLE_CONTENT).jsonPath("$.errors[0].field").isEqualTo("cursor");

			GatewayApiTests.this.client.get()
				.uri("/v1/templates/booking_confirmed")
				.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.name")
				.isEqualTo("booking_confirmed")
				.jsonPath("$.languages[0].language")
				.isEqualTo("en_US")
				.jsonPath("$.languages[0].wabaId")
				.isEqualTo(tenant.wabaId())
				.jsonPath("$.languages[0].status")
				.isEqualTo("PAUSED")
				.jsonPath("$.languages[0].statusReason")
				.isEqualTo("Paused for low quality")
				.jsonPath("$.languages[0].parameterFormat")
				.isEqualTo("NAMED")
				.jsonPath("$.languages[0].components[0].type")
				.isEqualTo("BODY")
				.jsonPath("$.languages[0].declaredParameters.components[0].parameters")
				.isEqualTo(List.of("first_name", "booking_id"));
			GatewayApiTests.this.client.get()
				.uri("/v1/templates/booking_reminder")
				.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.languages[*].language")
				.isEqualTo(List.of("de", "en_US"));
			problem(GatewayApiTests.this.client.get()
				.uri("/v1/templates/no_such_template")
				.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
				.exchange(), HttpStatus.NOT_FOUND);
			Tenant stranger = tenant();
			assertThat(names(list(stranger, "limit=100"))).isEmpty();
			problem(GatewayApiTests.this.client.get()
				.uri("/v1/templates/booking_confirmed")
				.headers((headers) -> headers.setBearerAuth(stranger.apiKey()))
				.exchange(), HttpStatus.NOT_FOUND);
		}

		@Test
		void syncAndCreationAreProxiedToTemplateService() {
			Tenant tenant = tenant();
			GatewayApiTests.this.client.post()
				.uri("/v1/templates/sync")
				.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.reports.length()")
				.isEqualTo(1)
				.jsonPath("$.reports[0].wabaId")
				.isEqualTo(tenant.wabaId())
				.jsonPath("$.reports[0].changed")
				.isEqualTo(1)
				.jsonPath("$.failures.length()")
				.isEqualTo(0);
			assertThat(templateService.requests())
				.anyMatch((request) -> request.path().equals("/internal/templates/sync")
						&& ("wabaId=" + tenant.wabaId()).equals(request.query()));

			Map<String, Object> template = Map.of("name", "tour_feedback", "language", "en_US", "category", "UTILITY",
					"components", List.of(Map.of("type", "BODY", "text", "How was your tour, {{1}}?", "example",
							Map.of("body_text", List.of(List.of("Ann"))))));
			GatewayApiTests.this.client.post()
				.uri("/v1/templates")
				.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
				.bodyValue(template)
				.exchange()
				.expectStatus()
				.isCreated()
				.expectHeader()
				.location("/v1/templates/tour_feedback")
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("PENDING")
				.jsonPath("$.wabaId")
				.isEqualTo(tenant.wabaId())
				.jsonPath("$.organizationId")
				.isEqualTo(tenant.organizationId());
			FakeTemplateService.Request forwarded = templateService.requests()
				.stream()
				.filter((request) -> request.path().equals("/internal/templates")
						&& request.body().contains(tenant.organizationId()))
				.findFirst()
				.orElseThrow();
			assertThat(forwarded.body()).contains("\"wabaId\":\"" + tenant.wabaId() + "\"", "How was your tour");

			Tenant stranger = tenant();
			problem(createTemplate(tenant, Map.of("wabaId", stranger.wabaId(), "name", "x", "language", "en_US")),
					HttpStatus.UNPROCESSABLE_CONTENT)
				.jsonPath("$.errors[0].field")
				.isEqualTo("wabaId");
			problem(createTemplate(tenant, Map.of("name", "Tour_Feedback", "language", "en_US")),
					HttpStatus.UNPROCESSABLE_CONTENT)
				.jsonPath("$.type")
				.isEqualTo("urn:waplatform:problem:invalid-template")
				.jsonPath("$.violations[0].field")
				.isEqualTo("name");
			createTemplate(tenant, Map.of("name", "throttled_now", "language", "en_US")).expectStatus()
				.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
				.expectHeader()
				.valueEquals("Retry-After", "60");
			problem(createTemplate(tenant, Map.of("name", "meta_down", "language", "en_US")), HttpStatus.BAD_GATEWAY)
				.jsonPath("$.metaCode")
				.isEqualTo(190);
		}

		private WebTestClient.ResponseSpec createTemplate(Tenant tenant, Map<String, Object> template) {
			return GatewayApiTests.this.client.post()
				.uri("/v1/templates")
				.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
				.bodyValue(template)
				.exchange();
		}

		private Map<String, Object> list(Tenant tenant, String query) {
			return GatewayApiTests.this.client.get()
				.uri("/v1/templates?" + query)
				.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(JSON_OBJECT)
				.returnResult()
				.getResponseBody();
		}

		private static List<String> names(Map<String, Object> page) {
			return ((List<?>) page.get("templates")).stream()
				.map((entry) -> ((Map<?, ?>) entry).get("name") + "/" + ((Map<?, ?>) entry).get("language"))
				.toList();
		}

	}

	/** Records what the gateway publishes for the sender. */
	static class Recorder {

		private final List<ConsumerRecord<String, Event>> sendRequests = new CopyOnWriteArrayList<>();

		private final List<ConsumerRecord<String, Event>> accounts = new CopyOnWriteArrayList<>();

		@KafkaListener(topics = "wa.accounts", groupId = "gateway-api-tests")
		void onAccount(ConsumerRecord<String, Event> record) {
			this.accounts.add(record);
		}

		ConsumerRecord<String, Event> accounts(String phoneNumberId) {
			return this.accounts.stream()
				.filter((record) -> phoneNumberId.equals(record.key()))
				.findFirst()
				.orElse(null);
		}

		@KafkaListener(topics = "wa.send-requests", groupId = "gateway-api-tests")
		void onSendRequest(ConsumerRecord<String, Event> record) {
			this.sendRequests.add(record);
		}

		ConsumerRecord<String, Event> sendRequest(String messageId) {
			return this.sendRequests.stream()
				.filter((record) -> ((SendRequest) record.value()).messageId().equals(messageId))
				.findFirst()
				.orElse(null);
		}

		List<SendRequest> sendRequestsOf(String organizationId) {
			return this.sendRequests.stream()
				.map((record) -> (SendRequest) record.value())
				.filter((request) -> request.organizationId().equals(organizationId))
				.toList();
		}

	}

}
