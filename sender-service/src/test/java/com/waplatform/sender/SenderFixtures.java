package com.waplatform.sender;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.crypto.CredentialCipher;
import com.waplatform.common.event.Event;
import com.waplatform.common.kafka.Topic;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.Priority;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.support.kafka.EventPublisher;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.test.StepVerifier;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.awaitility.Awaitility.await;

/**
 * Fixtures of the sender's Spring tests: business numbers, requests, publishing, the
 * table, and what the sender published ({@link Received}).
 */
public final class SenderFixtures {

	public static final Duration WAIT = Duration.ofSeconds(30);

	public static final String TOKEN = "EAAG-test-token";

	private static final AtomicLong COUNTER = new AtomicLong(System.nanoTime() % 1_000_000);

	private final EventPublisher publisher;

	private final CredentialCipher cipher;

	private final AccountDirectory accounts;

	private final DatabaseClient db;

	public SenderFixtures(EventPublisher publisher, CredentialCipher cipher, AccountDirectory accounts,
			DatabaseClient db) {
		this.publisher = publisher;
		this.cipher = cipher;
		this.accounts = accounts;
		this.db = db;
	}

	/** A new business number of the organization, known to the sender's directory. */
	public String configuredNumber(String organizationId) {
		String number = "pn-" + UUID.randomUUID();
		configure(organizationId, number, TOKEN, 80);
		return number;
	}

	/** (Re)configures a number and waits until the sender's directory has it. */
	public void configure(String organizationId, String number, String token, int throughput) {
		String sealed = this.cipher.seal(token);
		publish(Topics.ACCOUNTS,
				PhoneNumberConfigured.of(organizationId, number, "waba-1", "+1 555 0100", sealed, throughput, true));
		await().atMost(WAIT)
			.until(() -> this.accounts.phoneNumber(number)
				.filter((configured) -> configured.accessTokenSealed().equals(sealed))
				.isPresent());
	}

	public static String uniqueRecipient() {
		return "+1555" + String.format("%07d", COUNTER.incrementAndGet());
	}

	public static SendRequest request(String organizationId, String number, String recipient,
			@org.jspecify.annotations.Nullable Instant expiresAt) {
		return SendRequest.of(organizationId, UUID.randomUUID().toString(), number, recipient,
				MetaMessage.text(recipient, "Your booking is confirmed"), null, Priority.TRANSACTIONAL, expiresAt,
				"test");
	}

	public <V extends Event> void publish(Topic<V> topic, V event) {
		StepVerifier.create(this.publisher.publish(topic, event)).expectComplete().verify(Duration.ofSeconds(10));
	}

	public Map<String, Object> row(String messageId) {
		return this.db.sql("select * from messages where message_id = :id")
			.bind("id", messageId)
			.fetch()
			.one()
			.block(Duration.ofSeconds(10));
	}

	public static String header(ConsumerRecord<?, ?> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	/** Registers {@link Received}. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Listeners {

		@Bean
		Received received() {
			return new Received();
		}

	}

	/** What the sender published on the status and dead-letter topics. */
	public static class Received {

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

		/**
		 * The statuses published for the message (the tests publish Meta's only where
		 * said).
		 */
		public List<StatusEvent> statuses(String messageId) {
			return this.statuses.stream()
				.filter((record) -> messageId.equals(record.key()))
				.map((record) -> (StatusEvent) record.value())
				.toList();
		}

		public StatusEvent awaitStatus(String messageId) {
			await().atMost(WAIT).until(() -> !statuses(messageId).isEmpty());
			return statuses(messageId).get(0);
		}

		public List<ConsumerRecord<String, Event>> deadLetters(String messageId) {
			return this.deadLetters.stream()
				.filter((record) -> record.value() instanceof SendRequest request
						&& messageId.equals(request.messageId()))
				.toList();
		}

	}

}
