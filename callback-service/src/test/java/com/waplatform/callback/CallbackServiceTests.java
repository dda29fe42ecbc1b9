package com.waplatform.callback;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.support.kafka.EventPublisher;
import com.waplatform.support.retention.RetentionPurge;
import com.waplatform.testsupport.Infrastructure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
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
 * The service on a real (embedded) Kafka broker and PostgreSQL, with the backoff
 * compressed to seconds (production: up to 24 hours) and the development URL setting on,
 * so that a receiver on 127.0.0.1 gets the callbacks.
 */
@SpringBootTest(classes = CallbackApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=callback-service",
				"platform.internal-api.token=" + CallbackFixtures.SERVICE_TOKEN, "callbacks.allow-local-http=true",
				"callbacks.delivery.poll-interval=100ms", "callbacks.delivery.timeout=1s",
				"callbacks.delivery.backoff-base=100ms", "callbacks.delivery.backoff-cap=1s",
				"callbacks.delivery.give-up-after=1h", "callbacks.delivery.disable-after=10000",
				"callbacks.delivery.lease-margin=2s", "callbacks.delivery.metrics-interval=200ms" })
@AutoConfigureWebTestClient
@DirtiesContext
class CallbackServiceTests {

	private static final Receiver receiver = Receiver.start();

	@Autowired
	WebTestClient client;

	@Autowired
	EventPublisher publisher;

	@Autowired
	MeterRegistry meters;

	@Autowired
	DatabaseClient db;

	@Autowired
	ApplicationContext context;

