package com.waplatform.callback;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.support.kafka.EventPublisher;
import com.waplatform.testsupport.Infrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.waplatform.callback.CallbackFixtures.WAIT;
import static com.waplatform.callback.CallbackFixtures.call;
import static com.waplatform.callback.CallbackFixtures.deliveries;
import static com.waplatform.callback.CallbackFixtures.register;
import static com.waplatform.callback.CallbackFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Automatic disable, giving up and replay, with the limits made small: an endpoint is
 * disabled after 6 consecutive failures, a delivery is given up 3 s after its first
 * attempt (production: 50 and 24 h).
 */
@SpringBootTest(classes = CallbackApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=callback-service",
				"platform.internal-api.token=" + CallbackFixtures.SERVICE_TOKEN, "callbacks.allow-local-http=true",
				"callbacks.delivery.poll-interval=100ms", "callbacks.delivery.timeout=1s",
				"callbacks.delivery.backoff-base=50ms", "callbacks.delivery.backoff-cap=200ms",
				"callbacks.delivery.give-up-after=3s", "callbacks.delivery.disable-after=6",
				"callbacks.delivery.lease-margin=2s", "callbacks.delivery.metrics-interval=200ms" })
@AutoConfigureWebTestClient
@DirtiesContext
class CallbackLimitsTests {

	private static final Receiver failing = Receiver.start();

	private static final Receiver hanging = Receiver.start();

	private static final Receiver refusing = Receiver.start();

	@Autowired
	WebTestClient client;

