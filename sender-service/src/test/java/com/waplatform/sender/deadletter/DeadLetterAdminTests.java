package com.waplatform.sender.deadletter;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.waplatform.common.crypto.CredentialCipher;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.sender.FakeMeta;
import com.waplatform.sender.SenderApplication;
import com.waplatform.sender.SenderFixtures;
import com.waplatform.sender.SenderFixtures.Received;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.support.kafka.DeadLetterRecord;
import com.waplatform.support.kafka.DeadLetterTopicReader;
import com.waplatform.support.kafka.EventPublisher;
import com.waplatform.testsupport.Infrastructure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.waplatform.sender.SenderFixtures.WAIT;
import static com.waplatform.sender.SenderFixtures.request;
import static com.waplatform.sender.SenderFixtures.uniqueRecipient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dead-letter path end to end: a message whose retries are exhausted is
 * dead-lettered, listed with its reason, replayed and accepted exactly once.
 */
@SpringBootTest(classes = { SenderApplication.class, SenderFixtures.Listeners.class },
		properties = { "spring.config.name=sender-service",
				// these tests send free-form text to customers who never wrote: the
				// window
				// re-check has its own tests (ServiceWindowTests)
				"sender.window.enforce=false", "sender.retry.first-backoff=10ms", "sender.retry.max-backoff=50ms",
				"sender.retry.max-attempts=3", "platform.internal-api.token=" + DeadLetterAdminTests.TOKEN,
				"sender.queue.housekeeping=100ms" })
@AutoConfigureWebTestClient
@DirtiesContext
class DeadLetterAdminTests {

	static final String TOKEN = "test-internal-token";

