package com.waplatform.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.SendRequest;
import com.waplatform.devstack.DemoAccount;
import com.waplatform.devstack.LocalPlatform;
import com.waplatform.devstack.LocalPlatform.Service;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.awaitility.Awaitility.await;

/**
 * The traffic after which every metric the dashboards and alerts use has been published
 * at least once: besides messages reaching {@code read}, the rarer events operators are
 * alerted on (a failure with Meta's code, a throughput refusal, a template paused by
 * Meta, a free-form message outside the window, dead letters of the sender and of a
 * listener, an organization paused on an expired token). It leaves the demo organization
 * paused: run it last on a platform.
 */
final class ObservedTraffic {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final LocalPlatform platform;

	private final DemoAccount demo;

	private final WebTestClient gateway;

	private final WebTestClient simulator;

	private final KafkaProbe kafka;

	ObservedTraffic(LocalPlatform platform, WebTestClient gateway, WebTestClient simulator, KafkaProbe kafka) {
		this.platform = platform;
		this.demo = platform.demo();
		this.gateway = gateway;
		this.simulator = simulator;
		this.kafka = kafka;
	}

	void run() throws Exception {
		// Meta refuses a message for good: a failure with its code
		faults(Map.of("phoneNumberId", this.demo.phoneNumberId(), "errorRate", 1.0, "errorCodes", List.of(131026)));
		String failed = sendTemplate("+14155550141");
		awaitStatus(failed, "failed");
		// Meta's throughput limit: refused with 130429, retried, accepted once lifted
		faults(Map.of("phoneNumberId", this.demo.phoneNumberId(), "errorRate", 1.0, "errorCodes", List.of(130429)));
		double retries = count(Service.SENDER, "sender.retries", "reason", "throughput");
		String throttled = sendTemplate("+14155550142");
		awaitIncrease(Service.SENDER, "sender.retries", "reason", "throughput", retries);
		this.simulator.delete().uri("/admin/faults").exchange().expectStatus().is2xxSuccessful();
		awaitStatus(throttled, "accepted", "sent", "delivered", "read");

		// Meta pauses a template, then approves it again
		double updates = count(Service.TEMPLATE, "template.updates", "field", null);
		templateStatus("summer_promo", "PAUSED");
		awaitIncrease(Service.TEMPLATE, "template.updates", "field", null, updates);
		templateStatus("summer_promo", "APPROVED");

		// a free-form message to a customer who never wrote: refused at the API
		this.gateway.post()
			.uri("/v1/messages")
			.header("Authorization", "Bearer " + this.demo.apiKey())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("to", "+14155550143", "type", "text", "text", Map.of("body", "Hello?")))
			.exchange()
			.expectStatus()
			.isEqualTo(422);

		// a send request naming the demo number for another organization: the sender's
		// dead letter; a business event of an unknown organization: workflow's
		double senderDeadLetters = count(Service.SENDER, "sender.dead.letters", "reason", null);
		double workflowDeadLetters = count(Service.WORKFLOW, "platform.dead.letters", "topic", null);
		SendRequest template = this.kafka.await(Topics.SEND_REQUESTS.name(), SendRequest.class,
				(candidate) -> candidate.messageId().equals(failed), TIMEOUT);
		this.kafka.publish(Topics.SEND_REQUESTS.name(),
				new SendRequest(UUID.randomUUID(), Instant.now(), "org_intruder", UUID.randomUUID().toString(),
						template.phoneNumberId(), template.recipient(), template.message(), null, template.priority(),
						null, null, "test"));
		this.kafka.publishCloudEvent(Topics.BUSINESS_EVENTS.name(), "B-" + UUID.randomUUID(), "booking.confirmed",
				"org_nobody_knows", "{\"bookingId\":\"B-1\"}");
		awaitIncrease(Service.SENDER, "sender.dead.letters", "reason", null, senderDeadLetters);
		awaitIncrease(Service.WORKFLOW, "platform.dead.letters", "topic", null, workflowDeadLetters);

		// the organization's token expires: its sending is paused
		double pauses = count(Service.SENDER, "sender.organization.pauses", "organization_id", null);
		faults(Map.of("phoneNumberId", this.demo.phoneNumberId(), "expiredToken", true));
		sendTemplate("+14155550144");
		awaitIncrease(Service.SENDER, "sender.organization.pauses", "organization_id", null, pauses);
	}

	private void faults(Map<String, Object> profile) {
		this.simulator.post()
			.uri("/admin/faults")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(profile)
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
	}

	private void templateStatus(String name, String status) {
		this.simulator.post()
			.uri("/admin/templates/{waba}/{name}/en/status", this.demo.wabaId(), name)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("status", status))
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
	}

	private String sendTemplate(String to) {
		JsonNode response = this.gateway.post()
			.uri("/v1/messages")
			.header("Authorization", "Bearer " + this.demo.apiKey())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("to", to, "type", "template", "template",
					Map.of("name", "booking_confirmation", "language", Map.of("code", "en"), "parameters",
							List.of("Ana", "Lisbon Highlights", "1 December", "REF-77"))))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		return response.get("id").asString();
	}

	private void awaitStatus(String id, String... anyOf) {
		MessageStatuses.awaitAny(this.gateway, this.demo.apiKey(), id, anyOf);
	}

	/** Waits until the service's counter grew past what it counted before the event. */
	private void awaitIncrease(Service service, String name, String tag, String value, double before) {
		await().atMost(TIMEOUT).until(() -> count(service, name, tag, value) > before);
	}

	/**
	 * The sum of the service's counters of that name (with the tag, and its value when
	 * given).
	 */
	private double count(Service service, String name, String tag, String value) {
		MeterRegistry meters = this.platform.context(service).getBean(MeterRegistry.class);
		Search search = (value != null) ? meters.find(name).tag(tag, value) : meters.find(name).tagKeys(tag);
		return search.counters().stream().mapToDouble(Counter::count).sum();
	}

}
