package com.waplatform.sender;

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
import com.waplatform.common.kafka.Topic;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.Priority;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.common.meta.MessageTemplate;
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
		return configuredNumber(organizationId, "waba-1");
	}

	/**
	 * A new business number of the organization's WABA, known to the sender's directory.
	 */
	public String configuredNumber(String organizationId, String wabaId) {
		String number = "pn-" + UUID.randomUUID();
		configure(organizationId, number, TOKEN, 80, wabaId);
		return number;
	}

	/** (Re)configures a number and waits until the sender's directory has it. */
	public void configure(String organizationId, String number, String token, int throughput) {
		configure(organizationId, number, token, throughput, "waba-1");
	}

	private void configure(String organizationId, String number, String token, int throughput, String wabaId) {
		String sealed = this.cipher.seal(token);
		publish(Topics.ACCOUNTS,
				PhoneNumberConfigured.of(organizationId, number, wabaId, "+1 555 0100", sealed, throughput, true));
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

	/**
	 * A template message of {@code name} in {@code language}, its body filled with
	 * {@code bodyValues}.
	 */
	public static SendRequest templateRequest(String organizationId, String number, String recipient, String name,
			String language, String... bodyValues) {
		List<MetaMessage.Component> components = (bodyValues.length == 0) ? null
				: List.of(new MetaMessage.Component("body", null, null,
						Arrays.stream(bodyValues).map(MetaMessage.Parameter::text).toList()));
		MetaMessage message = MetaMessage.template(recipient,
				new MetaMessage.Template(name, MetaMessage.Language.of(language), components));
		return SendRequest.of(organizationId, UUID.randomUUID().toString(), number, recipient, message, null,
				Priority.TRANSACTIONAL, null, "workflow");
	}

	/** A template of one body variable, {@code Hi {{1}}, your order is ready.} */
	public static MessageTemplate orderReady(String language, String status) {
		return new MessageTemplate("tpl-order-ready-" + language, "order_ready", language, status, "UTILITY",
				"POSITIONAL",
				List.of(new MessageTemplate.Component("BODY", null, "Hi {{1}}, your order is ready.", null, null)),
				null, null, null);
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

		public List<ConsumerRecord<String, Event>> statusRecords(String messageId) {
			return this.statuses.stream().filter((record) -> messageId.equals(record.key())).toList();
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
