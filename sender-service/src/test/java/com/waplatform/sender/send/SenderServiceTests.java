package com.waplatform.sender.send;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.crypto.CredentialCipher;
import com.waplatform.common.event.Event;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.ErrorInfo;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.common.message.Priority;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.sender.SenderApplication;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.support.kafka.EventPublisher;
import com.waplatform.testsupport.Infrastructure;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sender against real Kafka and PostgreSQL, with Meta played by a real HTTP server.
 * Each test uses its own business number and recipient.
 */
@SpringBootTest(classes = { SenderApplication.class, SenderServiceTests.Listeners.class },
		properties = { "spring.config.name=sender-service", "sender.retry.first-backoff=10ms",
				"sender.retry.max-backoff=50ms", "sender.retry.max-attempts=3", "sender.meta.read-timeout=1s",
				"resilience4j.circuitbreaker.configs.meta.sliding-window-size=4",
				"resilience4j.circuitbreaker.configs.meta.minimum-number-of-calls=4" })
@DirtiesContext
class SenderServiceTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final String TOKEN = "EAAG-test-token";

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
	CircuitBreakerRegistry breakers;

	@Autowired
	Received received;

	@Test
	void acceptedMessageIsSentOnceAndARedeliveryIsNotSentAgain() {
		String number = configuredNumber();
		String recipient = uniqueRecipient();
		SendRequest request = request(number, recipient, null);

		publish(request);

		StatusEvent accepted = awaitStatus(request.messageId());
		assertThat(accepted.status()).isEqualTo(MessageStatus.ACCEPTED);
		assertThat(accepted.wamid()).isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJCOTY3NDc0NDFDRUI3NTA0Q0UA");
		assertThat(accepted.organizationId()).isEqualTo("org-1");
		assertThat(accepted.phoneNumberId()).isEqualTo(number);
		assertThat(accepted.recipient()).isEqualTo(recipient);
		List<FakeMeta.Call> calls = meta.callsTo(recipient);
		assertThat(calls).hasSize(1);
		FakeMeta.Call call = calls.get(0);
		assertThat(call.method()).isEqualTo("POST");
		assertThat(call.path()).isEqualTo("/v23.0/" + number + "/messages");
		assertThat(call.authorization()).isEqualTo("Bearer " + TOKEN);
		assertThat(call.body().get("biz_opaque_callback_data").stringValue()).isEqualTo(request.messageId());
		assertThat(call.body().get("messaging_product").stringValue()).isEqualTo("whatsapp");
		assertThat(call.body().get("text").get("body").stringValue()).isEqualTo("Your booking is confirmed");
		assertThat(row(request.messageId())).containsEntry("state", "ACCEPTED")
			.containsEntry("wamid", accepted.wamid())
			.containsEntry("attempts", 1);

		double skippedBefore = duplicatesSkipped();
		publish(request);

		await().atMost(WAIT).until(() -> duplicatesSkipped() > skippedBefore);
		assertThat(meta.callsTo(recipient)).hasSize(1);
		assertThat(this.received.statuses(request.messageId())).hasSize(1);
		assertThat(row(request.messageId())).containsEntry("state", "ACCEPTED").containsEntry("attempts", 1);
	}

	@Test
	void permanentMetaErrorFailsTheMessageWithMetaReason() {
		String number = configuredNumber();
		String recipient = uniqueRecipient();
		meta.script(recipient, FakeMeta.TEMPLATE_NOT_FOUND);
		SendRequest request = request(number, recipient, null);

		publish(request);

		StatusEvent failed = awaitStatus(request.messageId());
		assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
		assertThat(failed.error()).isEqualTo(ErrorInfo.of(132001, "Template name does not exist in the translation",
				"template name (Nasilsin ya) does not exist in en_US"));
		assertThat(failed.wamid()).isNull();
		assertThat(meta.callsTo(recipient)).hasSize(1);
		assertThat(row(request.messageId())).containsEntry("state", "FAILED").containsEntry("error_code", 132001);
		assertThat(this.meters.find("sender.meta.errors").tag("code", "132001").counter()).isNotNull();
	}

	@Test
	void expiredRequestIsNeverSent() {
		String number = configuredNumber();
		String recipient = uniqueRecipient();
		SendRequest request = request(number, recipient, Instant.now().minusSeconds(60));

		publish(request);

		StatusEvent expired = awaitStatus(request.messageId());
		assertThat(expired.status()).isEqualTo(MessageStatus.EXPIRED);
		assertThat(expired.error().title()).isEqualTo("Time-to-live elapsed");
		assertThat(expired.error().code()).isNull();
		assertThat(meta.callsTo(recipient)).isEmpty();
		assertThat(row(request.messageId())).containsEntry("state", "EXPIRED").containsEntry("attempts", 0);
	}

	@Test
	void unknownBusinessNumberFailsWithoutCallingMeta() {
		String recipient = uniqueRecipient();
		SendRequest request = request("pn-unknown-" + UUID.randomUUID(), recipient, null);

		publish(request);

		StatusEvent failed = awaitStatus(request.messageId());
		assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
		assertThat(failed.error().title()).isEqualTo("Unknown business phone number");
		assertThat(meta.callsTo(recipient)).isEmpty();
	}

	@Test
	void throughputErrorIsRetriedUntilAccepted() {
		String number = configuredNumber();
		String recipient = uniqueRecipient();
		meta.script(recipient, FakeMeta.RATE_LIMIT_HIT);
		SendRequest request = request(number, recipient, null);

		publish(request);

		StatusEvent accepted = awaitStatus(request.messageId());
		assertThat(accepted.status()).isEqualTo(MessageStatus.ACCEPTED);
		assertThat(meta.callsTo(recipient)).hasSize(2);
		assertThat(row(request.messageId())).containsEntry("state", "ACCEPTED").containsEntry("attempts", 2);
	}

	@Test
	void unansweredCallTimesOutAndIsRetried() {
		String number = configuredNumber();
		String recipient = uniqueRecipient();
		meta.script(recipient, FakeMeta.NO_ANSWER);
		SendRequest request = request(number, recipient, null);

		publish(request);

		StatusEvent accepted = awaitStatus(request.messageId());
		assertThat(accepted.status()).isEqualTo(MessageStatus.ACCEPTED);
		assertThat(meta.callsTo(recipient)).hasSize(2);
		assertThat(this.meters.find("sender.meta.errors").tag("code", "timeout").counter()).isNotNull();
	}

	@Test
	void exhaustedRetriesDeadLetterTheRequestAndKeepTheMessagePending() {
		String number = configuredNumber();
		String recipient = uniqueRecipient();
		FakeMeta.Answer[] alwaysLimited = new FakeMeta.Answer[20];
		Arrays.fill(alwaysLimited, FakeMeta.RATE_LIMIT_HIT);
		meta.script(recipient, alwaysLimited);
		SendRequest request = request(number, recipient, null);

		publish(request);

		await().atMost(WAIT).until(() -> !this.received.deadLetters(request.messageId()).isEmpty());
		ConsumerRecord<String, Event> deadLetter = this.received.deadLetters(request.messageId()).get(0);
		assertThat(deadLetter.value()).isEqualTo(request);
		assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_STACKTRACE)).contains("130429");
		// 3 calls per delivery, 2 deliveries (platform.kafka.retry-attempts=2 in tests)
		assertThat(meta.callsTo(recipient)).hasSize(6);
		assertThat(this.received.statuses(request.messageId())).isEmpty();
		assertThat(row(request.messageId())).containsEntry("state", "PENDING")
			.containsEntry("attempts", 6)
			.containsEntry("error_code", 130429);
	}

	@Test
	void metaOutageOpensTheNumbersCircuitBreakerAndDeadLettersTheRequest() {
		String number = configuredNumber();
		String recipient = uniqueRecipient();
		FakeMeta.Answer[] outage = new FakeMeta.Answer[20];
		Arrays.fill(outage, FakeMeta.UNAVAILABLE);
		meta.script(recipient, outage);
		SendRequest request = request(number, recipient, null);

		publish(request);

		await().atMost(WAIT).until(() -> !this.received.deadLetters(request.messageId()).isEmpty());
		// 3 + 1 calls fail (HTTP 503 without body), then the open breaker refuses the
		// rest
		assertThat(meta.callsTo(recipient)).hasSize(4);
		assertThat(this.breakers.circuitBreaker("meta-" + number).getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(header(this.received.deadLetters(request.messageId()).get(0), KafkaHeaders.DLT_EXCEPTION_STACKTRACE))
			.contains("CallNotPermittedException");
		assertThat(row(request.messageId())).containsEntry("state", "PENDING").containsEntry("attempts", 4);
		assertThat(this.meters.find("sender.meta.errors").tag("code", "http_503").counter().count())
			.isGreaterThanOrEqualTo(4);
	}

	private String configuredNumber() {
		String number = "pn-" + UUID.randomUUID();
		PhoneNumberConfigured configured = PhoneNumberConfigured.of("org-1", number, "waba-1", "+1 555 0100",
				this.cipher.seal(TOKEN), 80, true);
		StepVerifier.create(this.publisher.publish(Topics.ACCOUNTS, configured))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		await().atMost(WAIT).until(() -> this.accounts.phoneNumber(number).isPresent());
		return number;
	}

	private static String uniqueRecipient() {
		return "+1555" + String.format("%07d", COUNTER.incrementAndGet());
	}

	private static final AtomicLong COUNTER = new AtomicLong(System.nanoTime() % 1_000_000);

	private static SendRequest request(String number, String recipient, Instant expiresAt) {
		return SendRequest.of("org-1", UUID.randomUUID().toString(), number, recipient,
				MetaMessage.text(recipient, "Your booking is confirmed"), null, Priority.TRANSACTIONAL, expiresAt,
				"test");
	}

	private void publish(SendRequest request) {
		StepVerifier.create(this.publisher.publish(Topics.SEND_REQUESTS, request))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}

	private StatusEvent awaitStatus(String messageId) {
		await().atMost(WAIT).until(() -> !this.received.statuses(messageId).isEmpty());
		return this.received.statuses(messageId).get(0);
	}

	private Map<String, Object> row(String messageId) {
		return this.db.sql("select * from messages where message_id = :id")
			.bind("id", messageId)
			.fetch()
			.one()
			.block(Duration.ofSeconds(10));
	}

	private double duplicatesSkipped() {
		Counter counter = this.meters.find("sender.duplicates.skipped").counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Listeners {

		@Bean
		Received received() {
			return new Received();
		}

	}

	static class Received {

		private final List<ConsumerRecord<String, Event>> statuses = new CopyOnWriteArrayList<>();

		private final List<ConsumerRecord<String, Event>> deadLetters = new CopyOnWriteArrayList<>();

		@KafkaListener(topics = "wa.status-events", groupId = "sender-tests-statuses")
		void onStatus(ConsumerRecord<String, Event> record) {
			this.statuses.add(record);
		}

		@KafkaListener(topics = "wa.send-requests-dlt", groupId = "sender-tests-dead-letters")
		void onDeadLetter(ConsumerRecord<String, Event> record) {
			this.deadLetters.add(record);
		}

		List<StatusEvent> statuses(String messageId) {
			return this.statuses.stream()
				.filter((record) -> messageId.equals(record.key()))
				.map((record) -> (StatusEvent) record.value())
				.toList();
		}

		List<ConsumerRecord<String, Event>> deadLetters(String messageId) {
			return this.deadLetters.stream()
				.filter((record) -> record.value() instanceof SendRequest request
						&& messageId.equals(request.messageId()))
				.toList();
		}

	}

}