	private static final FakeMeta meta = new FakeMeta();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
		registry.add("sender.meta.base-url", meta::baseUrl);
	}

	@AfterAll
	static void stopMeta() {
		meta.close();
	}

	@Autowired
	WebTestClient web;

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
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	DeadLetterTopicReader deadLetterReader;

	SenderFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new SenderFixtures(this.publisher, this.cipher, this.accounts, this.db);
	}

	@Test
	void deadLetteredMessageIsListedWithItsReasonAndReplayedExactlyOnce() {
		String org = "org-dlt-" + UUID.randomUUID();
		String number = this.fixtures.configuredNumber(org);
		String recipient = uniqueRecipient();
		meta.script(recipient, FakeMeta.SOMETHING_WENT_WRONG, FakeMeta.SOMETHING_WENT_WRONG,
				FakeMeta.SOMETHING_WENT_WRONG);
		SendRequest request = request(org, number, recipient, null);

		this.fixtures.publish(Topics.SEND_REQUESTS, request);
		await().atMost(WAIT).until(() -> !this.received.deadLetters(request.messageId()).isEmpty());

		List<Map<String, Object>> listed = list(org);
		assertThat(listed).singleElement().satisfies((letter) -> {
			assertThat(letter).containsEntry("messageId", request.messageId())
				.containsEntry("organizationId", org)
				.containsEntry("phoneNumberId", number)
				.containsEntry("recipient", recipient)
				.containsEntry("priority", "TRANSACTIONAL")
				.containsEntry("originalTopic", "wa.send-requests")
				.containsEntry("exceptionClass", "com.waplatform.sender.dispatch.SendDeferredException")
				.containsEntry("state", "DEAD_LETTERED")
				.containsKeys("partition", "offset", "timestamp", "originalPartition", "originalOffset");
			assertThat((String) letter.get("reason")).contains("(#131000) Something went wrong")
				.contains("retries exhausted after 3 failed attempt(s)");
		});
		assertThat(list("org-without-dead-letters")).isEmpty();

		// a replay without the service token is refused before it reaches the sender
		this.web.post()
			.uri("/internal/dead-letters/replay")
			.header(HttpHeaders.AUTHORIZATION, "Bearer not-the-token")
			.bodyValue(Map.of("organizationId", org, "messageIds", List.of(request.messageId())))
			.exchange()
			.expectStatus()
			.isUnauthorized();
		await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> meta.callsTo(recipient).size() == 3);
		assertThat(this.fixtures.row(request.messageId())).containsEntry("state", "DEAD_LETTERED");

		Map<String, Object> replayed = replay(org, request.messageId(), "no-such-message");
		assertThat(replayed).containsEntry("organizationId", org);
		assertThat(results(replayed)).containsExactly(
				Map.of("messageId", request.messageId(), "result", "REPLAYED", "state", "PENDING"),
				// nulls are left out of the JSON
				Map.of("messageId", "no-such-message", "result", "NOT_FOUND"));

		await().atMost(WAIT).until(() -> !accepted(request.messageId()).isEmpty());
		assertThat(meta.callsTo(recipient)).hasSize(4);
		assertThat(this.fixtures.row(request.messageId())).containsEntry("state", "ACCEPTED");

		// replaying an accepted message again does not send it twice
		assertThat(results(replay(org, request.messageId())))
			.containsExactly(Map.of("messageId", request.messageId(), "result", "SKIPPED", "state", "ACCEPTED"));
		await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> meta.callsTo(recipient).size() == 4);
		assertThat(accepted(request.messageId())).hasSize(1);
		assertThat(list(org)).singleElement()
			.satisfies((letter) -> assertThat(letter).containsEntry("state", "ACCEPTED"));
	}

	@Test
	void deadLetterEndpointsNeedThePlatformServiceToken() {
		this.web.get()
			.uri("/internal/dead-letters?organizationId=org-1")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(401)
			.jsonPath("$.instance")
			.isEqualTo("/internal/dead-letters");
		this.web.get()
			.uri("/internal/dead-letters?organizationId=org-1")
			.header(HttpHeaders.AUTHORIZATION, "Bearer wrong")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		// the sender's former header is not a credential any more
		this.web.get()
			.uri("/internal/dead-letters?organizationId=org-1")
			.header("X-Admin-Token", TOKEN)
			.exchange()
			.expectStatus()
			.isUnauthorized();
		this.web.post()
			.uri("/internal/dead-letters/replay")
			.bodyValue(Map.of("organizationId", "org-1", "messageIds", List.of("x")))
			.exchange()
			.expectStatus()
			.isUnauthorized();
		this.web.post()
			.uri("/internal/dead-letters/replay")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)
			.bodyValue(Map.of("organizationId", "org-1", "messageIds", List.of()))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("messageIds must list at least one message id");
		assertThat(list("org-1-" + UUID.randomUUID())).isEmpty();
	}

	@Test
	void aWaitingMessageWhoseNumberTurnsOutToBeAnotherOrganizationsIsRefusedAtOnceAndSoIsItsReplay() {
		String owner = "org-owner-" + UUID.randomUUID();
		String intruder = "org-intruder-" + UUID.randomUUID();
		String number = "pn-late-" + UUID.randomUUID();
		String recipient = uniqueRecipient();
		SendRequest request = request(intruder, number, recipient, null);
		double refused = deadLetters("foreign_number");

		// the directory does not know the number yet (as just after a start): the message
		// waits for it
		this.fixtures.publish(Topics.SEND_REQUESTS, request);
		await().atMost(WAIT).until(() -> retries(number, "unknown_number") > 0);
		assertThat(this.received.deadLetters(request.messageId())).isEmpty();

		// it learns the number is another organization's: refused at once, not after the
		// unknown-number timeout (60 s here)
		this.fixtures.configure(owner, number, SenderFixtures.TOKEN, 80);
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.received.deadLetters(request.messageId()).isEmpty());
		assertThat(SenderFixtures.header(this.received.deadLetters(request.messageId()).get(0),
				KafkaHeaders.DLT_EXCEPTION_MESSAGE))
			.contains("Business phone number " + number + " is not a number of organization " + intruder)
			.doesNotContain(owner);
		assertThat(this.fixtures.row(request.messageId())).containsEntry("state", "DEAD_LETTERED")
			.containsEntry("attempts", 0);
		assertThat(deadLetters("foreign_number")).isEqualTo(refused + 1);

		// listed to its organization with the reason; a replay is refused again, at
		// admission
		assertThat(list(intruder)).singleElement().satisfies((letter) -> {
			assertThat(letter).containsEntry("phoneNumberId", number).containsEntry("state", "DEAD_LETTERED");
			assertThat((String) letter.get("reason")).contains("is not a number of organization " + intruder);
		});
		assertThat(list(owner)).isEmpty();
		assertThat(results(replay(intruder, request.messageId())))
			.containsExactly(Map.of("messageId", request.messageId(), "result", "REPLAYED", "state", "PENDING"));
		await().atMost(WAIT).until(() -> this.received.deadLetters(request.messageId()).size() == 2);
		assertThat(deadLetters("foreign_number")).isEqualTo(refused + 2);
		await().during(Duration.ofSeconds(1))
			.atMost(WAIT)
			.until(() -> "DEAD_LETTERED".equals(this.fixtures.row(request.messageId()).get("state")));
		assertThat(meta.callsTo(recipient)).isEmpty();
		assertThat(this.received.statuses(request.messageId())).isEmpty();
	}

	@Test
	void sendRequestConsumerResumesQuicklyAndItsLagIsMeasured() {
		assertThat(this.listeners.getListenerContainer("sender-send-requests")
			.getContainerProperties()
			.getPollTimeoutWhilePaused()).isEqualTo(Duration.ofMillis(10));
		await().atMost(WAIT)
			.until(() -> !this.meters.find("kafka.consumer.fetch.manager.records.lag.max").gauges().isEmpty());
	}

	private List<Map<String, Object>> list(String org) {
		return this.web.get()
			.uri("/internal/dead-letters?organizationId={org}", org)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private Map<String, Object> replay(String org, String... messageIds) {
		return this.web.post()
			.uri("/internal/dead-letters/replay")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)
			.bodyValue(Map.of("organizationId", org, "messageIds", List.of(messageIds)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	/**
	 * What the gateway's dead-letter admin API publishes (service-support's
	 * {@code DeadLetterRecord.replay}, with its replay header) makes the dead-lettered
	 * message sendable again, with its failed attempts back to 0; the same record once
	 * more does not send it twice.
	 */
	@Test
	void aSendRequestReplayedFromItsDeadLetterTopicIsSentAgainOnce() throws Exception {
		String org = "org-dlt-replayed-" + UUID.randomUUID();
		String number = this.fixtures.configuredNumber(org);
		String recipient = uniqueRecipient();
		meta.script(recipient, FakeMeta.SOMETHING_WENT_WRONG, FakeMeta.SOMETHING_WENT_WRONG,
				FakeMeta.SOMETHING_WENT_WRONG, FakeMeta.SOMETHING_WENT_WRONG);
		SendRequest request = request(org, number, recipient, null);
		this.fixtures.publish(Topics.SEND_REQUESTS, request);
		await().atMost(WAIT).until(() -> !this.received.deadLetters(request.messageId()).isEmpty());
		assertThat(this.fixtures.row(request.messageId())).containsEntry("state", "DEAD_LETTERED")
			.containsEntry("failures", 3);
		DeadLetterRecord letter = this.deadLetterReader.readAll(Topics.SEND_REQUESTS.dlt())
			.block(WAIT)
			.stream()
			.filter((record) -> record.organizationId() != null && org.equals(record.organizationId()))
			.findFirst()
			.orElseThrow();

		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				Infrastructure.kafka().getBrokersAsString(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
				ByteArraySerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
			producer.send(letter.replay(Topics.SEND_REQUESTS)).get(10, TimeUnit.SECONDS);
			// one more failure (the fourth scripted) is charged as the first again, then
			// Meta accepts it: failures were reset, or a fourth would dead-letter it
			await().atMost(WAIT).until(() -> !accepted(request.messageId()).isEmpty());
			assertThat(meta.callsTo(recipient)).hasSize(5);
			assertThat(this.fixtures.row(request.messageId())).containsEntry("state", "ACCEPTED");

			producer.send(letter.replay(Topics.SEND_REQUESTS)).get(10, TimeUnit.SECONDS);
		}
		await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> meta.callsTo(recipient).size() == 5);
		assertThat(accepted(request.messageId())).hasSize(1);
	}

	private double deadLetters(String reason) {
		Counter counter = this.meters.find("sender.dead.letters").tag("reason", reason).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private double retries(String number, String reason) {
		return this.meters.find("sender.retries")
			.tag("phone_number_id", number)
			.tag("reason", reason)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> results(Map<String, Object> response) {
		return (List<Map<String, Object>>) response.get("results");
	}

	private List<StatusEvent> accepted(String messageId) {
		return this.received.statuses(messageId)
			.stream()
			.filter((status) -> status.status() == MessageStatus.ACCEPTED)
			.toList();
	}

}
