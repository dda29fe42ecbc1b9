package com.waplatform.workflow;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.business.BusinessEvent;
import com.waplatform.common.event.Event;
import com.waplatform.common.event.EventHeaders;
import com.waplatform.common.json.Json;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.Priority;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.template.TemplateSnapshot;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.support.templates.TemplateDirectory;
import com.waplatform.workflow.rules.domain.PlannedMessage;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import com.waplatform.support.kafka.EventPublisher;
import com.waplatform.support.kafka.RejectedEventException;
import com.waplatform.support.retention.RetentionPurge;
import com.waplatform.testsupport.Infrastructure;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service end to end on a real (embedded) Kafka broker and PostgreSQL: CloudEvents on
 * {@code wa.business-events} as another backend would publish them, in binary mode (raw
 * bytes and {@code ce_*} headers) and in structured mode (the official CloudEvents SDK),
 * send requests out; what each event triggered read back from
 * {@code /internal/events/{id}}.
 */
@SpringBootTest(classes = { WorkflowApplication.class, WorkflowServiceTests.Listeners.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=workflow-service",
				"platform.internal-api.token=" + WorkflowServiceTests.SERVICE_TOKEN })
@AutoConfigureWebTestClient
@DirtiesContext
class WorkflowServiceTests {

	static final String SERVICE_TOKEN = "workflow-tests-service-token";

	private static final String ORG = "org-tours";

	private static final String PHONE_NUMBER_ID = "pn-tours-default";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String ORGANIZATION_EXTENSION = "organizationid";

	private static KafkaTemplate<String, byte[]> raw;

	private static KafkaProducer<String, CloudEvent> structured;

