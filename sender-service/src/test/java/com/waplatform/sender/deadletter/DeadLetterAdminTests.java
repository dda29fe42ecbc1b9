package com.waplatform.sender.deadletter;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import com.waplatform.support.kafka.EventPublisher;
import com.waplatform.testsupport.Infrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
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
		properties = { "spring.config.name=sender-service", "sender.retry.first-backoff=10ms",
				"sender.retry.max-backoff=50ms", "sender.retry.max-attempts=3", "sender.admin.token=test-admin-token",
				"sender.queue.housekeeping=100ms" })
@AutoConfigureWebTestClient
@DirtiesContext
class DeadLetterAdminTests {

	private static final String TOKEN = "test-admin-token";

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
	void deadLetterEndpointsNeedTheAdminToken() {
		this.web.get()
			.uri("/internal/dead-letters?organizationId=org-1")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(401)
			.jsonPath("$.detail")
			.isEqualTo("Missing or wrong X-Admin-Token");
		this.web.post()
			.uri("/internal/dead-letters/replay")
			.header("X-Admin-Token", "wrong")
			.bodyValue(Map.of("organizationId", "org-1", "messageIds", List.of("x")))
			.exchange()
			.expectStatus()
			.isUnauthorized();
		this.web.post()
			.uri("/internal/dead-letters/replay")
			.header("X-Admin-Token", TOKEN)
			.bodyValue(Map.of("organizationId", "org-1", "messageIds", List.of()))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("messageIds must list at least one message id");
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
			.header("X-Admin-Token", TOKEN)
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
			.header("X-Admin-Token", TOKEN)
			.bodyValue(Map.of("organizationId", org, "messageIds", List.of(messageIds)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
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
