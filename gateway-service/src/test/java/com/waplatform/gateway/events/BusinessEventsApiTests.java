package com.waplatform.gateway.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.waplatform.common.business.BusinessEvent;
import com.waplatform.common.event.Event;
import com.waplatform.common.event.EventHeaders;
import com.waplatform.common.json.Json;
import com.waplatform.gateway.FakeWorkflowService;
import com.waplatform.gateway.GatewayApplication;
import com.waplatform.gateway.GatewayFixtures;
import com.waplatform.gateway.GatewayFixtures.Tenant;
import com.waplatform.testsupport.Infrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /v1/events} in the three modes of the CloudEvents HTTP binding and
 * {@code GET /v1/events/{id}}, on the real gateway, broker and database (workflow-service
 * faked): what reaches {@code wa.business-events} is read back as workflow-service reads
 * it.
 */
@SpringBootTest(classes = { GatewayApplication.class, BusinessEventsApiTests.Recorder.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=gateway-service", "gateway.admin-token=" + GatewayFixtures.ADMIN_TOKEN,
				"platform.internal-api.token=" + BusinessEventsApiTests.SERVICE_TOKEN,
				"gateway.events.max-batch-size=5" })
@AutoConfigureWebTestClient
@DirtiesContext
class BusinessEventsApiTests {

	static final String SERVICE_TOKEN = "events-tests-service-token";

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final MediaType STRUCTURED = MediaType.parseMediaType("application/cloudevents+json");

	private static final MediaType BATCH = MediaType.parseMediaType("application/cloudevents-batch+json");

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private static FakeWorkflowService workflow;

	private final WebTestClient client;

	private final Recorder recorder;

	private final MeterRegistry meters;

	@Autowired
	BusinessEventsApiTests(WebTestClient client, Recorder recorder, MeterRegistry meters) {
		this.client = client.mutate().responseTimeout(WAIT).build();
		this.recorder = recorder;
		this.meters = meters;
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
		workflow = FakeWorkflowService.start(SERVICE_TOKEN);
		registry.add("gateway.workflow-service-url", workflow::url);
	}

	@AfterAll
	static void stopWorkflowService() {
		if (workflow != null) {
			workflow.stop();
		}
	}