	private static KafkaProducer<String, CloudEvent> binary;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
	}

	@BeforeAll
	static void producers() {
		raw = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafka().getBrokersAsString()),
				new StringSerializer(), new ByteArraySerializer()));
		structured = sdkProducer(Encoding.STRUCTURED);
		binary = sdkProducer(Encoding.BINARY);
	}

	/**
	 * The official CloudEvents SDK's Kafka serializer, as a booking system would use it.
	 */
	private static KafkaProducer<String, CloudEvent> sdkProducer(Encoding encoding) {
		CloudEventSerializer serializer = new CloudEventSerializer();
		serializer.configure(Map.of(CloudEventSerializer.ENCODING_CONFIG, encoding,
				CloudEventSerializer.EVENT_FORMAT_CONFIG, JsonFormat.CONTENT_TYPE), false);
		return new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafka().getBrokersAsString()),
				new StringSerializer(), serializer);
	}

	@AfterAll
	static void closeProducers() {
		((DefaultKafkaProducerFactory<String, byte[]>) raw.getProducerFactory()).destroy();
		structured.close();
		binary.close();
	}

	@Autowired
	EventPublisher publisher;

	@Autowired
	AccountDirectory accounts;

	@Autowired
	MeterRegistry meters;

	@Autowired
	Received received;

	@Autowired
	WebTestClient web;

	@Autowired
	TemplateDirectory templates;

	@Autowired
	RetentionPurge retention;

	@Autowired
	DatabaseClient db;

	/**
	 * The history keeps {@code workflow.retention.history} (90 days): older outcomes,
	 * triggered messages, auto-replies and superseded rule versions go; younger ones, and
	 * a rule's current version however old, stay. Counted per table.
	 */
	@Test
	void historyOlderThanTheRetentionIsPurgedButARulesCurrentVersionStays() {
		String org = "org-" + UUID.randomUUID();
		UUID rule = UUID.randomUUID();
		sql("insert into workflow_rules (id, organization_id, name, trigger_type, enabled, version, definition) "
				+ "values ('" + rule + "', '" + org + "', 'retention', 'booking.confirmed', true, 3, '{}')");
		for (int[] version : new int[][] { { 1, 200 }, { 2, 100 }, { 3, 95 } }) {
			sql("insert into workflow_rule_versions (rule_id, version, change, enabled, definition, changed_at) values ('"
					+ rule + "', " + version[0] + ", 'updated', true, '{}', now() - interval '" + version[1]
					+ " days')");
		}
		for (int age : new int[] { 91, 89 }) {
			sql("insert into event_outcomes (organization_id, event_id, type, source, subject, occurred_at, outcome, "
					+ "recorded_at) values ('" + org + "', gen_random_uuid(), 't', 's', 'x', now(), 'ignored', "
					+ "now() - interval '" + age + " days')");
			sql("insert into triggered_messages (message_id, event_id, rule, organization_id, created_at) values ('"
					+ UUID.randomUUID() + "', gen_random_uuid(), 'r', '" + org + "', now() - interval '" + age
					+ " days')");
			sql("insert into auto_replies (message_id, organization_id, phone_number_id, customer, rule, "
					+ "inbound_wamid, sent_at) values ('" + UUID.randomUUID() + "', '" + org
					+ "', 'pn-1', '+14155550123', 'out_of_hours', 'wamid.x', now() - interval '" + age + " days')");
		}
		double before = retentionPurged("event_outcomes") + retentionPurged("triggered_messages")
				+ retentionPurged("auto_replies") + retentionPurged("workflow_rule_versions");

		this.retention.purge().block(TIMEOUT);

		assertThat(this.db.sql("select version from workflow_rule_versions where rule_id = :rule")
			.bind("rule", rule)
			.map((row) -> row.get("version", Integer.class))
			.all()
			.collectList()
			.block(TIMEOUT)).containsExactly(3);
		for (String table : List.of("event_outcomes", "triggered_messages", "auto_replies")) {
			assertThat(this.db.sql("select count(*) as n from " + table + " where organization_id = :org")
				.bind("org", org)
				.map((row) -> row.get("n", Long.class))
				.one()
				.block(TIMEOUT)).as(table).isOne();
		}
		double after = retentionPurged("event_outcomes") + retentionPurged("triggered_messages")
				+ retentionPurged("auto_replies") + retentionPurged("workflow_rule_versions");
		assertThat(after - before).isGreaterThanOrEqualTo(5.0);
	}

	private void sql(String statement) {
		this.db.sql(statement).then().block(TIMEOUT);
	}

	private double retentionPurged(String table) {
		Counter counter = this.meters.find(RetentionPurge.PURGED_METRIC).tag("table", table).counter();
		return (counter != null) ? counter.count() : 0.0;
	}

	@Test
	void aConfirmedBookingBecomesOneTemplateMessage() {
		configureDefaultNumber();
		String eventId = UUID.randomUUID().toString();
		String bookingId = "B-" + UUID.randomUUID();
		sendCloudEvent(eventId, BusinessEvent.BOOKING_CONFIRMED, bookingId, booking(bookingId, "+44 7911 123456"));

		await().atMost(TIMEOUT).until(() -> !this.received.sendRequests(bookingId).isEmpty());
		ConsumerRecord<String, Event> record = this.received.sendRequests(bookingId).get(0);
		assertThat(record.key()).isEqualTo(PHONE_NUMBER_ID);
		SendRequest request = (SendRequest) record.value();
		assertThat(request.organizationId()).isEqualTo(ORG);
		assertThat(request.phoneNumberId()).isEqualTo(PHONE_NUMBER_ID);
		assertThat(request.recipient()).isEqualTo("+447911123456");
		assertThat(request.messageId())
			.isEqualTo(PlannedMessage.messageId(UUID.fromString(eventId), ruleId("booking-confirmation"), 0));
		assertThat(request.priority()).isEqualTo(Priority.TRANSACTIONAL);
		assertThat(request.source()).isEqualTo("workflow");
		MetaMessage.Template template = request.message().template();
		assertThat(template.name()).isEqualTo("booking_confirmation");
		assertThat(template.language().code()).isEqualTo("en");
		assertThat(template.components()).singleElement()
			.satisfies((body) -> assertThat(body.parameters()).extracting(MetaMessage.Parameter::text)
				.containsExactly("Ana Souza", "Lisbon Old Town Walk", "December 5, 2030", "REF-" + bookingId));
		assertThat(header(record, EventHeaders.TYPE)).isEqualTo("message.send-requested");
	}

	@Test
	void aCloudEventDeliveredTwiceIsSentOnce() {
		configureDefaultNumber();
		String eventId = UUID.randomUUID().toString();
		String bookingId = "B-" + UUID.randomUUID();
		double duplicates = this.meters.counter("workflow.events.duplicates").count();
		sendCloudEvent(eventId, BusinessEvent.BOOKING_CONFIRMED, bookingId, booking(bookingId, "+447911123456"));
		sendCloudEvent(eventId, BusinessEvent.BOOKING_CONFIRMED, bookingId, booking(bookingId, "+447911123456"));
		await().atMost(TIMEOUT).until(() -> this.meters.counter("workflow.events.duplicates").count() > duplicates);

		String marker = "B-" + UUID.randomUUID();
		sendCloudEvent(UUID.randomUUID().toString(), BusinessEvent.BOOKING_CONFIRMED, marker,
				booking(marker, "+447911123456"));
		await().atMost(TIMEOUT).until(() -> !this.received.sendRequests(marker).isEmpty());
		assertThat(this.received.sendRequests(bookingId)).hasSize(1);
	}

	@Test
	void anInvalidPhoneNumberIsDeadLetteredWithTheReason() {
		configureDefaultNumber();
		String bookingId = "B-" + UUID.randomUUID();
		sendCloudEvent(UUID.randomUUID().toString(), BusinessEvent.BOOKING_CONFIRMED, bookingId,
				booking(bookingId, "12345"));
		await().atMost(TIMEOUT).until(() -> !this.received.deadLetters(bookingId).isEmpty());
		ConsumerRecord<String, byte[]> dead = this.received.deadLetters(bookingId).get(0);
		assertThat(header(dead, "kafka_dlt-exception-message")).contains("booking-confirmation").contains("12345");
		assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).isEqualTo(RejectedEventException.class.getName());
		assertThat(header(dead, RejectedEventException.REASON_HEADER)).isEqualTo("invalid_data");
		assertThat(header(dead, EventHeaders.SUBJECT)).isEqualTo(bookingId);
		assertThat(this.received.sendRequests(bookingId)).isEmpty();
	}

	@Test
	void anEventNamingAnotherOrganizationsNumberIsDeadLetteredAndSendsNothing() {
		configureDefaultNumber();
		String elsewhere = "pn-elsewhere-" + UUID.randomUUID();
		configure("org-elsewhere", elsewhere, false);
		double refused = refused();
		double rejected = rejected("foreign_number");
		String bookingId = "B-" + UUID.randomUUID();

		sendCloudEvent(UUID.randomUUID().toString(), BusinessEvent.BOOKING_CONFIRMED, bookingId,
				booking(bookingId, "+447911123456", elsewhere));

		await().atMost(TIMEOUT).until(() -> !this.received.deadLetters(bookingId).isEmpty());
		ConsumerRecord<String, byte[]> dead = this.received.deadLetters(bookingId).get(0);
		assertThat(header(dead, "kafka_dlt-exception-message"))
			.contains("Business phone number " + elsewhere + " is not a number of organization " + ORG
					+ ": an organization sends only from its own numbers")
			.doesNotContain("org-elsewhere");
		assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).isEqualTo(RejectedEventException.class.getName());
		assertThat(header(dead, RejectedEventException.REASON_HEADER)).isEqualTo("foreign_number");
		assertThat(header(dead, EventHeaders.SUBJECT)).isEqualTo(bookingId);
		assertThat(refused()).isEqualTo(refused + 1);
		await().atMost(TIMEOUT).until(() -> rejected("foreign_number") == rejected + 1);

		// a later event is sent: the refused one left no send request behind
		String marker = "B-" + UUID.randomUUID();
		sendCloudEvent(UUID.randomUUID().toString(), BusinessEvent.BOOKING_CONFIRMED, marker,
				booking(marker, "+447911123456"));
		await().atMost(TIMEOUT).until(() -> !this.received.sendRequests(marker).isEmpty());
		assertThat(this.received.sendRequests(bookingId)).isEmpty();
		assertThat(this.received.sendRequests(marker)).singleElement()
			.satisfies((record) -> assertThat(record.key()).isEqualTo(PHONE_NUMBER_ID));
	}

	@Test
	void anEventMayNameAnotherNumberOfItsOrganizationOrOneNotKnownYet() {
		configureDefaultNumber();
		String second = "pn-tours-second-" + UUID.randomUUID();
		configure(ORG, second, false);
		String notYetKnown = "pn-tours-new-" + UUID.randomUUID();
		double refused = refused();
		String own = "B-" + UUID.randomUUID();
		String unknown = "B-" + UUID.randomUUID();

		sendCloudEvent(UUID.randomUUID().toString(), BusinessEvent.BOOKING_CONFIRMED, own,
				booking(own, "+447911123456", second));
		sendCloudEvent(UUID.randomUUID().toString(), BusinessEvent.BOOKING_CONFIRMED, unknown,
				booking(unknown, "+447911123456", notYetKnown));

		// the sender waits for a number its directory does not know yet, and refuses it
		// there if it turns out to be another organization's
		await().atMost(TIMEOUT)
			.until(() -> !this.received.sendRequests(own).isEmpty() && !this.received.sendRequests(unknown).isEmpty());
		assertThat(this.received.sendRequests(own).get(0).key()).isEqualTo(second);
		assertThat(this.received.sendRequests(unknown).get(0).key()).isEqualTo(notYetKnown);
		assertThat(this.received.deadLetters(own)).isEmpty();
		assertThat(this.received.deadLetters(unknown)).isEmpty();
		assertThat(refused()).isEqualTo(refused);
	}

	@Test
	void unknownEventTypesAreCountedAndIgnored() {
		configureDefaultNumber();
		double ignored = this.meters.counter("workflow.events.ignored", "type", "newsletter.signup").count();
		sendCloudEvent(UUID.randomUUID().toString(), "newsletter.signup", "N-1", "{\"email\":\"a@example.com\"}");
		await().atMost(TIMEOUT)
			.until(() -> this.meters.counter("workflow.events.ignored", "type", "newsletter.signup").count() > ignored);
	}

	@Test
	void aBookingConfirmedInStructuredModeBecomesTheSameSendRequestAsInBinaryMode() {
		configureDefaultNumber();
		String bookingId = "B-" + UUID.randomUUID();
		byte[] data = booking(bookingId, "+44 7911 123456").getBytes(StandardCharsets.UTF_8);
		String binaryId = "evt-binary-" + UUID.randomUUID();
		String structuredId = "evt-structured-" + UUID.randomUUID();

		send(binary, bookingId, bookingConfirmed(binaryId, bookingId, data).build());
		send(structured, bookingId, bookingConfirmed(structuredId, bookingId, data).build());

		await().atMost(TIMEOUT).until(() -> this.received.sendRequests(bookingId).size() == 2);
		SendRequest fromBinary = sendRequestOf(bookingId, binaryId);
		SendRequest fromStructured = sendRequestOf(bookingId, structuredId);
		assertThat(fromStructured).usingRecursiveComparison()
			.ignoringFields("eventId", "messageId", "occurredAt")
			.isEqualTo(fromBinary);
		assertThat(fromStructured.organizationId()).isEqualTo(ORG);
		assertThat(fromStructured.phoneNumberId()).isEqualTo(PHONE_NUMBER_ID);
		assertThat(fromStructured.recipient()).isEqualTo("+447911123456");
		assertThat(this.received.sendRequests(bookingId)).extracting(ConsumerRecord::key).containsOnly(PHONE_NUMBER_ID);
	}

	/**
	 * Every reason a business event cannot be used: on the dead-letter topic with the
	 * reason in a header, and counted once under that reason.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("unusableEvents")
	void anUnusableEventIsDeadLetteredWithItsReasonAndCounted(String reason, Consumer<String> publish) {
		configureDefaultNumber();
		double before = rejected(reason);
		String key = "K-" + UUID.randomUUID();

		publish.accept(key);

		await().atMost(TIMEOUT).until(() -> !this.received.deadLetters(key).isEmpty());
		ConsumerRecord<String, byte[]> dead = this.received.deadLetters(key).get(0);
		assertThat(header(dead, RejectedEventException.REASON_HEADER)).isEqualTo(reason);
		await().atMost(TIMEOUT).until(() -> rejected(reason) == before + 1);
		assertThat(this.received.sendRequests(key)).isEmpty();
	}

	static Stream<Arguments> unusableEvents() {
		String structuredJson = "application/cloudevents+json";
		return Stream.of(Arguments.of("unknown_mode", (Consumer<String>) (key) -> {
			// JSON without any CloudEvents attribute
			ProducerRecord<String, byte[]> record = raw(key, booking(key, "+447911123456"));
			header(record, EventHeaders.CONTENT_TYPE, "application/json");
			send(record);
		}), Arguments.of("unknown_mode", (Consumer<String>) (key) -> {
			// batches exist in the HTTP binding only
			ProducerRecord<String, byte[]> record = raw(key, "[]");
			header(record, EventHeaders.CONTENT_TYPE, "application/cloudevents-batch+json");
			send(record);
		}), Arguments.of("missing_attribute", (Consumer<String>) (key) -> {
			ProducerRecord<String, byte[]> record = raw(key, """
					{"specversion":"1.0","source":"/bookings","type":"booking.confirmed","organizationid":"%s",
					 "data":%s}""".formatted(ORG, booking(key, "+447911123456")));
			header(record, EventHeaders.CONTENT_TYPE, structuredJson);
			send(record);
		}), Arguments.of("invalid_attribute", (Consumer<String>) (key) -> {
			ProducerRecord<String, byte[]> record = binaryRecord(key, booking(key, "+447911123456"));
			record.headers().remove(EventHeaders.TIME);
			header(record, EventHeaders.TIME, "yesterday");
			send(record);
		}), Arguments.of("missing_organization", (Consumer<String>) (key) -> {
			CloudEvent event = bookingConfirmed("evt-" + key, key,
					booking(key, "+447911123456").getBytes(StandardCharsets.UTF_8))
				.withoutExtension(ORGANIZATION_EXTENSION)
				.build();
			send(structured, key, event);
		}), Arguments.of("unreadable_data", (Consumer<String>) (key) -> {
			send(binaryRecord(key, "{\"bookingId\": "));
		}), Arguments.of("unreadable_data", (Consumer<String>) (key) -> {
			ProducerRecord<String, byte[]> record = raw(key, "not json at all");
			header(record, EventHeaders.CONTENT_TYPE, structuredJson);
			send(record);
		}), Arguments.of("unknown_organization", (Consumer<String>) (key) -> {
			CloudEvent event = bookingConfirmed("evt-" + key, key,
					booking(key, "+447911123456").getBytes(StandardCharsets.UTF_8))
				.withExtension(ORGANIZATION_EXTENSION, "org-unknown-" + UUID.randomUUID())
				.build();
			send(structured, key, event);
		}));
	}

	@Test
	void theOutcomeOfAnEventShowsWhatItTriggeredToItsOrganizationOnly() {
		configureDefaultNumber();
		String eventId = UUID.randomUUID().toString();
		String bookingId = "B-" + UUID.randomUUID();
		sendCloudEvent(eventId, BusinessEvent.BOOKING_CONFIRMED, bookingId, booking(bookingId, "+447911123456"));
		await().atMost(TIMEOUT).until(() -> !this.received.sendRequests(bookingId).isEmpty());
		String messageId = ((SendRequest) this.received.sendRequests(bookingId).get(0).value()).messageId();

		outcome(eventId, ORG).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(eventId)
			.jsonPath("$.type")
			.isEqualTo(BusinessEvent.BOOKING_CONFIRMED)
			.jsonPath("$.source")
			.isEqualTo("/bookings")
			.jsonPath("$.subject")
			.isEqualTo(bookingId)
			.jsonPath("$.outcome")
			.isEqualTo("triggered")
			.jsonPath("$.rules[0].rule")
			.isEqualTo("booking-confirmation")
			.jsonPath("$.rules[0].messages")
			.isEqualTo(List.of(messageId))
			// the tour details wait until two days before the tour
			.jsonPath("$.rules[1].rule")
			.isEqualTo("tour-details")
			.jsonPath("$.rules[1].scheduled[0].sendAt")
			.isEqualTo("2030-12-03T10:00:00Z");
		// another organization's view, and no service token
		outcome(eventId, "org-elsewhere").expectStatus().isNotFound();
		this.web.get()
			.uri("/internal/events/{id}?organizationId={org}", eventId, ORG)
			.exchange()
			.expectStatus()
			.isUnauthorized();

		String ignored = UUID.randomUUID().toString();
		sendCloudEvent(ignored, "newsletter.signup", "N-" + ignored, "{\"email\":\"a@example.com\"}");
		await().atMost(TIMEOUT)
			.untilAsserted(() -> outcome(ignored, ORG).expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.outcome")
				.isEqualTo("ignored")
				.jsonPath("$.reason")
				.isEqualTo("no_matching_rule")
				.jsonPath("$.rules")
				.isEmpty());

		String invalid = UUID.randomUUID().toString();
		String invalidBooking = "B-" + UUID.randomUUID();
		sendCloudEvent(invalid, BusinessEvent.BOOKING_CONFIRMED, invalidBooking, booking(invalidBooking, "12345"));
		await().atMost(TIMEOUT)
			.untilAsserted(() -> outcome(invalid, ORG).expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.outcome")
				.isEqualTo("rejected")
				.jsonPath("$.reason")
				.isEqualTo("invalid_data")
				.jsonPath("$.detail")
				.value((String detail) -> assertThat(detail).contains("12345"))
				.jsonPath("$.rules[0].rule")
				.isEqualTo("booking-confirmation")
				.jsonPath("$.rules[0].skipped")
				.isEqualTo("invalid_recipient"));
	}

	private WebTestClient.ResponseSpec outcome(String eventId, String organizationId) {
		return this.web.get()
			.uri("/internal/events/{id}?organizationId={org}", eventId, organizationId)
			.headers((headers) -> headers.setBearerAuth(SERVICE_TOKEN))
			.exchange();
	}

	private SendRequest sendRequestOf(String bookingId, String cloudEventId) {
		String eventId = BusinessEvent.eventIdOf("/bookings", cloudEventId).toString();
		return this.received.sendRequests(bookingId)
			.stream()
			.map((record) -> (SendRequest) record.value())
			.filter((request) -> request.messageId()
				.equals(PlannedMessage.messageId(UUID.fromString(eventId), ruleId("booking-confirmation"), 0)))
			.findFirst()
			.orElseThrow();
	}

	private double rejected(String reason) {
		return this.meters.counter("workflow.events.rejected", "reason", reason).count();
	}

	/**
	 * The organization's default number, the simulator's templates for its account (as
	 * template-service would sync them) and the tour operator's default workflows.
	 */
	private void configureDefaultNumber() {
		if (this.accounts.defaultNumber(ORG).filter((number) -> number.defaultNumber()).isPresent()) {
			return;
		}
		configure(ORG, PHONE_NUMBER_ID, true);
		seedTemplates()
			.forEach((template) -> this.templates.apply(TemplateSnapshot.of(ORG, "waba-" + ORG, template, "v1")));
		this.web.post()
			.uri("/internal/workflows/defaults?organizationId={org}", ORG)
			.headers((headers) -> headers.setBearerAuth(SERVICE_TOKEN))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	/** The id of the organization's workflow of that name. */
	private UUID ruleId(String name) {
		JsonNode list = this.web.get()
			.uri("/internal/workflows?organizationId={org}", ORG)
			.headers((headers) -> headers.setBearerAuth(SERVICE_TOKEN))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		for (JsonNode rule : list.get("items")) {
			if (name.equals(rule.get("name").asString())) {
				return UUID.fromString(rule.get("id").asString());
			}
		}
		throw new IllegalStateException("No workflow " + name);
	}

	/**
	 * The templates the Meta simulator seeds (its own file: a change there shows here).
	 */
	private static List<MessageTemplate> seedTemplates() {
		try {
			return Json.mapper()
				.readValue(
						Files.readString(
								Path.of("../meta-simulator/src/main/resources/meta-simulator/seed-templates.json")),
						new TypeReference<List<MessageTemplate>>() {
						});
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Configures a business number the way the gateway does: on wa.accounts. */
	private void configure(String organizationId, String phoneNumberId, boolean defaultNumber) {
		PhoneNumberConfigured number = PhoneNumberConfigured.of(organizationId, phoneNumberId, "waba-" + organizationId,
				"+15550100", "sealed-token", 80, defaultNumber);
		StepVerifier.create(this.publisher.publish(Topics.ACCOUNTS, number))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		await().atMost(TIMEOUT).until(() -> this.accounts.phoneNumber(phoneNumberId).isPresent());
	}

	private double refused() {
		return this.meters
			.counter("workflow.events.refused", "type", BusinessEvent.BOOKING_CONFIRMED, "reason", "foreign_number")
			.count();
	}

	private static String booking(String bookingId, String phone) {
		return """
				{"bookingId":"%s","customerName":"Ana Souza","customerPhone":"%s",
				 "packageName":"Lisbon Old Town Walk","startDate":"2030-12-05","reference":"REF-%s"}
				""".formatted(bookingId, phone, bookingId);
	}

	private static String booking(String bookingId, String phone, String phoneNumberId) {
		return """
				{"bookingId":"%s","customerName":"Ana Souza","customerPhone":"%s",
				 "packageName":"Lisbon Old Town Walk","startDate":"2030-12-05","reference":"REF-%s",
				 "phoneNumberId":"%s"}
				""".formatted(bookingId, phone, bookingId, phoneNumberId);
	}

	/** A CloudEvent in Kafka binary mode, as any backend would produce it. */
	private static void sendCloudEvent(String id, String type, String subject, String data) {
		send(binaryRecord(id, type, subject, data));
	}

	private static ProducerRecord<String, byte[]> binaryRecord(String key, String data) {
		return binaryRecord(UUID.randomUUID().toString(), BusinessEvent.BOOKING_CONFIRMED, key, data);
	}

	private static ProducerRecord<String, byte[]> binaryRecord(String id, String type, String subject, String data) {
		ProducerRecord<String, byte[]> record = raw(subject, data);
		header(record, EventHeaders.ID, id);
		header(record, EventHeaders.TYPE, type);
		header(record, EventHeaders.SOURCE, "/bookings");
		header(record, EventHeaders.SPEC_VERSION, "1.0");
		header(record, EventHeaders.TIME, Instant.now().toString());
		header(record, EventHeaders.SUBJECT, subject);
		header(record, EventHeaders.ORGANIZATION_ID, ORG);
		header(record, EventHeaders.CONTENT_TYPE, "application/json");
		return record;
	}

	private static ProducerRecord<String, byte[]> raw(String key, String value) {
		return new ProducerRecord<>(Topics.BUSINESS_EVENTS.name(), key, value.getBytes(StandardCharsets.UTF_8));
	}

	/** A {@code booking.confirmed} built with the CloudEvents SDK. */
	private static CloudEventBuilder bookingConfirmed(String id, String bookingId, byte[] data) {
		return CloudEventBuilder.v1()
			.withId(id)
			.withSource(URI.create("/bookings"))
			.withType(BusinessEvent.BOOKING_CONFIRMED)
			.withSubject(bookingId)
			.withTime(OffsetDateTime.now())
			.withDataContentType("application/json")
			.withData(data)
			.withExtension(ORGANIZATION_EXTENSION, ORG);
	}

	private static void send(KafkaProducer<String, CloudEvent> producer, String key, CloudEvent event) {
		try {
			producer.send(new ProducerRecord<>(Topics.BUSINESS_EVENTS.name(), key, event)).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish " + event.getId(), ex);
		}
	}

	private static void send(ProducerRecord<String, byte[]> record) {
		StepVerifier.create(Mono.fromFuture(() -> raw.send(record)))
			.expectNextCount(1)
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}

	private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
		record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	@TestConfiguration
	static class Listeners {

		@Bean
		Received received() {
			return new Received();
		}

	}

	static class Received {

		private final List<ConsumerRecord<String, Event>> records = new CopyOnWriteArrayList<>();

		private final List<ConsumerRecord<String, byte[]>> deadLetters = new CopyOnWriteArrayList<>();

		@KafkaListener(topics = "wa.send-requests", groupId = "workflow-service-tests")
		void on(ConsumerRecord<String, Event> record) {
			this.records.add(record);
		}

		/** Dead letters as they are: many are no readable CloudEvent. */
		@KafkaListener(topics = "wa.business-events-dlt", groupId = "workflow-service-tests",
				properties = "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer")
		void onDeadLetter(ConsumerRecord<String, byte[]> record) {
			this.deadLetters.add(record);
		}

		List<ConsumerRecord<String, Event>> sendRequests(String bookingId) {
			return this.records.stream()
				.filter((record) -> record.topic().equals(Topics.SEND_REQUESTS.name()))
				.filter((record) -> record.value() instanceof SendRequest request && request.context() != null
						&& bookingId.equals(request.context().id()))
				.toList();
		}

		List<ConsumerRecord<String, byte[]>> deadLetters(String key) {
			return this.deadLetters.stream().filter((record) -> key.equals(record.key())).toList();
		}

	}

}
