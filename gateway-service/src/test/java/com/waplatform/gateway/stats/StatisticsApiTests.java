package com.waplatform.gateway.stats;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.waplatform.common.account.NumberHealth;
import com.waplatform.common.account.SendingState;
import com.waplatform.common.event.Event;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.ErrorInfo;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.common.message.Priority;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.gateway.GatewayApplication;
import com.waplatform.gateway.GatewayFixtures;
import com.waplatform.gateway.GatewayFixtures.Tenant;
import com.waplatform.support.kafka.DeadLetterRecord;
import com.waplatform.support.kafka.DeadLetterTopicReader;
import com.waplatform.support.kafka.EventPublisher;
import com.waplatform.support.kafka.RejectedEventException;
import com.waplatform.testsupport.Infrastructure;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The queue view, message analytics, account health and the operators' dead-letter API on
 * the real gateway, Kafka broker and PostgreSQL: histories are written through the read
 * model's own listeners ({@code wa.send-requests}, {@code wa.status-events},
 * {@code wa.send-requests-dlt}) and the account directory's ({@code wa.accounts}), then
 * read back through the API.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=gateway-service", "gateway.admin-token=" + GatewayFixtures.ADMIN_TOKEN,
				// free-form sends to customers who never wrote: not what these tests are
				// about
				"gateway.conversations.enforce-service-window=false" })