	@Test
	void aBinaryModeEventIsPublishedForTheOrganizationOfTheKey() {
		Tenant tenant = tenant();
		String id = "evt-" + UUID.randomUUID();
		String bookingId = "B-" + UUID.randomUUID();

		Map<String, Object> answer = this.client.post().uri("/v1/events").headers((headers) -> {
			headers.setBearerAuth(tenant.apiKey());
			headers.set("ce-specversion", "1.0");
			headers.set("ce-id", id);
			headers.set("ce-source", "/bookings");
			headers.set("ce-type", "booking.confirmed");
			headers.set("ce-subject", bookingId);
			headers.set("ce-time", "2026-12-05T09:30:00%2B01:00");
		})
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(booking(bookingId))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectHeader()
			.location("/v1/events/" + eventId(tenant, id))
			.expectBody(JSON_OBJECT)
			.returnResult()
			.getResponseBody();

		assertThat(events(answer)).singleElement().satisfies((event) -> {
			assertThat(event).containsEntry("id", eventId(tenant, id).toString())
				.containsEntry("source", "/bookings")
				.containsEntry("cloudEventId", id)
				.containsEntry("duplicate", false);
		});
		ConsumerRecord<String, Event> record = this.recorder.published(eventId(tenant, id));
		assertThat(record.key()).isEqualTo(bookingId);
		assertThat(header(record, EventHeaders.ID)).isEqualTo(eventId(tenant, id).toString());
		assertThat(header(record, EventHeaders.TYPE)).isEqualTo("booking.confirmed");
		assertThat(header(record, EventHeaders.SOURCE)).isEqualTo("/bookings");
		assertThat(header(record, EventHeaders.SPEC_VERSION)).isEqualTo("1.0");
		assertThat(header(record, EventHeaders.SUBJECT)).isEqualTo(bookingId);
		assertThat(header(record, EventHeaders.TIME)).isEqualTo("2026-12-05T08:30:00Z");
		assertThat(header(record, EventHeaders.ORGANIZATION_ID)).isEqualTo(tenant.organizationId());
		assertThat(header(record, EventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
		BusinessEvent event = (BusinessEvent) record.value();
		assertThat(event.organizationId()).isEqualTo(tenant.organizationId());
		assertThat(event.data()).isEqualTo(Json.mapper().readTree(booking(bookingId)));
	}

	@Test
	void aStructuredModeEventIsPublishedInBinaryModeWithItsOrganization() {
		Tenant tenant = tenant();
		String id = "evt-" + UUID.randomUUID();
		String bookingId = "B-" + UUID.randomUUID();
		// naming its own organization is allowed; leaving it out is the rule
		String event = structured(id, bookingId, "\"organizationid\": \"" + tenant.organizationId() + "\"");

		post(tenant, STRUCTURED, event).expectStatus().isAccepted();

		ConsumerRecord<String, Event> record = this.recorder.published(eventId(tenant, id));
		assertThat(record.key()).isEqualTo(bookingId);
		assertThat(header(record, EventHeaders.ORGANIZATION_ID)).isEqualTo(tenant.organizationId());
		assertThat(header(record, EventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
		assertThat(((BusinessEvent) record.value()).data()).isEqualTo(Json.mapper().readTree(booking(bookingId)));
	}

	@Test
	void aBatchPublishesEveryEventInOrder() {
		Tenant tenant = tenant();
		String first = "evt-" + UUID.randomUUID();
		String second = "evt-" + UUID.randomUUID();
		String batch = "[" + structured(first, "B-1", null) + ", " + structured(second, "B-2", null) + "]";

		Map<String, Object> answer = post(tenant, BATCH, batch).expectStatus()
			.isAccepted()
			.expectBody(JSON_OBJECT)
			.returnResult()
			.getResponseBody();

		assertThat(events(answer)).extracting((event) -> event.get("cloudEventId")).containsExactly(first, second);
		assertThat(this.recorder.published(eventId(tenant, first)).key()).isEqualTo("B-1");
		assertThat(this.recorder.published(eventId(tenant, second)).key()).isEqualTo("B-2");
	}

	@Test
	void aBatchWithABadEventPublishesNothingAndNamesEachBadEvent() {
		Tenant tenant = tenant();
		Tenant other = tenant();
		String good = "evt-" + UUID.randomUUID();
		String batch = "[" + structured(good, "B-1", null) + ", "
				+ "{\"specversion\": \"1.0\", \"source\": \"/bookings\", \"type\": \"booking.confirmed\"}, "
				+ structured("evt-" + UUID.randomUUID(), "B-3",
						"\"organizationid\": \"" + other.organizationId() + "\"")
				+ "]";

		post(tenant, BATCH, batch).expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:waplatform:problem:invalid-event")
			.jsonPath("$.detail")
			.isEqualTo("2 of 3 events are invalid (see errors); none was published")
			.jsonPath("$.errors.length()")
			.isEqualTo(2)
			.jsonPath("$.errors[0].index")
			.isEqualTo(1)
			.jsonPath("$.errors[0].field")
			.isEqualTo("id")
			.jsonPath("$.errors[1].index")
			.isEqualTo(2)
			.jsonPath("$.errors[1].field")
			.isEqualTo("organizationid");

		// a later event arrives, the good one of the refused batch never does
		String marker = "evt-" + UUID.randomUUID();
		post(tenant, STRUCTURED, structured(marker, "B-4", null)).expectStatus().isAccepted();
		this.recorder.published(eventId(tenant, marker));
		assertThat(this.recorder.of(eventId(tenant, good))).isEmpty();
	}

	@Test
	void anEventPostedTwiceIsAcceptedTwiceAndPublishedOnce() {
		Tenant tenant = tenant();
		String id = "evt-" + UUID.randomUUID();
		String event = structured(id, "B-1", null);
		double duplicates = this.meters.counter("gateway.events.received", "outcome", "duplicate").count();

		post(tenant, STRUCTURED, event).expectStatus().isAccepted();
		Map<String, Object> again = post(tenant, STRUCTURED, event).expectStatus()
			.isAccepted()
			.expectBody(JSON_OBJECT)
			.returnResult()
			.getResponseBody();

		assertThat(events(again)).singleElement()
			.satisfies((accepted) -> assertThat(accepted).containsEntry("id", eventId(tenant, id).toString())
				.containsEntry("duplicate", true));
		assertThat(this.meters.counter("gateway.events.received", "outcome", "duplicate").count())
			.isEqualTo(duplicates + 1);
		String marker = "evt-" + UUID.randomUUID();
		post(tenant, STRUCTURED, structured(marker, "B-2", null)).expectStatus().isAccepted();
		this.recorder.published(eventId(tenant, marker));
		assertThat(this.recorder.of(eventId(tenant, id))).hasSize(1);
	}

	@Test
	void requestsThatAreNoUsableCloudEventAreProblems() {
		Tenant tenant = tenant();
		// plain JSON without ce-* headers: no content mode
		post(tenant, MediaType.APPLICATION_JSON, booking("B-1")).expectStatus()
			.isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:waplatform:problem:unsupported-media-type");
		post(tenant, STRUCTURED, "{not json").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:waplatform:problem:malformed-request");
		post(tenant, BATCH, "[" + "{},".repeat(5) + "{}]").expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("A batch holds at most 5 events, this one 6");
		// binary mode with data that is not JSON, and a bad time
		this.client.post().uri("/v1/events").headers((headers) -> {
			headers.setBearerAuth(tenant.apiKey());
			headers.set("ce-specversion", "1.0");
			headers.set("ce-id", "evt-1");
			headers.set("ce-source", "/bookings");
			headers.set("ce-type", "booking.confirmed");
			headers.set("ce-time", "tomorrow");
		})
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("hello")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value((List<String> fields) -> assertThat(fields).containsExactly("time", "datacontenttype", "data"))
			.jsonPath("$.errors[0].index")
			.doesNotExist();
	}

	@Test
	void whatAnEventTriggeredComesFromWorkflowServiceForItsOrganizationOnly() {
		Tenant tenant = tenant();
		Tenant other = tenant();
		String id = "evt-" + UUID.randomUUID();
		post(tenant, STRUCTURED, structured(id, "B-1", null)).expectStatus().isAccepted();
		String eventId = eventId(tenant, id).toString();

		// accepted, not recorded by workflow-service yet
		get(tenant, eventId).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(eventId)
			.jsonPath("$.outcome")
			.isEqualTo("pending")
			.jsonPath("$.cloudEventId")
			.isEqualTo(id)
			.jsonPath("$.type")
			.isEqualTo("booking.confirmed");

		String outcome = """
				{"id": "%s", "type": "booking.confirmed", "source": "/bookings", "subject": "B-1",
				 "occurredAt": "2026-12-01T10:00:00Z", "outcome": "triggered",
				 "rules": [{"rule": "booking_confirmation", "messages": ["6f1c2a8e-6d0b-3c55-9a43-0d3c2c1f8a10"]}],
				 "recordedAt": "2026-12-01T10:00:01Z"}""".formatted(eventId);
		workflow.record(tenant.organizationId(), eventId, outcome);
		get(tenant, eventId).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.outcome")
			.isEqualTo("triggered")
			.jsonPath("$.rules[0].messages[0]")
			.isEqualTo("6f1c2a8e-6d0b-3c55-9a43-0d3c2c1f8a10");
		assertThat(workflow.requests())
			.contains("/internal/events/" + eventId + "?organizationId=" + tenant.organizationId());

		// another organization, an unknown id, and something that is no id at all
		get(other, eventId).expectStatus().isNotFound();
		get(tenant, UUID.randomUUID().toString()).expectStatus().isNotFound();
		get(tenant, "not-an-id").expectStatus().isNotFound();
	}

	private Tenant tenant() {
		return GatewayFixtures.aTenantWithADefaultNumber(this.client, "secret-" + UUID.randomUUID());
	}

	private WebTestClient.ResponseSpec post(Tenant tenant, MediaType type, String body) {
		return this.client.post()
			.uri("/v1/events")
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.contentType(type)
			.bodyValue(body.getBytes(StandardCharsets.UTF_8))
			.exchange();
	}

	private WebTestClient.ResponseSpec get(Tenant tenant, String eventId) {
		return this.client.get()
			.uri("/v1/events/{id}", eventId)
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.exchange();
	}

	private static UUID eventId(Tenant tenant, String cloudEventId) {
		return BusinessEvent.organizationEventId(tenant.organizationId(), "/bookings", cloudEventId);
	}

	private static String booking(String bookingId) {
		return """
				{"bookingId": "%s", "customerName": "Ana Souza", "customerPhone": "+447911123456",
				 "packageName": "Lisbon Old Town Walk", "startDate": "2026-12-05", "reference": "REF-1"}"""
			.formatted(bookingId);
	}

	private static String structured(String id, String subject, String extra) {
		return """
				{"specversion": "1.0", "id": "%s", "source": "/bookings", "type": "booking.confirmed",
				 "subject": "%s", "datacontenttype": "application/json", %s"data": %s}""".formatted(id, subject,
				(extra != null) ? extra + ", " : "", booking(subject));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> events(Map<String, Object> answer) {
		return (List<Map<String, Object>>) answer.get("events");
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	/** Records what the gateway publishes on wa.business-events. */
	static class Recorder {

		private final List<ConsumerRecord<String, Event>> events = new CopyOnWriteArrayList<>();

		@KafkaListener(topics = "wa.business-events", groupId = "gateway-events-tests")
		void on(ConsumerRecord<String, Event> record) {
			this.events.add(record);
		}

		List<ConsumerRecord<String, Event>> of(UUID eventId) {
			return this.events.stream().filter((record) -> record.value().eventId().equals(eventId)).toList();
		}

		ConsumerRecord<String, Event> published(UUID eventId) {
			await().atMost(WAIT).until(() -> !of(eventId).isEmpty());
			return of(eventId).get(0);
		}

	}

}
