package com.waplatform.systemtests;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.waplatform.common.kafka.Topics;
import com.waplatform.devstack.DemoAccount;
import com.waplatform.devstack.LocalPlatform;
import com.waplatform.devstack.LocalPlatform.Service;
import com.waplatform.devstack.PlatformOptions;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tour operator's six default workflows on the whole platform, as the dev stack
 * installs them for its demo organization: each from a business event published with the
 * official CloudEvents Java SDK (Kafka binary and structured mode) or posted to
 * {@code /v1/events}, to {@code read}, with the exact text Meta (the simulator) rendered.
 * Later times are reached without waiting days: the events carry dates a few seconds past
 * "3 days before" (what a backend sends then), and a reminder series is cut short by
 * {@code payment.received}, a follow-up by the customer's reply.
 */
class WorkflowsEndToEndTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

	private static LocalPlatform platform;

	private static DemoAccount demo;

	private static WebTestClient gateway;

	private static WebTestClient simulator;

	private static KafkaProducer<String, CloudEvent> binary;

	private static KafkaProducer<String, CloudEvent> structured;

	@BeforeAll
	static void startPlatform() {
		platform = LocalPlatform.start(PlatformOptions.randomPorts()
			.withOverrides(Map.of("platform.kafka.partitions", 2, "spring.main.banner-mode", "off")));
		demo = platform.demo();
		gateway = WebTestClient.bindToServer()
			.baseUrl(platform.url(Service.GATEWAY))
			.responseTimeout(Duration.ofSeconds(30))
			.build();
		simulator = WebTestClient.bindToServer()
			.baseUrl(platform.url(Service.SIMULATOR))
			.responseTimeout(Duration.ofSeconds(30))
			.build();
		binary = sdkProducer(Encoding.BINARY);
		structured = sdkProducer(Encoding.STRUCTURED);
	}

	@AfterAll
	static void stopPlatform() {
		if (binary != null) {
			binary.close();
			structured.close();
		}
		if (platform != null) {
			platform.close();
		}
	}

	@Test
	void theDemoOrganizationRunsTheSixDefaultWorkflows() {
		JsonNode workflows = get("/v1/workflows");
		List<String> names = new ArrayList<>();
		workflows.get("items").forEach((rule) -> names.add(rule.get("name").asString()));
		assertThat(names).containsExactlyInAnyOrder("booking-confirmation", "inquiry-received", "payment-reminder",
				"tour-details", "welcome-message", "inquiry-follow-up");
	}

	/**
	 * {@code booking.confirmed} (Kafka, binary mode): the confirmation at once, the tour
	 * details two days before the start, which here is two days and a few seconds away.
	 */
	@Test
	void aConfirmedBookingIsConfirmedAtOnceAndItsTourDetailsFollowTwoDaysBeforeTheStart() {
		String bookingId = "B-" + UUID.randomUUID();
		String phone = "+34612000101";
		Instant start = Instant.now()
			.plus(Duration.ofDays(2))
			.plusSeconds(5)
			.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		publish(binary, event("booking.confirmed", bookingId, OffsetDateTime.now(), """
				{"bookingId":"%s","customerName":"Ana","customerPhone":"%s","packageName":"Lisbon Highlights",
				 "startDate":"%s","reference":"REF-%s","timeZone":"Europe/Madrid","meetingPoint":"Praça do Comércio"}"""
			.formatted(bookingId, phone, start, bookingId)));

		String startDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
			.withLocale(Locale.forLanguageTag("en"))
			.format(start.atZone(MADRID));
		String confirmation = awaitMessage(bookingId, "booking_confirmation");
		String details = awaitMessage(bookingId, "tour_details");
		assertThat(renderedText(confirmation)).isEqualTo("Hi Ana, your booking for Lisbon Highlights starting "
				+ startDate + " is confirmed. Reference: REF-" + bookingId + ".");
		assertThat(renderedText(details))
			.isEqualTo("Your tour Lisbon Highlights starts at " + startDate + ". Meeting point: Praça do Comércio.");
		assertThat(get("/v1/messages/" + details).path("history").findValuesAsString("status")).contains("scheduled",
				"queued", "read");
	}

	/**
	 * {@code inquiry.received} (Kafka, structured mode) sent three days ago: the
	 * acknowledgement at once, and the follow-up that falls due now.
	 */
	@Test
	void anInquiryIsAcknowledgedAndFollowedUpThreeDaysLater() {
		String inquiryId = "I-" + UUID.randomUUID();
		String phone = "+34612000102";
		OffsetDateTime sent = OffsetDateTime.now(ZoneOffset.UTC).minusDays(3).plusSeconds(5);
		publish(structured, event("inquiry.received", inquiryId, sent, """
				{"inquiryId":"%s","customerName":"Bruno","customerPhone":"%s","destination":"the Algarve"}"""
			.formatted(inquiryId, phone)));

		String acknowledgement = awaitMessage(inquiryId, "inquiry_received");
		String followUp = awaitMessage(inquiryId, "follow_up");
		assertThat(renderedText(acknowledgement)).isEqualTo(
				"Hi Bruno, thanks for your inquiry about the Algarve. One of our travel experts will get back to you shortly.");
		assertThat(renderedText(followUp)).isEqualTo("Hi Bruno, how was your trip?");
	}

	/** {@code customer.created} through {@code POST /v1/events} (HTTP, structured). */
	@Test
	void aNewCustomerIsWelcomed() {
		String customerId = "C-" + UUID.randomUUID();
		gateway.post()
			.uri("/v1/events")
			.header("Authorization", "Bearer " + demo.apiKey())
			.contentType(MediaType.parseMediaType("application/cloudevents+json"))
			.bodyValue("""
					{"specversion":"1.0","id":"evt-%s","source":"/crm","type":"customer.created","subject":"%s",
					 "data":{"customerId":"%s","customerName":"Carla","customerPhone":"+34612000103"}}"""
				.formatted(customerId, customerId, customerId))
			.exchange()
			.expectStatus()
			.isAccepted();

		String welcome = awaitMessage(customerId, "welcome_message");
		assertThat(renderedText(welcome)).isEqualTo("Welcome Carla! Reply to this message any time to talk to us.");
	}

	/**
	 * {@code payment.due} three days and a few seconds ahead: the first reminder goes,
	 * the second (a day before) waits, and {@code payment.received} cancels it.
	 */
	@Test
	void paymentRemindersStopWhenThePaymentArrives() {
		String bookingId = "B-" + UUID.randomUUID();
		String phone = "+34612000104";
		Instant due = Instant.now().plus(Duration.ofDays(3)).plusSeconds(5);
		publish(binary, event("payment.due", bookingId, OffsetDateTime.now(), """
				{"bookingId":"%s","customerName":"Diego","customerPhone":"%s","amount":450,"currency":"EUR",
				 "reference":"REF-%s","dueDate":"%s"}""".formatted(bookingId, phone, bookingId, due)));

		// the first is due three days before the due date (now), the second a day before
		List<String> reminders = new ArrayList<>(awaitMessages(bookingId, "payment_reminder", 2));
		reminders.sort(java.util.Comparator
			.comparing((String id) -> Instant.parse(get("/v1/messages/" + id).path("scheduledFor").asString())));
		String first = reminders.get(0);
		String second = reminders.get(1);
		awaitStatus(first, "read");
		assertThat(renderedText(first)).isEqualTo("Hi Diego, a payment of €450.00 for booking REF-" + bookingId
				+ " is due. Please complete it to keep your reservation.");
		assertThat(get("/v1/messages/" + second).path("status").asString()).isEqualTo("scheduled");

		String received = UUID.randomUUID().toString();
		publish(structured,
				CloudEventBuilder
					.v1(event("payment.received", bookingId, OffsetDateTime.now(),
							"{\"bookingId\":\"%s\",\"customerPhone\":\"%s\"}".formatted(bookingId, phone)))
					.withId(received)
					.build());
		awaitStatus(second, "cancelled");
		JsonNode outcome = get("/v1/events/" + received);
		assertThat(outcome.path("cancelled").get(0).path("rule").asString()).isEqualTo("payment-reminder");
		assertThat(outcome.path("cancelled").get(0).path("messages").get(0).asString()).isEqualTo(second);
		assertThat(ledgerCount(second)).isZero();
	}

	/** The follow-up of an inquiry waits three days, unless the customer writes first. */
	@Test
	void aReplyFromTheCustomerCancelsTheFollowUp() {
		String inquiryId = "I-" + UUID.randomUUID();
		String phone = "+34612000105";
		publish(binary, event("inquiry.received", inquiryId, OffsetDateTime.now(), """
				{"inquiryId":"%s","customerName":"Eva","customerPhone":"%s","destination":"Porto"}"""
			.formatted(inquiryId, phone)));
		String followUp = awaitMessages(inquiryId, "follow_up", 1).get(0);
		assertThat(get("/v1/messages/" + followUp).path("status").asString()).isEqualTo("scheduled");

		simulator.post()
			.uri("/admin/inbound")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("phoneNumberId", demo.phoneNumberId(), "from", phone, "text", "Thanks, booked it!"))
			.exchange()
			.expectStatus()
			.is2xxSuccessful();

		awaitStatus(followUp, "cancelled");
		assertThat(ledgerCount(followUp)).isZero();
	}

	private static CloudEvent event(String type, String subject, OffsetDateTime time, String data) {
		return CloudEventBuilder.v1()
			.withId(UUID.randomUUID().toString())
			.withSource(URI.create("/tours"))
			.withType(type)
			.withSubject(subject)
			.withTime(time)
			.withDataContentType("application/json")
			.withData(data.getBytes(StandardCharsets.UTF_8))
			.withExtension("organizationid", demo.organizationId())
			.build();
	}

	private static KafkaProducer<String, CloudEvent> sdkProducer(Encoding encoding) {
		CloudEventSerializer serializer = new CloudEventSerializer();
		serializer.configure(Map.of(CloudEventSerializer.ENCODING_CONFIG, encoding,
				CloudEventSerializer.EVENT_FORMAT_CONFIG, JsonFormat.CONTENT_TYPE), false);
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers()),
				new StringSerializer(), serializer);
	}

	private static void publish(KafkaProducer<String, CloudEvent> producer, CloudEvent event) {
		try {
			producer.send(new ProducerRecord<>(Topics.BUSINESS_EVENTS.name(), event.getSubject(), event))
				.get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish " + event.getId(), ex);
		}
	}

	/**
	 * The id of the one message of that template for the business record, once at read.
	 */
	private static String awaitMessage(String contextId, String template) {
		String id = awaitMessages(contextId, template, 1).get(0);
		awaitStatus(id, "read", "cancelled");
		return id;
	}

	private static List<String> awaitMessages(String contextId, String template, int count) {
		List<String> ids = new ArrayList<>();
		await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			ids.clear();
			get("/v1/messages?contextId=" + contextId).get("messages").forEach((message) -> {
				if (template.equals(message.path("template").asString())) {
					ids.add(message.get("id").asString());
				}
			});
			assertThat(ids).hasSize(count);
		});
		return List.copyOf(ids);
	}

	private static void awaitStatus(String id, String... anyOf) {
		await().atMost(TIMEOUT)
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(
					() -> assertThat(get("/v1/messages/" + id).path("status").asString()).isIn((Object[]) anyOf));
	}

	private static String renderedText(String messageId) {
		return new SimulatorLedger(simulator).renderedBody(get("/v1/messages/" + messageId).path("wamid").asString());
	}

	private static long ledgerCount(String messageId) {
		return new SimulatorLedger(simulator).count(messageId);
	}

	private static JsonNode get(String path) {
		return gateway.get()
			.uri(path)
			.header("Authorization", "Bearer " + demo.apiKey())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

}