	@Autowired
	RetentionPurge retention;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
	}

	@AfterAll
	static void stopReceiver() {
		receiver.close();
	}

	/**
	 * The scenario, compressed: the receiver answers 500s and times out for a
	 * while, then recovers. Every callback arrives, signed, none again after a 2xx, in
	 * the order of its message (and of its customer).
	 */
	@Test
	void aReceiverThatFailsAndHangsThenRecoversGetsEveryCallbackOnceSignedAndInOrder() {
		String org = "org-" + UUID.randomUUID();
		String path = "/scenario-" + UUID.randomUUID();
		Map<String, Object> endpoint = register(this.client, org, receiver.url(path), "[\"status\", \"inbound\"]");
		String secret = (String) endpoint.get("secret");
		double deliveredBefore = count("delivered");
		double retriedBefore = count("retried");
		receiver.answer(Receiver.Mode.FAIL_AND_HANG);
		List<MessageStatus> lifecycle = List.of(MessageStatus.ACCEPTED, MessageStatus.SENT, MessageStatus.DELIVERED,
				MessageStatus.READ);
		List<String> messages = List.of("m-1-" + UUID.randomUUID(), "m-2-" + UUID.randomUUID(),
				"m-3-" + UUID.randomUUID());
		for (MessageStatus status : lifecycle) {
			for (String message : messages) {
				this.publisher.publish(Topics.STATUS_EVENTS, status(org, message, status)).block(WAIT);
			}
		}
		List<String> wamids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String wamid = "wamid." + UUID.randomUUID();
			wamids.add(wamid);
			this.publisher
				.publish(Topics.INBOUND_MESSAGES, CallbackFixtures.inbound(org, "+14155550123", wamid, "hi " + i))
				.block(WAIT);
		}
		int expected = lifecycle.size() * messages.size() + wamids.size();
		// the failure period: 500s and timeouts, several of each
		await().atMost(WAIT)
			.until(() -> mine(path).stream().filter((r) -> r.answered() == 500).count() >= 4
					&& mine(path).stream().filter((r) -> r.answered() == 0).count() >= 4);
		assertThat(mine(path)).noneMatch(Receiver.Request::delivered);
		receiver.answer(Receiver.Mode.OK);
		await().atMost(WAIT).until(() -> mine(path).stream().filter(Receiver.Request::delivered).count() >= expected);
		await().atMost(WAIT)
			.until(() -> deliveries(this.client, org, (String) endpoint.get("id")).stream()
				.allMatch((delivery) -> "delivered".equals(delivery.get("state"))));

		List<Receiver.Request> requests = mine(path);
		assertThat(requests).allSatisfy((request) -> {
			assertThat(CallbackFixtures.validSignature(secret, request)).as("signature of %s", request.deliveryId())
				.isTrue();
			assertThat(request.contentType()).startsWith("application/json");
			JsonNode body = CallbackFixtures.body(request);
			assertThat(body.path("id").asString()).isEqualTo(request.deliveryId());
			assertThat(body.path("organizationId").asString()).isEqualTo(org);
			assertThat(body.path("type").asString()).isIn("message.status", "message.inbound");
		});
		// none twice after a 2xx
		Set<String> done = new HashSet<>();
		for (Receiver.Request request : requests) {
			assertThat(done).as("received again after a 2xx").doesNotContain(request.deliveryId());
			if (request.delivered()) {
				done.add(request.deliveryId());
			}
		}
		assertThat(done).hasSize(expected);
		// per message, the statuses in the order they were produced; inbound per customer
		Map<String, List<String>> perMessage = new LinkedHashMap<>();
		List<String> inboundOrder = new ArrayList<>();
		requests.stream().filter(Receiver.Request::delivered).map(CallbackFixtures::body).forEach((body) -> {
			if (body.path("type").asString().equals("message.status")) {
				perMessage.computeIfAbsent(body.path("data").path("messageId").asString(), (k) -> new ArrayList<>())
					.add(body.path("data").path("status").asString());
			}
			else {
				inboundOrder.add(body.path("data").path("wamid").asString());
			}
		});
		assertThat(perMessage.keySet()).containsExactlyInAnyOrderElementsOf(messages);
		perMessage.values()
			.forEach((statuses) -> assertThat(statuses).containsExactly("ACCEPTED", "SENT", "DELIVERED", "READ"));
		assertThat(inboundOrder).containsExactlyElementsOf(wamids);
		assertThat(count("delivered") - deliveredBefore).isEqualTo(expected);
		assertThat(count("retried") - retriedBefore).isGreaterThanOrEqualTo(8);
		assertThat(deliveries(this.client, org, (String) endpoint.get("id")))
			.anySatisfy((delivery) -> assertThat((Integer) delivery.get("attempts")).isGreaterThan(1));
	}

	@Test
	void theSecretIsShownOnceAndARotatedSecretSignsFromThenOn() {
		String org = "org-" + UUID.randomUUID();
		String path = "/rotate-" + UUID.randomUUID();
		receiver.answer(Receiver.Mode.OK);
		Map<String, Object> endpoint = register(this.client, org, receiver.url(path), "[\"status\"]");
		String id = (String) endpoint.get("id");
		String first = (String) endpoint.get("secret");
		assertThat(first).startsWith("whsec_").hasSizeGreaterThan(40);
		assertThat(CallbackFixtures.get(this.client, org, "/internal/callbacks/" + id)).doesNotContainKey("secret");
		String list = call(this.client, HttpMethod.GET, "/internal/callbacks", org, null).expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(list).doesNotContain(first).doesNotContain("secret\"");
		// stored sealed, never in clear
		assertThat(this.db.sql("select secret_sealed from endpoints where id = :id")
			.bind("id", UUID.fromString(id))
			.map((row) -> row.get("secret_sealed", String.class))
			.one()
			.block(WAIT)).doesNotContain(first);

		Map<String, Object> rotated = call(this.client, HttpMethod.POST, "/internal/callbacks/" + id + "/rotate-secret",
				org, null)
			.expectStatus()
			.isOk()
			.expectBody(CallbackFixtures.JSON)
			.returnResult()
			.getResponseBody();
		String second = (String) rotated.get("secret");
		assertThat(second).startsWith("whsec_").isNotEqualTo(first);
		assertThat(rotated.get("secretRotatedAt")).isNotNull();
		this.publisher.publish(Topics.STATUS_EVENTS, status(org, "m-" + UUID.randomUUID(), MessageStatus.SENT))
			.block(WAIT);
		await().atMost(WAIT).until(() -> mine(path).size() == 1);
		Receiver.Request request = mine(path).get(0);
		assertThat(CallbackFixtures.validSignature(second, request)).isTrue();
		assertThat(CallbackFixtures.validSignature(first, request)).isFalse();
	}

	@Test
	void refusedUrlsAndBadBodiesAre422ProblemsNamingTheRuleOrField() {
		String org = "org-" + UUID.randomUUID();
		call(this.client, HttpMethod.POST, "/internal/callbacks", org,
				"{\"url\": \"ftp://127.0.0.1/x\", \"events\": [\"status\"]}")
			.expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:waplatform:problem:callback-url-refused")
			.jsonPath("$.rule")
			.isEqualTo("https-required")
			.jsonPath("$.errors[0].field")
			.isEqualTo("url");
		call(this.client, HttpMethod.POST, "/internal/callbacks", org, "{\"events\": [\"status\", \"other\"]}")
			.expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("url")
			.jsonPath("$.errors[1].field")
			.isEqualTo("events[1]");
		call(this.client, HttpMethod.POST, "/internal/callbacks", org, "[1]").expectStatus().isBadRequest();
		call(this.client, HttpMethod.PATCH, "/internal/callbacks/" + UUID.randomUUID(), org, "{\"enabled\": \"yes\"}")
			.expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		call(this.client, HttpMethod.GET, "/internal/callbacks/not-a-uuid", org, null).expectStatus().isNotFound();
		this.client.get().uri("/internal/callbacks?organizationId=" + org).exchange().expectStatus().isUnauthorized();
	}

	@Test
	void anOrganizationSeesChangesAndReceivesOnlyItsOwn() {
		String a = "org-a-" + UUID.randomUUID();
		String b = "org-b-" + UUID.randomUUID();
		String path = "/scoped-" + UUID.randomUUID();
		receiver.answer(Receiver.Mode.OK);
		String ofA = (String) register(this.client, a, receiver.url(path), "[\"status\"]").get("id");
		String messageOfB = "m-b-" + UUID.randomUUID();
		String messageOfA = "m-a-" + UUID.randomUUID();
		this.publisher.publish(Topics.STATUS_EVENTS, status(b, messageOfB, MessageStatus.SENT)).block(WAIT);
		this.publisher.publish(Topics.STATUS_EVENTS, status(a, messageOfA, MessageStatus.SENT)).block(WAIT);
		await().atMost(WAIT)
			.until(() -> deliveries(this.client, a, ofA).stream().anyMatch((d) -> "delivered".equals(d.get("state"))));
		String deliveryOfA = (String) deliveries(this.client, a, ofA).get(0).get("id");
		assertThat(mine(path)).extracting((r) -> CallbackFixtures.body(r).path("data").path("messageId").asString())
			.containsExactly(messageOfA);

		String base = "/internal/callbacks/" + ofA;
		assertThat(call(this.client, HttpMethod.GET, "/internal/callbacks", b, null).expectBody(String.class)
			.returnResult()
			.getResponseBody()).doesNotContain(ofA);
		call(this.client, HttpMethod.GET, base, b, null).expectStatus().isNotFound();
		call(this.client, HttpMethod.PATCH, base, b, "{\"enabled\": false}").expectStatus().isNotFound();
		call(this.client, HttpMethod.POST, base + "/rotate-secret", b, null).expectStatus().isNotFound();
		call(this.client, HttpMethod.GET, base + "/deliveries", b, null).expectStatus().isNotFound();
		call(this.client, HttpMethod.POST, base + "/deliveries/" + deliveryOfA + "/replay", b, null).expectStatus()
			.isNotFound();
		call(this.client, HttpMethod.DELETE, base, b, null).expectStatus().isNotFound();
		assertThat(CallbackFixtures.get(this.client, a, base)).containsEntry("enabled", true);
		assertThat(deliveries(this.client, a, ofA)).hasSize(1);
		call(this.client, HttpMethod.DELETE, base, a, null).expectStatus().isNoContent();
		call(this.client, HttpMethod.GET, base, a, null).expectStatus().isNotFound();
	}

	/**
	 * Meta's webhooks may overtake the sender's {@code accepted} event on the topic: a
	 * status that does not advance the message's lifecycle is recorded {@code superseded}
	 * and never posted, so the receiver sees sent, delivered, read.
	 */
	@Test
	void aStatusThatWouldGoBackwardsIsSupersededNotPosted() {
		String org = "org-" + UUID.randomUUID();
		String path = "/lifecycle-" + UUID.randomUUID();
		receiver.answer(Receiver.Mode.OK);
		String id = (String) register(this.client, org, receiver.url(path), "[\"status\"]").get("id");
		String message = "m-" + UUID.randomUUID();
		for (MessageStatus status : List.of(MessageStatus.SENT, MessageStatus.ACCEPTED, MessageStatus.DELIVERED,
				MessageStatus.SENT, MessageStatus.READ)) {
			this.publisher.publish(Topics.STATUS_EVENTS, status(org, message, status)).block(WAIT);
		}
		await().atMost(WAIT)
			.until(() -> deliveries(this.client, org, id).stream()
				.filter((d) -> "delivered".equals(d.get("state")) || "superseded".equals(d.get("state")))
				.count() == 5);
		assertThat(mine(path)).extracting((r) -> CallbackFixtures.body(r).path("data").path("status").asString())
			.containsExactly("SENT", "DELIVERED", "READ");
		assertThat(deliveries(this.client, org, id)).filteredOn((d) -> "superseded".equals(d.get("state"))).hasSize(2);
	}

	/**
	 * The delivery row is written before the event's offset is committed: with delivery
	 * stopped (as if the service went down right after reading), the consumer group has
	 * moved past the event and the delivery waits, pending, in PostgreSQL; once delivery
	 * runs again it goes out.
	 */
	@Test
	void aDeliveryIsDurableBeforeItsEventIsLetGo() throws Exception {
		String org = "org-" + UUID.randomUUID();
		String path = "/durable-" + UUID.randomUUID();
		receiver.answer(Receiver.Mode.OK);
		String id = (String) register(this.client, org, receiver.url(path), "[\"status\"]").get("id");
		SmartLifecycle pipeline = (SmartLifecycle) this.context.getBean("deliveryPipeline");
		pipeline.stop();
		try {
			String message = "m-" + UUID.randomUUID();
			this.publisher.publish(Topics.STATUS_EVENTS, status(org, message, MessageStatus.DELIVERED)).block(WAIT);
			try (Admin admin = Admin.create(Map.of("bootstrap.servers", Infrastructure.kafka().getBrokersAsString()))) {
				await().atMost(WAIT).until(() -> committedToTheEnd(admin));
			}
			assertThat(deliveries(this.client, org, id)).singleElement().satisfies((delivery) -> {
				assertThat(delivery.get("state")).isEqualTo("pending");
				assertThat(delivery.get("messageId")).isEqualTo(message);
			});
			assertThat(mine(path)).isEmpty();
		}
		finally {
			pipeline.start();
		}
		await().atMost(WAIT).until(() -> mine(path).size() == 1);
		await().atMost(WAIT).until(() -> "delivered".equals(deliveries(this.client, org, id).get(0).get("state")));
	}

	private static boolean committedToTheEnd(Admin admin) throws Exception {
		String topic = Topics.STATUS_EVENTS.name();
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		admin.describeTopics(List.of(topic))
			.allTopicNames()
			.get(10, TimeUnit.SECONDS)
			.get(topic)
			.partitions()
			.forEach((p) -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
		var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
		var committed = admin.listConsumerGroupOffsets("callback-service")
			.partitionsToOffsetAndMetadata()
			.get(10, TimeUnit.SECONDS);
		return ends.entrySet()
			.stream()
			.allMatch((end) -> end.getValue().offset() == 0 || (committed.get(end.getKey()) != null
					&& committed.get(end.getKey()).offset() >= end.getValue().offset()));
	}

	/**
	 * The delivery log keeps finished deliveries for {@code callbacks.delivery.retention}
	 * (90 days): older finished ones are purged, younger ones and unfinished ones of any
	 * age stay. Counted per table.
	 */
	@Test
	void finishedDeliveriesOlderThanTheRetentionArePurged() {
		String org = "org-" + UUID.randomUUID();
		Map<String, Object> endpoint = register(this.client, org, receiver.url("/retention-" + UUID.randomUUID()),
				"[\"status\"]");
		UUID endpointId = UUID.fromString((String) endpoint.get("id"));
		UUID oldDelivered = delivery(endpointId, org, "delivered", 91);
		UUID oldGivenUp = delivery(endpointId, org, "gave_up", 91);
		UUID oldFailing = delivery(endpointId, org, "failed", 91);
		UUID young = delivery(endpointId, org, "delivered", 89);
		Counter counter = this.meters.find(RetentionPurge.PURGED_METRIC).tag("table", "deliveries").counter();
		double before = (counter != null) ? counter.count() : 0.0;

		this.retention.purge().block(WAIT);

		List<UUID> left = this.db.sql("select id from deliveries where organization_id = :org")
			.bind("org", org)
			.map((row) -> row.get("id", UUID.class))
			.all()
			.collectList()
			.block(WAIT);
		assertThat(left).containsExactlyInAnyOrder(oldFailing, young).doesNotContain(oldDelivered, oldGivenUp);
		assertThat(this.meters.get(RetentionPurge.PURGED_METRIC).tag("table", "deliveries").counter().count() - before)
			.isGreaterThanOrEqualTo(2.0);
	}

	private UUID delivery(UUID endpointId, String org, String state, int ageDays) {
		UUID id = UUID.randomUUID();
		this.db.sql("""
				insert into deliveries (id, endpoint_id, organization_id, event_id, event_type, order_key, body, state,
					next_attempt_at, created_at)
				values (:id, :endpoint, :org, gen_random_uuid(), 'message.status', 'message:m-1', '{}', :state,
					now() + interval '1 day', now() - make_interval(days => :age))""")
			.bind("id", id)
			.bind("endpoint", endpointId)
			.bind("org", org)
			.bind("state", state)
			.bind("age", ageDays)
			.then()
			.block(WAIT);
		return id;
	}

	private double count(String outcome) {
		var counter = this.meters.find("callbacks.deliveries").tag("outcome", outcome).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static List<Receiver.Request> mine(String path) {
		return receiver.requests().stream().filter((request) -> request.path().equals(path)).toList();
	}

}
