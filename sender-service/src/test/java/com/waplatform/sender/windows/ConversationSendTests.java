package com.waplatform.sender.windows;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.waplatform.common.crypto.CredentialCipher;
import com.waplatform.common.inbound.InboundMessage;
import com.waplatform.common.json.Json;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.common.message.Priority;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.sender.SenderApplication;
import com.waplatform.sender.SenderFixtures;
import com.waplatform.sender.SenderFixtures.Received;
import com.waplatform.sender.Simulator;
import com.waplatform.sender.domain.CustomerWindow;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.support.kafka.EventPublisher;
import com.waplatform.testsupport.Infrastructure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.waplatform.sender.SenderFixtures.TOKEN;
import static com.waplatform.sender.SenderFixtures.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sender against the Meta simulator (its ledger and counts show what reached "Meta"),
 * real Kafka and PostgreSQL: the 24-hour window re-checked just before the call, the
 * sending state published per number, and location, contacts and cta_url messages.
 */
@SpringBootTest(classes = { SenderApplication.class, SenderFixtures.Listeners.class },
		properties = { "spring.config.name=sender-service", "sender.retry.throughput-retry-delay=200ms",
				"sender.queue.housekeeping=100ms", "sender.sending-state.interval=1s",
				// every request here is judged on the sender's own view of the window
				"sender.window.fresh-request=0s" })
@DirtiesContext
class ConversationSendTests {

	private static final AtomicLong CUSTOMERS = new AtomicLong(ThreadLocalRandom.current().nextInt(10_000));

