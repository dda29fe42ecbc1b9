package com.waplatform.workflow;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.business.BusinessEvent;
import com.waplatform.common.event.Event;
import com.waplatform.common.event.EventHeaders;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.Priority;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.support.kafka.EventPublisher;
import com.waplatform.testsupport.Infrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service end to end on a real (embedded) Kafka broker and PostgreSQL: CloudEvents in
 * binary mode on {@code wa.business-events}, as another backend would publish them (raw
 * bytes and {@code ce_*} headers), send requests out.
 */
@SpringBootTest(classes = { WorkflowApplication.class, WorkflowServiceTests.Listeners.class },
		properties = "spring.config.name=workflow-service")
@DirtiesContext
class WorkflowServiceTests {

	private static final String ORG = "org-tours";

	private static final String PHONE_NUMBER_ID = "pn-tours-default";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static KafkaTemplate<String, byte[]> raw;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
	}

	@BeforeAll
	static void rawProducer() {
		raw = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafka().getBrokersAsString()),
				new StringSerializer(), new ByteArraySerializer()));
	}

	@AfterAll
	static void closeRawProducer() {
		((DefaultKafkaProducerFactory<String, byte[]>) raw.getProducerFactory()).destroy();
	}

	@Autowired
	EventPublisher publisher;

	@Autowired
	AccountDirectory accounts;

	@Autowired
	MeterRegistry meters;

	@Autowired
	Received received;

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
			.isEqualTo(UUID.nameUUIDFromBytes(("workflow|booking_confirmation|" + eventId).getBytes()).toString());
		assertThat(request.priority()).isEqualTo(Priority.TRANSACTIONAL);
		assertThat(request.source()).isEqualTo("workflow");
		MetaMessage.Template template = request.message().template();
		assertThat(template.name()).isEqualTo("booking_confirmation");
		assertThat(template.language().code()).isEqualTo("en");
		assertThat(template.components()).singleElement()
			.satisfies((body) -> assertThat(body.parameters()).extracting(MetaMessage.Parameter::text)
				.containsExactly("Ana Souza", "Lisbon Old Town Walk", "2026-12-05", "REF-" + bookingId));
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
		ConsumerRecord<String, Event> dead = this.received.deadLetters(bookingId).get(0);
		assertThat(header(dead, "kafka_dlt-exception-message")).contains("Invalid customerPhone '12345'");
		assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).isEqualTo(IllegalArgumentException.class.getName());
		assertThat(((BusinessEvent) dead.value()).subject()).isEqualTo(bookingId);
		assertThat(this.received.sendRequests(bookingId)).isEmpty();
	}

	@Test
	void anEventNamingAnotherOrganizationsNumberIsDeadLetteredAndSendsNothing() {
		configureDefaultNumber();
		String elsewhere = "pn-elsewhere-" + UUID.randomUUID();
		configure("org-elsewhere", elsewhere, false);
		double refused = refused();
		String bookingId = "B-" + UUID.randomUUID();

		sendCloudEvent(UUID.randomUUID().toString(), BusinessEvent.BOOKING_CONFIRMED, bookingId,
				booking(bookingId, "+447911123456", elsewhere));

		await().atMost(TIMEOUT).until(() -> !this.received.deadLetters(bookingId).isEmpty());
		ConsumerRecord<String, Event> dead = this.received.deadLetters(bookingId).get(0);
		assertThat(header(dead, "kafka_dlt-exception-message"))
			.contains("Business phone number " + elsewhere + " is not a number of organization " + ORG
					+ ": an organization sends only from its own numbers")
			.doesNotContain("org-elsewhere");
		assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).isEqualTo(IllegalArgumentException.class.getName());
		assertThat(((BusinessEvent) dead.value()).subject()).isEqualTo(bookingId);
		assertThat(refused()).isEqualTo(refused + 1);

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
		double ignored = this.meters.counter("workflow.events.ignored", "type", "inquiry.received").count();
		sendCloudEvent(UUID.randomUUID().toString(), "inquiry.received", "I-1", "{\"inquiryId\":\"I-1\"}");
		await().atMost(TIMEOUT)
			.until(() -> this.meters.counter("workflow.events.ignored", "type", "inquiry.received").count() > ignored);
	}

	private void configureDefaultNumber() {
		if (this.accounts.defaultNumber(ORG).filter((number) -> number.defaultNumber()).isPresent()) {
			return;
		}
		configure(ORG, PHONE_NUMBER_ID, true);
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
				 "packageName":"Lisbon Old Town Walk","startDate":"2026-12-05","reference":"REF-%s"}
				""".formatted(bookingId, phone, bookingId);
	}

	private static String booking(String bookingId, String phone, String phoneNumberId) {
		return """
				{"bookingId":"%s","customerName":"Ana Souza","customerPhone":"%s",
				 "packageName":"Lisbon Old Town Walk","startDate":"2026-12-05","reference":"REF-%s",
				 "phoneNumberId":"%s"}
				""".formatted(bookingId, phone, bookingId, phoneNumberId);
	}

	/** A CloudEvent in Kafka binary mode, as any backend would produce it. */
	private static void sendCloudEvent(String id, String type, String subject, String data) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.BUSINESS_EVENTS.name(), subject,
				data.getBytes(StandardCharsets.UTF_8));
		header(record, EventHeaders.ID, id);
		header(record, EventHeaders.TYPE, type);
		header(record, EventHeaders.SOURCE, "/bookings");
		header(record, EventHeaders.SPEC_VERSION, "1.0");
		header(record, EventHeaders.TIME, Instant.now().toString());
		header(record, EventHeaders.SUBJECT, subject);
		header(record, EventHeaders.ORGANIZATION_ID, ORG);
		header(record, EventHeaders.CONTENT_TYPE, "application/json");
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

		@KafkaListener(topics = { "wa.send-requests", "wa.business-events-dlt" }, groupId = "workflow-service-tests")
		void on(ConsumerRecord<String, Event> record) {
			this.records.add(record);
		}

		List<ConsumerRecord<String, Event>> sendRequests(String bookingId) {
			return this.records.stream()
				.filter((record) -> record.topic().equals(Topics.SEND_REQUESTS.name()))
				.filter((record) -> record.value() instanceof SendRequest request && request.context() != null
						&& bookingId.equals(request.context().id()))
				.toList();
		}

		List<ConsumerRecord<String, Event>> deadLetters(String subject) {
			return this.records.stream()
				.filter((record) -> record.topic().equals(Topics.BUSINESS_EVENTS.dlt()))
				.filter((record) -> subject.equals(record.key()))
				.toList();
		}

	}

}