	@Autowired
	EventPublisher publisher;

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
	}

	@AfterAll
	static void stopReceivers() {
		failing.close();
		hanging.close();
		refusing.close();
	}

	@Test
	void anEndpointFailingOverAndOverIsDisabledKeepsItsDeliveriesAndResumesWhenEnabled() {
		String org = "org-" + UUID.randomUUID();
		failing.answer(Receiver.Mode.FAIL);
		String id = (String) register(this.client, org, failing.url("/disable"), "[\"status\"]").get("id");
		double disabledBefore = counter("callbacks.endpoints.auto-disabled");
		String message = "m-" + UUID.randomUUID();
		this.publisher.publish(Topics.STATUS_EVENTS, status(org, message, MessageStatus.SENT)).block(WAIT);
		this.publisher.publish(Topics.STATUS_EVENTS, status(org, message, MessageStatus.DELIVERED)).block(WAIT);
		await().atMost(WAIT)
			.until(() -> Boolean.FALSE
				.equals(CallbackFixtures.get(this.client, org, "/internal/callbacks/" + id).get("enabled")));
		Map<String, Object> disabled = CallbackFixtures.get(this.client, org, "/internal/callbacks/" + id);
		assertThat((String) disabled.get("disabledReason"))
			.startsWith("Disabled automatically after 6 consecutive failed deliveries")
			.contains("HTTP 500");
		assertThat(counter("callbacks.endpoints.auto-disabled") - disabledBefore).isEqualTo(1);
		await().atMost(WAIT).until(() -> gauge("callbacks.endpoints.disabled") >= 1);
		assertThat(failing.requests()).hasSize(6);
		// kept, not attempted, while disabled
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> failing.requests().size() == 6);
		assertThat(deliveries(this.client, org, id)).extracting((d) -> d.get("state"))
			.containsExactlyInAnyOrder("failed", "pending");

		failing.answer(Receiver.Mode.OK);
		call(this.client, HttpMethod.PATCH, "/internal/callbacks/" + id, org, "{\"enabled\": true}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.enabled")
			.isEqualTo(true)
			.jsonPath("$.disabledReason")
			.doesNotExist();
		await().atMost(WAIT)
			.until(() -> deliveries(this.client, org, id).stream().allMatch((d) -> "delivered".equals(d.get("state"))));
		List<String> delivered = failing.requests()
			.stream()
			.filter(Receiver.Request::delivered)
			.map((r) -> CallbackFixtures.body(r).path("data").path("status").asString())
			.toList();
		assertThat(delivered).containsExactly("SENT", "DELIVERED");
		assertThat(CallbackFixtures.get(this.client, org, "/internal/callbacks/" + id))
			.containsEntry("consecutiveFailures", 0);
	}

	@Test
	void aDeliveryIsGivenUpAfterItsWindowAndCanBeReplayed() {
		String org = "org-" + UUID.randomUUID();
		hanging.answer(Receiver.Mode.HANG);
		Map<String, Object> endpoint = register(this.client, org, hanging.url("/give-up"), "[\"status\"]");
		String id = (String) endpoint.get("id");
		double gaveUpBefore = counter("callbacks.deliveries", "gave_up");
		String message = "m-" + UUID.randomUUID();
		this.publisher.publish(Topics.STATUS_EVENTS, status(org, message, MessageStatus.READ)).block(WAIT);
		await().atMost(WAIT).until(() -> "gave_up".equals(deliveries(this.client, org, id).get(0).get("state")));
		Map<String, Object> gaveUp = deliveries(this.client, org, id).get(0);
		assertThat((Integer) gaveUp.get("attempts")).isGreaterThanOrEqualTo(2);
		assertThat((String) gaveUp.get("lastError")).contains("No answer within");
		assertThat(gaveUp.get("nextAttemptAt")).isNull();
		assertThat(counter("callbacks.deliveries", "gave_up") - gaveUpBefore).isEqualTo(1);
		String original = (String) gaveUp.get("id");

		hanging.answer(Receiver.Mode.OK);
		Map<String, Object> replay = call(this.client, HttpMethod.POST,
				"/internal/callbacks/" + id + "/deliveries/" + original + "/replay", org, null)
			.expectStatus()
			.isAccepted()
			.expectBody(CallbackFixtures.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(replay).containsEntry("replayOf", original).containsEntry("state", "pending");
		String replayId = (String) replay.get("id");
		await().atMost(WAIT)
			.until(() -> hanging.requests().stream().anyMatch((r) -> r.delivered() && replayId.equals(r.deliveryId())));
		Receiver.Request received = hanging.requests().stream().filter(Receiver.Request::delivered).findFirst().get();
		assertThat(CallbackFixtures.validSignature((String) endpoint.get("secret"), received)).isTrue();
		assertThat(CallbackFixtures.body(received).path("data").path("messageId").asString()).isEqualTo(message);
		// a replay of a delivery still under way is refused
		await().atMost(WAIT)
			.until(() -> deliveries(this.client, org, id).stream()
				.anyMatch((d) -> replayId.equals(d.get("id")) && "delivered".equals(d.get("state"))));
		call(this.client, HttpMethod.POST, "/internal/callbacks/" + id + "/deliveries/" + UUID.randomUUID() + "/replay",
				org, null)
			.expectStatus()
			.isNotFound();
	}

	@Test
	void anUnfinishedDeliveryCannotBeReplayed() {
		String org = "org-" + UUID.randomUUID();
		refusing.answer(Receiver.Mode.FAIL);
		String id = (String) register(this.client, org, refusing.url("/unfinished"), "[\"status\"]").get("id");
		this.publisher.publish(Topics.STATUS_EVENTS, status(org, "m-" + UUID.randomUUID(), MessageStatus.SENT))
			.block(WAIT);
		// failed once, retried until its 3 s window closes
		await().atMost(WAIT)
			.until(() -> deliveries(this.client, org, id).stream().anyMatch((d) -> "failed".equals(d.get("state"))));
		String delivery = (String) deliveries(this.client, org, id).get(0).get("id");
		call(this.client, HttpMethod.POST, "/internal/callbacks/" + id + "/deliveries/" + delivery + "/replay", org,
				null)
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:waplatform:problem:conflict");
		call(this.client, HttpMethod.DELETE, "/internal/callbacks/" + id, org, null).expectStatus().isNoContent();
		call(this.client, HttpMethod.GET, "/internal/callbacks/" + id + "/deliveries", org, null).expectStatus()
			.isNotFound();
	}

	private double counter(String name, String... outcome) {
		var search = this.meters.find(name);
		if (outcome.length > 0) {
			search = search.tag("outcome", outcome[0]);
		}
		var counter = search.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private double gauge(String name) {
		var gauge = this.meters.find(name).gauge();
		return (gauge != null) ? gauge.value() : 0;
	}

}