	private static Simulator simulator;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
		simulator = Simulator.start();
		registry.add("sender.meta.base-url", simulator::baseUrl);
	}

	@AfterAll
	static void stopSimulator() {
		simulator.close();
	}

	@Autowired
	EventPublisher publisher;

	@Autowired
	CredentialCipher cipher;

	@Autowired
	AccountDirectory accounts;

	@Autowired
	DatabaseClient db;

	@Autowired
	MeterRegistry meters;

	@Autowired
	Received received;

	@Autowired
	WindowChecks windows;

	SenderFixtures fixtures;

	String organization;

	@BeforeEach
	void fixtures() {
		this.fixtures = new SenderFixtures(this.publisher, this.cipher, this.accounts, this.db);
		// its own organization per test: a pause is the organization's
		this.organization = "org-" + UUID.randomUUID();
	}

	// --- the 24-hour window ---

	@Test
	void aFreeFormMessageInsideTheWindowIsSent() {
		String number = number(true);
		String customer = customer();
		simulator.customerWrote(number, customer);
		customerWrote(number, customer, Instant.now());

		SendRequest request = text(number, customer, "Your table is ready");
		this.fixtures.publish(Topics.SEND_REQUESTS, request);

		assertThat(this.received.awaitStatus(request.messageId()).status()).isEqualTo(MessageStatus.ACCEPTED);
		assertThat(simulator.accepted(request.messageId()).path("text").path("body").asString())
			.isEqualTo("Your table is ready");
		assertThat(refused(number)).isZero();
	}

	@Test
	void aFreeFormMessageToACustomerWhoNeverWroteIsRefusedWithoutCallingMeta() {
		String number = number(true);
		String customer = customer();
		// the simulator would accept it: only the sender's check can refuse it
		simulator.customerWrote(number, customer);

		SendRequest request = text(number, customer, "Hello?");
		this.fixtures.publish(Topics.SEND_REQUESTS, request);

		StatusEvent failed = this.received.awaitStatus(request.messageId());
		assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
		assertThat(failed.error().code()).isEqualTo(131047);
		assertThat(failed.error().title()).isEqualTo("Re-engagement message");
		assertThat(failed.error().details()).contains("before calling Meta", "never wrote", "approved template");
		assertThat(simulator.received(number)).isZero();
		assertThat(refused(number)).isEqualTo(1);
		assertThat(this.fixtures.row(request.messageId())).containsEntry("state", "FAILED")
			.containsEntry("error_code", 131047);
	}

	@Test
	void aWindowThatClosesWhileTheMessageWaitsRefusesItWhenItsTurnComes() {
		// the number is not known yet: its messages wait (as behind a pause or a backlog)
		String number = numberId();
		simulator.account(number, TOKEN, true);
		String customer = customer();
		simulator.customerWrote(number, customer);
		// whole microseconds, as PostgreSQL keeps them
		Instant closesAt = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.MICROS);
		customerWrote(number, customer, closesAt.minus(Duration.ofHours(24)));

		SendRequest request = text(number, customer, "Still there?");
		this.fixtures.publish(Topics.SEND_REQUESTS, request);
		await().atMost(WAIT).until(() -> this.fixtures.row(request.messageId()) != null);
		Map<String, Object> queued = this.fixtures.row(request.messageId());
		assertThat(queued).containsEntry("state", "PENDING");
		assertThat(((java.time.OffsetDateTime) queued.get("created_at")).toInstant()).isBefore(closesAt);

		await().atMost(WAIT).until(() -> Instant.now().isAfter(closesAt));
		assertThat(this.received.statuses(request.messageId())).isEmpty();
		this.fixtures.configure(this.organization, number, TOKEN, 80);

		StatusEvent failed = this.received.awaitStatus(request.messageId());
		assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
		assertThat(failed.error().code()).isEqualTo(131047);
		assertThat(failed.error().details()).contains("closed at " + closesAt);
		assertThat(simulator.received(number)).isZero();
		assertThat(refused(number)).isEqualTo(1);
	}

	@Test
	void aNewMessageFromTheCustomerReopensTheWindow() {
		String number = number(true);
		String customer = customer();
		simulator.customerWrote(number, customer);
		customerWrote(number, customer, Instant.now().minus(Duration.ofHours(25)));

		SendRequest late = text(number, customer, "About yesterday");
		this.fixtures.publish(Topics.SEND_REQUESTS, late);
		assertThat(this.received.awaitStatus(late.messageId()).error().code()).isEqualTo(131047);
		assertThat(simulator.received(number)).isZero();

		customerWrote(number, customer, Instant.now());
		SendRequest reply = text(number, customer, "Thanks for writing back");
		this.fixtures.publish(Topics.SEND_REQUESTS, reply);

		assertThat(this.received.awaitStatus(reply.messageId()).status()).isEqualTo(MessageStatus.ACCEPTED);
		assertThat(simulator.accepted(reply.messageId())).isNotNull();
		assertThat(simulator.received(number)).isEqualTo(1);
		assertThat(refused(number)).isEqualTo(1);
	}

	@Test
	void metasAnswer131047ClosesTheWindowForTheNextMessages() {
		String number = number(true);
		String customer = customer();
		// the sender believes the window open; Meta (the simulator) never saw the
		// customer write
		customerWrote(number, customer, Instant.now());
		double closures = count("sender.window.closures");

		SendRequest first = text(number, customer, "First");
		this.fixtures.publish(Topics.SEND_REQUESTS, first);
		StatusEvent refusedByMeta = this.received.awaitStatus(first.messageId());
		assertThat(refusedByMeta.error().code()).isEqualTo(131047);
		assertThat(refusedByMeta.error().details()).contains("only an approved template message can be sent");
		assertThat(simulator.received(number)).isEqualTo(1);
		await().atMost(WAIT).until(() -> stored(number, customer).closedAt() != null);
		assertThat(count("sender.window.closures") - closures).isEqualTo(1);

		SendRequest second = text(number, customer, "Second");
		this.fixtures.publish(Topics.SEND_REQUESTS, second);
		StatusEvent refusedByUs = this.received.awaitStatus(second.messageId());
		assertThat(refusedByUs.error().code()).isEqualTo(131047);
		assertThat(refusedByUs.error().details()).contains("Meta reported the window closed");
		assertThat(simulator.received(number)).isEqualTo(1);
		assertThat(refused(number)).isEqualTo(1);
	}

	// --- location, contacts, cta_url ---

	@Test
	void locationContactsAndCtaUrlMessagesReachMetaUnchanged() {
		String number = number(true);
		String customer = customer();
		simulator.customerWrote(number, customer);
		customerWrote(number, customer, Instant.now());
		List<String> bodies = List.of("""
				{"type": "location", "location": {"latitude": "38.7223", "longitude": "-9.1393",
				  "name": "Praça do Comércio", "address": "1100-148 Lisboa"}}""", """
				{"type": "contacts", "contacts": [{"name": {"formatted_name": "Ana Lima", "first_name": "Ana"},
				  "phones": [{"phone": "+351912345678", "type": "CELL", "wa_id": "351912345678"}],
				  "emails": [{"email": "ana@example.com", "type": "WORK"}]}]}""",
				"""
						{"type": "interactive", "interactive": {"type": "cta_url", "header": {"type": "text", "text": "Tickets"},
						  "body": {"text": "Your tickets are ready"}, "footer": {"text": "Lisbon Tours"},
						  "action": {"name": "cta_url", "parameters": {"display_text": "Open tickets",
						  "url": "https://example.com/tickets?id=42"}}}}""");

		for (String body : bodies) {
			JsonNode sent = Json.mapper().readTree(body);
			MetaMessage message = Json.mapper().readValue(body, MetaMessage.class);
			SendRequest request = SendRequest.of(this.organization, UUID.randomUUID().toString(), number, customer,
					message, null, Priority.TRANSACTIONAL, null, "test");
			this.fixtures.publish(Topics.SEND_REQUESTS, request);

			assertThat(this.received.awaitStatus(request.messageId()).status()).as(body)
				.isEqualTo(MessageStatus.ACCEPTED);
			JsonNode atMeta = simulator.accepted(request.messageId());
			String type = sent.path("type").asString();
			assertThat(atMeta.path("type").asString()).isEqualTo(type);
			assertThat(atMeta.path("to").asString()).isEqualTo(customer);
			assertThat(atMeta.get(type)).as(type).isEqualTo(sent.get(type));
		}
	}

	// --- sending state ---

	@Test
	void afterA130429TheSendingStateShowsTheLoweredRateAndTheMessagesWaiting() {
		String number = number(false);
		String customer = customer();
		customerWrote(number, customer, Instant.now());
		simulator.faults(number, Map.of("errorRate", 1.0, "errorCodes", List.of(130429)));

		List<SendRequest> requests = List.of(text(number, customer, "1"), text(number, customer, "2"));
		requests.forEach((request) -> this.fixtures.publish(Topics.SEND_REQUESTS, request));

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.accounts.sendingState(number)).hasValueSatisfying((state) -> {
				assertThat(state.organizationId()).isEqualTo(this.organization);
				assertThat(state.limitPerSecond()).isEqualTo(80);
				assertThat(state.allowedPerSecond()).isLessThan(80);
				assertThat(state.inFlight()).isEqualTo(2);
				assertThat(state.retrying()).isPositive();
				assertThat(state.pausedReason()).isNull();
			}));

		simulator.clearFaults(number);
		requests.forEach((request) -> assertThat(this.received.awaitStatus(request.messageId()).status())
			.isEqualTo(MessageStatus.ACCEPTED));
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.accounts.sendingState(number)).hasValueSatisfying((state) -> {
				assertThat(state.inFlight()).isZero();
				assertThat(state.retrying()).isZero();
			}));
	}

	@Test
	void afterA190TheSendingStateNamesThePause() {
		String number = number(false);
		String customer = customer();
		customerWrote(number, customer, Instant.now());
		simulator.faults(number, Map.of("expiredToken", true));

		SendRequest request = text(number, customer, "Hello");
		this.fixtures.publish(Topics.SEND_REQUESTS, request);

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.accounts.sendingState(number)).hasValueSatisfying((state) -> {
				assertThat(state.pausedReason()).contains("Meta rejected the access token", "190", number);
				assertThat(state.inFlight()).isEqualTo(1);
				assertThat(state.retrying()).isEqualTo(1);
			}));
		assertThat(this.received.statuses(request.messageId())).isEmpty();
		simulator.clearFaults(number);
	}

	// --- fixtures ---

	/** A new business number of the test's organization, known to both sides. */
	private String number(boolean enforceWindowAtMeta) {
		String number = numberId();
		simulator.account(number, TOKEN, enforceWindowAtMeta);
		this.fixtures.configure(this.organization, number, TOKEN, 80);
		return number;
	}

	private static String numberId() {
		return "1" + String.format("%014d", ThreadLocalRandom.current().nextLong(100_000_000_000_000L));
	}

	/** A valid, new customer number (the simulator checks numbers). */
	private static String customer() {
		return "+1650555" + String.format("%04d", CUSTOMERS.incrementAndGet() % 10_000);
	}

	/**
	 * The customer's message on {@code wa.inbound-messages}, as the webhook service
	 * publishes it; waits until the sender recorded it.
	 */
	private void customerWrote(String number, String customer, Instant sentAt) {
		this.fixtures.publish(Topics.INBOUND_MESSAGES, InboundMessage.text(this.organization, number, customer, "Ana",
				"wamid.in-" + UUID.randomUUID(), sentAt, "Hi", null));
		Instant recorded = sentAt.truncatedTo(ChronoUnit.MICROS);
		await().atMost(WAIT).until(() -> {
			Instant last = stored(number, customer).lastInbound();
			return last != null && !last.isBefore(recorded);
		});
	}

	private CustomerWindow stored(String number, String customer) {
		return this.windows.stored(this.organization, number, customer).block(Duration.ofSeconds(10));
	}

	private SendRequest text(String number, String customer, String body) {
		return SendRequest.of(this.organization, UUID.randomUUID().toString(), number, customer,
				MetaMessage.text(customer, body), null, Priority.TRANSACTIONAL, null, "test");
	}

	private double refused(String number) {
		Counter counter = this.meters.find("sender.window.refused").tag("phone_number_id", number).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private double count(String name) {
		Counter counter = this.meters.find(name).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