@AutoConfigureWebTestClient
@DirtiesContext
class StatisticsApiTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private static final Instant DAY_1 = Instant.parse("2026-03-01T00:00:00Z");

	private static final Instant DAY_2 = Instant.parse("2026-03-02T00:00:00Z");

	private final WebTestClient client;

	private final EventPublisher publisher;

	private final KafkaTemplate<String, Event> kafka;

	private final DatabaseClient db;

	private final MeterRegistry meters;

	private final QueueMetrics queueMetrics;

	private final DeadLetterTopicReader deadLetterReader;

	@Autowired
	StatisticsApiTests(WebTestClient client, EventPublisher publisher, KafkaTemplate<String, Event> kafka,
			DatabaseClient db, MeterRegistry meters, QueueMetrics queueMetrics,
			DeadLetterTopicReader deadLetterReader) {
		this.client = client.mutate().responseTimeout(WAIT).build();
		this.publisher = publisher;
		this.kafka = kafka;
		this.db = db;
		this.meters = meters;
		this.queueMetrics = queueMetrics;
		this.deadLetterReader = deadLetterReader;
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
	}

	@Test
	void queueCountsPendingScheduledAndDeadLetteredAndShowsTheSendersState() {
		Tenant tenant = tenant();
		String first = send(tenant, "{\"to\": \"+14155550123\", \"type\": \"text\", \"text\": {\"body\": \"1\"}}");
		send(tenant, "{\"to\": \"+14155550124\", \"type\": \"text\", \"text\": {\"body\": \"2\"}}");
		String deadLettered = send(tenant,
				"{\"to\": \"+14155550125\", \"type\": \"text\", \"text\": {\"body\": \"3\"}}");
		String accepted = send(tenant, "{\"to\": \"+14155550126\", \"type\": \"text\", \"text\": {\"body\": \"4\"}}");
		send(tenant, "{\"to\": \"+14155550127\", \"type\": \"text\", \"text\": {\"body\": \"later\"}, "
				+ "\"scheduledFor\": \"" + Instant.now().plus(Duration.ofDays(1)) + "\"}");
		Instant firstQueuedAt = createdAt(first);

		// before the sender said anything: the configured limit, nothing known in flight
		Map<String, Object> number = onlyNumber(queue(tenant));
		assertThat(number).containsEntry("phoneNumberId", tenant.phoneNumberId())
			.containsEntry("pending", 4)
			.containsEntry("scheduled", 1)
			.containsEntry("deadLettered", 0)
			.containsEntry("limitPerSecond", 80.0)
			.containsEntry("limitSource", "configured")
			.containsEntry("inFlight", null)
			.containsEntry("retrying", null)
			.containsEntry("allowedPerSecond", null)
			.containsEntry("oldestPendingSince", firstQueuedAt.toString());
		assertThat(((Number) number.get("oldestPendingAgeSeconds")).longValue()).isGreaterThanOrEqualTo(0);

		publishStatus(tenant, accepted, MessageStatus.ACCEPTED, Instant.now(), null);
		deadLetter(tenant, deadLettered, "retries exhausted after 5 failed attempt(s), last: 131000");
		this.publisher
			.publish(Topics.ACCOUNTS, SendingState.of(tenant.organizationId(), tenant.phoneNumberId(), 40.0, 80.0,
					"Meta error 190: access token expired", 3, 2))
			.block(WAIT);

		await().atMost(WAIT).untilAsserted(() -> {
			Map<String, Object> queue = queue(tenant);
			assertThat(queue).containsEntry("paused", true)
				.containsEntry("pausedReason", "Meta error 190: access token expired");
			assertThat(onlyNumber(queue)).containsEntry("pending", 2)
				.containsEntry("scheduled", 1)
				.containsEntry("deadLettered", 1)
				.containsEntry("inFlight", 3)
				.containsEntry("retrying", 2)
				.containsEntry("allowedPerSecond", 40.0)
				.containsEntry("limitPerSecond", 80.0)
				.containsEntry("limitSource", "sender")
				.containsEntry("pausedReason", "Meta error 190: access token expired");
		});
		assertThat(this.db.sql("select reason from send_dead_letters where message_id = :id")
			.bind("id", deadLettered)
			.map((row) -> row.get("reason", String.class))
			.one()
			.block(WAIT)).contains("retries exhausted");

		// the dead-lettered message shows as failed, with the reason, while nothing
		// later is known of it
		Map<String, Object> failed = get(tenant, "/v1/messages/" + deadLettered);
		assertThat(failed).containsEntry("status", "failed");
		assertThat(object(failed, "error")).containsEntry("reason", "dead_lettered")
			.containsEntry("title", "Dead-lettered")
			.containsEntry("details", "retries exhausted after 5 failed attempt(s), last: 131000")
			.doesNotContainKey("code");
		assertThat(list(failed, "history")).extracting((entry) -> entry.get("status"))
			.containsExactly("queued", "failed");
		assertThat(list(get(tenant, "/v1/messages?status=failed"), "messages"))
			.extracting((message) -> message.get("id"))
			.containsExactly(deadLettered);
		// replayed and sent: its real status wins
		publishStatus(tenant, deadLettered, MessageStatus.ACCEPTED, Instant.now(), null);
		await().atMost(WAIT)
			.untilAsserted(
					() -> assertThat(get(tenant, "/v1/messages/" + deadLettered)).containsEntry("status", "accepted")
						.doesNotContainKey("error"));
	}

	/**
	 * The operators' dead-letter API (here, where the dead letters of the queue view are
	 * written too): a status event dead-lettered by the read model is listed with its
	 * origin and reason, replayed to its original topic once however often it is asked,
	 * and then applied.
	 */
	@Test
	void deadLettersOfEveryTopicAreListedWithTheirReasonsAndReplayedOnce() {
		Tenant tenant = tenant();
		String message = send(tenant, "{\"to\": \"+14155550141\", \"type\": \"text\", \"text\": {\"body\": \"1\"}}");
		String second = send(tenant, "{\"to\": \"+14155550142\", \"type\": \"text\", \"text\": {\"body\": \"2\"}}");
		String dlt = Topics.STATUS_EVENTS.dlt();
		deadLetteredStatus(tenant, message, 7, 4242L);
		deadLetteredStatus(tenant, second, 8, 4243L);
		String query = "/v1/admin/dead-letters?topic=" + dlt + "&organizationId=" + tenant.organizationId();

		await().atMost(WAIT).until(() -> list(admin(query), "deadLetters").size() == 2);
		Map<String, Object> first = list(admin(query), "deadLetters").stream()
			.filter((letter) -> message.equals(letter.get("key")))
			.findFirst()
			.orElseThrow();
		assertThat(first).containsEntry("topic", dlt)
			.containsEntry("originalTopic", Topics.STATUS_EVENTS.name())
			.containsEntry("originalPartition", 7)
			.containsEntry("originalOffset", 4242)
			.containsEntry("reason", "Listener failed; database unavailable")
			.containsEntry("reasonCode", "processing_failed")
			.containsEntry("exceptionClass", "java.lang.IllegalStateException")
			.containsEntry("organizationId", tenant.organizationId())
			.containsEntry("eventType", "message.status")
			.containsKeys("partition", "offset", "timestamp")
			.doesNotContainKey("replayedAt");
		// paged: one at a time, the second page continues after the first
		Map<String, Object> page = admin(query + "&limit=1");
		assertThat(list(page, "deadLetters")).hasSize(1);
		Map<String, Object> rest = admin(query + "&limit=1&after=" + page.get("nextAfter"));
		assertThat(list(rest, "deadLetters")).hasSize(1).doesNotContainAnyElementsOf(list(page, "deadLetters"));
		assertThat(rest).doesNotContainKey("nextAfter");
		// every topic's dead letters when no topic is named
		assertThat(list(admin("/v1/admin/dead-letters?limit=500&organizationId=" + tenant.organizationId()),
				"deadLetters"))
			.hasSize(2);

		Map<String, Object> coordinates = Map.of("partition", first.get("partition"), "offset", first.get("offset"));
		Map<String, Object> replayed = replay(
				Map.of("topic", dlt, "records", List.of(coordinates, Map.of("partition", 0, "offset", 999_999))));
		assertThat(replayed).containsEntry("replayed", 1)
			.containsEntry("alreadyReplayed", 0)
			.containsEntry("notFound", 1);
		assertThat(list(replayed, "results").get(0)).containsEntry("result", "replayed")
			.containsEntry("replayedTo", Topics.STATUS_EVENTS.name());
		// the status reached the read model through its original topic
		await().atMost(WAIT)
			.untilAsserted(
					() -> assertThat(get(tenant, "/v1/messages/" + message)).containsEntry("status", "accepted"));
		// asked again, alone or with all of the topic: not published again
		assertThat(replay(Map.of("topic", dlt, "records", List.of(coordinates)))).containsEntry("replayed", 0)
			.containsEntry("alreadyReplayed", 1);
		String from = dlt + ":" + first.get("partition") + ":" + first.get("offset");
		List<DeadLetterRecord> republished = this.deadLetterReader.readAll(Topics.STATUS_EVENTS.name())
			.block(WAIT)
			.stream()
			.filter((record) -> from.equals(record.text(DeadLetterRecord.REPLAYED_FROM_HEADER)))
			.toList();
		assertThat(republished).singleElement().satisfies((record) -> {
			assertThat(record.key()).isEqualTo(message);
			assertThat(record.text("x-test")).isEqualTo("kept");
			assertThat(record.headers()).noneMatch((header) -> header.key().startsWith("kafka_dlt-")
					|| header.key().equals(RejectedEventException.REASON_HEADER));
		});
		assertThat(list(admin(query), "deadLetters")).filteredOn((letter) -> message.equals(letter.get("key")))
			.singleElement()
			.satisfies((letter) -> assertThat(letter).containsKey("replayedAt"));
	}

	@Test
	void theDeadLetterApiIsTheOperatorsAndRefusesWhatItCannotDo() {
		Tenant tenant = tenant();
		this.client.get()
			.uri("/v1/admin/dead-letters")
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.post()
			.uri("/v1/admin/dead-letters/replay")
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("topic", Topics.STATUS_EVENTS.dlt(), "all", true))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.get().uri("/v1/admin/dead-letters").exchange().expectStatus().isUnauthorized();
		adminProblem(this.client.get().uri("/v1/admin/dead-letters?topic=wa.nope-dlt"), HttpStatus.BAD_REQUEST,
				"topic");
		adminProblem(this.client.get().uri("/v1/admin/dead-letters?after=x"), HttpStatus.BAD_REQUEST, "after");
		adminProblem(this.client.get().uri("/v1/admin/dead-letters?limit=0"), HttpStatus.BAD_REQUEST, "limit");
		adminProblem(
				this.client.post()
					.uri("/v1/admin/dead-letters/replay")
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(Map.of("topic", "wa.status-events", "all", true)),
				HttpStatus.UNPROCESSABLE_CONTENT, "topic");
		adminProblem(
				this.client.post()
					.uri("/v1/admin/dead-letters/replay")
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(Map.of("topic", Topics.STATUS_EVENTS.dlt())),
				HttpStatus.UNPROCESSABLE_CONTENT, "records");
		adminProblem(
				this.client.post()
					.uri("/v1/admin/dead-letters/replay")
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(Map.of("topic", Topics.STATUS_EVENTS.dlt(), "records", List.of(Map.of("partition", 0)))),
				HttpStatus.UNPROCESSABLE_CONTENT, "records[0]");
	}

	private void adminProblem(WebTestClient.RequestHeadersSpec<?> request, HttpStatus status, String field) {
		request.headers((headers) -> headers.setBearerAuth(GatewayFixtures.ADMIN_TOKEN))
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo(field);
	}

	/** What the platform's error handler writes when a listener gives a status up. */
	private void deadLetteredStatus(Tenant tenant, String messageId, int partition, long offset) {
		StatusEvent status = StatusEvent.of(tenant.organizationId(), messageId, MessageStatus.ACCEPTED, Instant.now(),
				tenant.phoneNumberId(), "+14155550141", null, null);
		ProducerRecord<String, Event> record = new ProducerRecord<>(Topics.STATUS_EVENTS.dlt(), messageId, status);
		record.headers()
			.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, Topics.STATUS_EVENTS.name().getBytes(StandardCharsets.UTF_8))
			.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, java.nio.ByteBuffer.allocate(4).putInt(partition).array())
			.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, java.nio.ByteBuffer.allocate(8).putLong(offset).array())
			.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE,
					"Listener failed; database unavailable".getBytes(StandardCharsets.UTF_8))
			.add(KafkaHeaders.DLT_EXCEPTION_FQCN, "java.lang.IllegalStateException".getBytes(StandardCharsets.UTF_8))
			.add(RejectedEventException.REASON_HEADER, "processing_failed".getBytes(StandardCharsets.UTF_8))
			.add("x-test", "kept".getBytes(StandardCharsets.UTF_8));
		reactor.core.publisher.Mono.fromFuture(() -> this.kafka.send(record)).block(WAIT);
	}

	private Map<String, Object> admin(String uri) {
		return this.client.get()
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(GatewayFixtures.ADMIN_TOKEN))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON_OBJECT)
			.returnResult()
			.getResponseBody();
	}

	private Map<String, Object> replay(Map<String, Object> body) {
		return this.client.post()
			.uri("/v1/admin/dead-letters/replay")
			.headers((headers) -> headers.setBearerAuth(GatewayFixtures.ADMIN_TOKEN))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON_OBJECT)
			.returnResult()
			.getResponseBody();
	}

	@Test
	void queueGaugesCountMessagesWaitingForMetaPerNumberAndTheOldestOnesAge() {
		Tenant tenant = tenant();
		String first = send(tenant, "{\"to\": \"+14155550131\", \"type\": \"text\", \"text\": {\"body\": \"1\"}}");
		String second = send(tenant, "{\"to\": \"+14155550132\", \"type\": \"text\", \"text\": {\"body\": \"2\"}}");
		await().atMost(WAIT).untilAsserted(() -> {
			this.queueMetrics.measure().block(WAIT);
			assertThat(queueGauge("gateway.queue.pending", tenant).value()).isEqualTo(2.0);
			assertThat(queueGauge("gateway.queue.oldest.age", tenant).value()).isGreaterThan(0.0);
		});
		assertThat(queueGauge("gateway.queue.pending", tenant).getId().getTag("organization"))
			.isEqualTo(tenant.organizationId());

		publishStatus(tenant, first, MessageStatus.ACCEPTED, Instant.now(), null);
		publishStatus(tenant, second, MessageStatus.ACCEPTED, Instant.now(), null);
		await().atMost(WAIT).untilAsserted(() -> {
			this.queueMetrics.measure().block(WAIT);
			assertThat(queueGauge("gateway.queue.pending", tenant).value()).isZero();
			assertThat(queueGauge("gateway.queue.oldest.age", tenant).value()).isZero();
		});

		// the funnel of the number: every status applied, failures by Meta's code
		publishStatus(tenant, first, MessageStatus.DELIVERED, Instant.now(), null);
		publishStatus(tenant, second, MessageStatus.FAILED, Instant.now(),
				ErrorInfo.of(131026, "Message undeliverable", null));
		await().atMost(WAIT).untilAsserted(() -> {
			assertThat(funnel(tenant, "accepted")).isEqualTo(2.0);
			assertThat(funnel(tenant, "delivered")).isEqualTo(1.0);
			assertThat(funnel(tenant, "failed")).isEqualTo(1.0);
			assertThat(this.meters.find("gateway.messages.failures")
				.tag("phone_number_id", tenant.phoneNumberId())
				.tag("organization", tenant.organizationId())
				.tag("code", "131026")
				.counters()).singleElement().satisfies((counter) -> assertThat(counter.count()).isEqualTo(1.0));
		});
	}

	/**
	 * The count of the status; 0 while its counter does not exist (no such status yet).
	 */
	private double funnel(Tenant tenant, String status) {
		return this.meters.find("gateway.messages.statuses")
			.tag("phone_number_id", tenant.phoneNumberId())
			.tag("organization", tenant.organizationId())
			.tag("status", status)
			.counters()
			.stream()
			.mapToDouble(io.micrometer.core.instrument.Counter::count)
			.sum();
	}

	private Gauge queueGauge(String name, Tenant tenant) {
		return this.meters.get(name).tag("phone_number_id", tenant.phoneNumberId()).gauge();
	}

	@Test
	void analyticsMatchASeededHistoryExactly() {
		Tenant tenant = tenant();
		Tenant other = tenant();
		seedHistory(tenant, other);
		String range = "since=2026-03-01&until=2026-03-04";

		Map<String, Object> byDay = analytics(tenant, range + "&groupBy=day");
		assertThat(byDay).containsEntry("since", "2026-03-01T00:00:00Z")
			.containsEntry("until", "2026-03-04T00:00:00Z")
			.containsEntry("groupBy", "day");
		Map<String, Object> total = object(byDay, "total");
		assertThat(total).containsEntry("total", 7)
			.containsEntry("accepted", 6)
			.containsEntry("sent", 3)
			.containsEntry("delivered", 3)
			.containsEntry("read", 2)
			.containsEntry("failed", 3)
			.containsEntry("deliveryRate", 0.5)
			.containsEntry("readRate", 0.6667)
			.containsEntry("failureRate", 0.4286)
			.containsEntry("medianSecondsToDelivered", 6.0)
			.containsEntry("medianSecondsToRead", 45.0);
		assertThat(total.get("topFailures")).isEqualTo(List.of(
				Map.of("code", 131026, "title", "Message undeliverable", "count", 2),
				Map.of("code", 131049, "title", "Not delivered to maintain healthy ecosystem engagement", "count", 1)));
		List<Map<String, Object>> days = list(byDay, "groups");
		assertThat(days).extracting((group) -> group.get("key")).containsExactly("2026-03-01", "2026-03-02");
		assertThat(days.get(0)).containsEntry("total", 3)
			.containsEntry("accepted", 3)
			.containsEntry("delivered", 2)
			.containsEntry("read", 1)
			.containsEntry("failed", 1)
			.containsEntry("medianSecondsToDelivered", 7.0)
			.containsEntry("medianSecondsToRead", 60.0);
		assertThat(days.get(1)).containsEntry("total", 4)
			.containsEntry("accepted", 3)
			.containsEntry("delivered", 1)
			.containsEntry("read", 1)
			.containsEntry("failed", 2)
			.containsEntry("medianSecondsToDelivered", 6.0)
			.containsEntry("medianSecondsToRead", 30.0);
		assertThat(list(days.get(1), "topFailures")).extracting((reason) -> reason.get("code"))
			.containsExactly(131026, 131049);
		assertThat(byDay.get("templates"))
			.isEqualTo(List.of(Map.of("name", "booking_confirmed", "language", "en_US", "count", 3),
					Map.of("name", "booking_reminder", "language", "de", "count", 2)));

		List<Map<String, Object>> templates = list(analytics(tenant, range + "&groupBy=template"), "groups");
		assertThat(templates).extracting((group) -> group.get("key"))
			.containsExactly("booking_confirmed", "booking_reminder", null);
		assertThat(templates).extracting((group) -> group.get("total")).containsExactly(3, 2, 2);
		assertThat(templates.get(1)).containsEntry("failed", 2).containsEntry("failureRate", 1.0);

		List<Map<String, Object>> contexts = list(analytics(tenant, range + "&groupBy=context"), "groups");
		assertThat(contexts).extracting((group) -> group.get("key")).containsExactly("booking", "inquiry", null);
		assertThat(contexts).extracting((group) -> group.get("total")).containsExactly(3, 1, 3);

		List<Map<String, Object>> numbers = list(analytics(tenant, range + "&groupBy=number"), "groups");
		assertThat(numbers).singleElement()
			.satisfies((group) -> assertThat(group).containsEntry("key", tenant.phoneNumberId())
				.containsEntry("total", 7));

		// the other organization's message in the same range is its own
		assertThat(object(analytics(other, range), "total")).containsEntry("total", 1).containsEntry("accepted", 0);
		// a range without messages: zero counts, no rates
		assertThat(object(analytics(tenant, "since=2025-01-01&until=2025-01-02"), "total")).containsEntry("total", 0)
			.containsEntry("deliveryRate", null)
			.containsEntry("medianSecondsToDelivered", null);
	}

	@Test
	void analyticsParametersAreValidated() {
		Tenant tenant = tenant();
		badRequest(tenant, "groupBy=week", "groupBy");
		badRequest(tenant, "since=yesterday", "since");
		badRequest(tenant, "since=2026-03-02&until=2026-03-01", "since");
		badRequest(tenant, "since=2026-01-01&until=2026-04-04", "until");
		// the default: the last 7 days, by day
		Map<String, Object> defaults = analytics(tenant, "");
		assertThat(defaults).containsEntry("groupBy", "day");
		assertThat(Duration.between(Instant.parse((String) defaults.get("since")),
				Instant.parse((String) defaults.get("until"))))
			.isEqualTo(Duration.ofDays(7));
		// 92 days, the most one request may ask for
		assertThat(analytics(tenant, "since=2026-01-01&until=2026-04-03")).containsEntry("since",
				"2026-01-01T00:00:00Z");
	}

	@Test
	void numbersShowMetasHealthReportsAndTheSendersStateAndGaugesFollowThem() {
		Tenant tenant = tenant();
		Map<String, Object> before = onlyNumber(numbers(tenant));
		assertThat(before).containsEntry("phoneNumberId", tenant.phoneNumberId())
			.containsEntry("wabaId", tenant.wabaId())
			.containsEntry("displayPhoneNumber", "+15550783881")
			.containsEntry("default", true)
			.containsEntry("throughputPerSecond", 80)
			.containsEntry("sending", null);
		assertThat(object(before, "health")).containsEntry("quality", null).containsEntry("messagingLimit", null);
		await().atMost(WAIT).until(() -> messagingLimitGauge(tenant) != null);
		assertThat(messagingLimitGauge(tenant).value()).isNaN();
		assertThat(qualityGauge(tenant, "FLAGGED").value()).isZero();

		Instant reported = Instant.parse("2026-03-05T10:00:00Z");
		publishHealth(new NumberHealth(UUID.randomUUID(), reported, tenant.organizationId(), tenant.wabaId(),
				"15550783881", NumberHealth.QUALITY, "FLAGGED", null));
		publishHealth(new NumberHealth(UUID.randomUUID(), reported, tenant.organizationId(), tenant.wabaId(),
				"15550783881", NumberHealth.MESSAGING_LIMIT, "TIER_10K", null));
		publishHealth(new NumberHealth(UUID.randomUUID(), reported, tenant.organizationId(), tenant.wabaId(), null,
				NumberHealth.ACCOUNT_STATUS, "ACCOUNT_RESTRICTION",
				"{\"restriction_type\": \"RESTRICTED_ADD_PHONE\"}"));
		this.publisher
			.publish(Topics.ACCOUNTS,
					SendingState.of(tenant.organizationId(), tenant.phoneNumberId(), 60.0, 80.0, null, 1, 0))
			.block(WAIT);

		await().atMost(WAIT).untilAsserted(() -> {
			Map<String, Object> number = onlyNumber(numbers(tenant));
			Map<String, Object> health = object(number, "health");
			assertThat(object(health, "quality")).containsEntry("value", "FLAGGED")
				.containsEntry("at", reported.toString());
			assertThat(object(health, "messagingLimit")).containsEntry("value", "TIER_10K");
			assertThat(object(health, "accountStatus")).containsEntry("value", "ACCOUNT_RESTRICTION")
				.containsEntry("detail", "{\"restriction_type\": \"RESTRICTED_ADD_PHONE\"}");
			assertThat(health).containsEntry("nameStatus", null);
			assertThat(object(number, "sending")).containsEntry("allowedPerSecond", 60.0)
				.containsEntry("limitPerSecond", 80.0)
				.containsEntry("inFlight", 1)
				.containsEntry("pausedReason", null);
		});
		assertThat(messagingLimitGauge(tenant).value()).isEqualTo(10_000.0);
		assertThat(qualityGauge(tenant, "FLAGGED").value()).isEqualTo(1.0);
		assertThat(qualityGauge(tenant, "UNFLAGGED").value()).isZero();

		// Meta lifts the flag: the newer fact replaces the older
		publishHealth(new NumberHealth(UUID.randomUUID(), reported.plusSeconds(60), tenant.organizationId(),
				tenant.wabaId(), "15550783881", NumberHealth.QUALITY, "UNFLAGGED", null));
		await().atMost(WAIT).until(() -> qualityGauge(tenant, "UNFLAGGED").value() == 1.0);
		assertThat(qualityGauge(tenant, "FLAGGED").value()).isZero();
		assertThat(this.meters.find("gateway.number.quality").tag("phone_number_id", tenant.phoneNumberId()).gauges())
			.hasSize(7);
	}

	/**
	 * Seven messages of {@code tenant} in March 2026 with known statuses and times, one
	 * before the range, one mark-as-read, and one of {@code other}.
	 */
	private void seedHistory(Tenant tenant, Tenant other) {
		Instant at1 = DAY_1.plusSeconds(36_000);
		String m1 = request(tenant, at1, template("booking_confirmed", "en_US"), "booking");
		statuses(tenant, m1, at1, MessageStatus.ACCEPTED, 1, MessageStatus.DELIVERED, 5, MessageStatus.READ, 61);
		Instant at2 = DAY_1.plusSeconds(39_600);
		String m2 = request(tenant, at2, template("booking_confirmed", "en_US"), "booking");
		statuses(tenant, m2, at2, MessageStatus.ACCEPTED, 1, MessageStatus.SENT, 2, MessageStatus.DELIVERED, 11);
		Instant at3 = DAY_1.plusSeconds(43_200);
		String m3 = request(tenant, at3, template("booking_reminder", "de"), "booking");
		statuses(tenant, m3, at3, MessageStatus.ACCEPTED, 1);
		failed(tenant, m3, at3.plusSeconds(5), 131026, "Message undeliverable");
		Instant at4 = DAY_2.plusSeconds(32_400);
		String m4 = request(tenant, at4, MetaMessage.text("+14155550123", "Hi"), "inquiry");
		statuses(tenant, m4, at4, MessageStatus.ACCEPTED, 1, MessageStatus.DELIVERED, 7, MessageStatus.READ, 31);
		Instant at5 = DAY_2.plusSeconds(36_000);
		String m5 = request(tenant, at5, template("booking_reminder", "de"), null);
		statuses(tenant, m5, at5, MessageStatus.ACCEPTED, 1);
		failed(tenant, m5, at5.plusSeconds(10), 131026, "Message undeliverable");
		Instant at6 = DAY_2.plusSeconds(39_600);
		String m6 = request(tenant, at6, template("booking_confirmed", "en_US"), null);
		statuses(tenant, m6, at6, MessageStatus.ACCEPTED, 1);
		failed(tenant, m6, at6.plusSeconds(3), 131049, "Not delivered to maintain healthy ecosystem engagement");
		String m7 = request(tenant, DAY_2.plusSeconds(43_200), MetaMessage.text("+14155550123", "Still queued"), null);
		String before = request(tenant, DAY_1.minusSeconds(3_600), template("booking_confirmed", "en_US"), "booking");
		String read = request(tenant, DAY_1.plusSeconds(50_000), MetaMessage.markRead("wamid.IN1", null), null);
		String others = request(other, DAY_1.plusSeconds(36_000), template("booking_confirmed", "en_US"), "booking");
		List<String> all = List.of(m1, m2, m3, m4, m5, m6, m7, before, read, others);
		// every request recorded (10 "queued" entries) and every status (15) applied
		await().atMost(WAIT)
			.until(() -> count(
					"select count(*) as n from messages where id in (:ids) " + "and requested_at is not null",
					all) == all.size()
					&& count("select count(*) as n from message_history where message_id in (:ids)", all) == 25);
	}

	private long count(String sql, List<String> ids) {
		return this.db.sql(sql).bind("ids", ids).map((row) -> row.get("n", Long.class)).one().block(WAIT);
	}

	private String request(Tenant tenant, Instant at, MetaMessage message, String contextType) {
		String id = UUID.randomUUID().toString();
		SendRequest request = new SendRequest(UUID.randomUUID(), at, tenant.organizationId(), id,
				tenant.phoneNumberId(), "+14155550123", message,
				(contextType != null) ? new SendRequest.BusinessContext(contextType, "R-1") : null,
				Priority.TRANSACTIONAL, null, null, "api");
		this.publisher.publish(Topics.SEND_REQUESTS, request).block(WAIT);
		return id;
	}

	private static MetaMessage template(String name, String language) {
		return MetaMessage.template("+14155550123",
				new MetaMessage.Template(name, MetaMessage.Language.of(language), null));
	}

	/** Statuses at seconds after the message's creation: status, seconds, status, ... */
	private void statuses(Tenant tenant, String messageId, Instant created, Object... statusesAndSeconds) {
		for (int i = 0; i < statusesAndSeconds.length; i += 2) {
			publishStatus(tenant, messageId, (MessageStatus) statusesAndSeconds[i],
					created.plusSeconds((Integer) statusesAndSeconds[i + 1]), null);
		}
	}

	private void failed(Tenant tenant, String messageId, Instant at, int code, String title) {
		publishStatus(tenant, messageId, MessageStatus.FAILED, at, ErrorInfo.of(code, title, null));
	}

	private void publishStatus(Tenant tenant, String messageId, MessageStatus status, Instant at, ErrorInfo error) {
		this.publisher
			.publish(Topics.STATUS_EVENTS,
					StatusEvent.of(tenant.organizationId(), messageId, status, at, tenant.phoneNumberId(),
							"+14155550123", null, error))
			.block(WAIT);
	}

	private void publishHealth(NumberHealth health) {
		this.publisher.publish(Topics.ACCOUNTS, health).block(WAIT);
	}

	/** What the sender's DeadLetters writes: the request, with the reason in a header. */
	private void deadLetter(Tenant tenant, String messageId, String reason) {
		SendRequest request = SendRequest.of(tenant.organizationId(), messageId, tenant.phoneNumberId(), "+14155550125",
				MetaMessage.text("+14155550125", "3"), null, Priority.TRANSACTIONAL, null, "api");
		ProducerRecord<String, Event> record = new ProducerRecord<>(Topics.SEND_REQUESTS.dlt(), tenant.phoneNumberId(),
				request);
		record.headers().add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, reason.getBytes(StandardCharsets.UTF_8));
		reactor.core.publisher.Mono.fromFuture(() -> this.kafka.send(record)).block(WAIT);
	}

	private Instant createdAt(String messageId) {
		return this.db.sql("select created_at from messages where id = :id")
			.bind("id", messageId)
			.map((row) -> row.get("created_at", Instant.class))
			.one()
			.block(WAIT);
	}

	private Gauge messagingLimitGauge(Tenant tenant) {
		return this.meters.find("gateway.number.messaging-limit")
			.tag("phone_number_id", tenant.phoneNumberId())
			.gauge();
	}

	private Gauge qualityGauge(Tenant tenant, String event) {
		return this.meters.find("gateway.number.quality")
			.tag("phone_number_id", tenant.phoneNumberId())
			.tag("event", event)
			.gauge();
	}

	private Tenant tenant() {
		return GatewayFixtures.aTenantWithADefaultNumber(this.client, "app-secret-" + UUID.randomUUID());
	}

	private String send(Tenant tenant, String json) {
		Map<String, Object> accepted = this.client.post()
			.uri("/v1/messages")
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(JSON_OBJECT)
			.returnResult()
			.getResponseBody();
		return (String) accepted.get("id");
	}

	private Map<String, Object> queue(Tenant tenant) {
		return get(tenant, "/v1/queue");
	}

	private Map<String, Object> numbers(Tenant tenant) {
		return get(tenant, "/v1/numbers");
	}

	private Map<String, Object> analytics(Tenant tenant, String query) {
		return get(tenant, "/v1/analytics/messages?" + query);
	}

	private Map<String, Object> get(Tenant tenant, String uri) {
		return this.client.get()
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON_OBJECT)
			.returnResult()
			.getResponseBody();
	}

	private void badRequest(Tenant tenant, String query, String field) {
		this.client.get()
			.uri("/v1/analytics/messages?" + query)
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.BAD_REQUEST)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:waplatform:problem:malformed-request")
			.jsonPath("$.errors[0].field")
			.isEqualTo(field);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> object(Map<String, Object> parent, String name) {
		return (Map<String, Object>) parent.get(name);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> parent, String name) {
		return (List<Map<String, Object>>) parent.get(name);
	}

	private static Map<String, Object> onlyNumber(Map<String, Object> response) {
		List<Map<String, Object>> numbers = list(response, "numbers");
		assertThat(numbers).hasSize(1);
		return numbers.get(0);
	}

}
