package com.waplatform.systemtests;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.waplatform.common.crypto.WebhookSignature;
import com.waplatform.common.event.Event;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.common.webhook.WebhookReceived;
import com.waplatform.devstack.DemoAccount;
import com.waplatform.devstack.LocalPlatform;
import com.waplatform.devstack.LocalPlatform.Service;
import com.waplatform.devstack.LocalPrometheus;
import com.waplatform.devstack.PlatformOptions;
import com.waplatform.support.tracing.TraceContexts;
import com.waplatform.systemtests.observability.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton: the whole platform (real Kafka, real PostgreSQL, the simulator
 * and all five services) and one real message at a time travelling the whole path. Last,
 * after all that traffic, the operators' dashboards and alerts are checked against what
 * the services really publish, and against the dev stack's real Prometheus when its
 * binary is installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final List<Service> PLATFORM_SERVICES = List.of(Service.GATEWAY, Service.SENDER, Service.TEMPLATE,
			Service.WEBHOOK, Service.WORKFLOW, Service.CALLBACK);

	private static LocalPlatform platform;

	private static DemoAccount demo;

	private static WebTestClient gateway;

	private static WebTestClient simulator;

	private static KafkaProbe kafka;

	@BeforeAll
	static void startPlatform() {
		platform = LocalPlatform.start(PlatformOptions.randomPorts()
			.withOverrides(Map.of("platform.kafka.partitions", 2, "spring.main.banner-mode", "off",
					"simulator.accounts[0].enforce-service-window", true,
					// statuses as Meta posts them under load: several in one webhook
					"simulator.webhooks.max-statuses-per-post", 20, "simulator.webhooks.batch-window", "50ms"))
			// a real Prometheus scraping every service, when its binary is installed
			.withPrometheus(true));
		demo = platform.demo();
		gateway = WebTestClient.bindToServer()
			.baseUrl(platform.url(Service.GATEWAY))
			.responseTimeout(Duration.ofSeconds(30))
			.build();
		simulator = WebTestClient.bindToServer()
			.baseUrl(platform.url(Service.SIMULATOR))
			.responseTimeout(Duration.ofSeconds(30))
			.build();
		kafka = new KafkaProbe(platform.kafkaBootstrapServers());
	}

	@AfterAll
	static void stopPlatform() {
		if (kafka != null) {
			kafka.close();
		}
		if (platform != null) {
			platform.close();
		}
	}

	@Test
	void apiTextMessageReachesReadAndMetaReceivesItOnce() {
		String id = sendText("+14155550101", "Your tour starts tomorrow at 9:00.");

		awaitStatus(id, "read");
		JsonNode message = getMessage(id);
		assertThat(message.get("to").asString()).isEqualTo("+14155550101");
		assertThat(message.get("wamid").asString()).startsWith("wamid.");
		assertThat(message.get("history").findValuesAsString("status")).containsExactly("queued", "accepted", "sent",
				"delivered", "read");
		assertThat(ledgerCount(id)).isEqualTo(1);
	}

	/**
	 * One message, one trace: a client's trace context on {@code POST /v1/messages} goes
	 * on through the outbox (the send request record), the sender's call to Meta (the
	 * request's traceparent, as the simulator recorded it), the webhook service's status
	 * events (Meta's webhooks carry no trace: the service continues the message's) and
	 * the gateway's read model update of them.
	 */
	@Test
	void oneMessageIsOneTraceFromThePostThroughMetaToTheReadModel() {
		String traceId = UUID.randomUUID().toString().replace("-", "");
		String traceparent = "00-" + traceId + "-" + traceId.substring(0, 16) + "-01";
		String to = "+14155550111";
		customerWrites(to, "Hi, a question");
		Map<String, String> readModelTraces = new ConcurrentHashMap<>();
		platform.context(Service.GATEWAY)
			.getBean(ObservationRegistry.class)
			.observationConfig()
			.observationHandler(new ReadModelTraces(readModelTraces));

		String id = gateway.post()
			.uri("/v1/messages")
			.header("Authorization", "Bearer " + demo.apiKey())
			.header("traceparent", traceparent)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("to", to, "type", "text", "text", Map.of("body", "Traced from end to end")))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.asString();
		awaitStatus(id, "read");

		ConsumerRecord<String, Event> sendRequest = kafka.awaitRecord(Topics.SEND_REQUESTS.name(), SendRequest.class,
				(request) -> id.equals(request.messageId()), TIMEOUT);
		assertThat(TraceContexts.traceId(TraceContexts.of(sendRequest.headers()))).as("the gateway's send request")
			.isEqualTo(traceId);
		JsonNode call = simulator.get()
			.uri((uri) -> uri.path("/admin/ledger").queryParam("callbackData", id).build())
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get(0);
		assertThat(TraceContexts.traceId(call.path("traceparent").asString())).as("the sender's call to Meta")
			.isEqualTo(traceId);
		ConsumerRecord<String, Event> read = kafka.awaitRecord(Topics.STATUS_EVENTS.name(), StatusEvent.class,
				(status) -> id.equals(status.messageId()) && status.status() == MessageStatus.READ, TIMEOUT);
		assertThat(TraceContexts.traceId(TraceContexts.of(read.headers()))).as("the webhook service's read status")
			.isEqualTo(traceId);
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(readModelTraces).as("the gateway's read model update of it")
				.containsEntry(id + "/" + read.offset(), traceId));
	}

	/**
	 * The trace of each status event record the gateway's read model handled (by message
	 * id and offset; the listener's containers are {@code gateway-status-events-<n>}).
	 */
	private record ReadModelTraces(
			Map<String, String> traces) implements ObservationHandler<KafkaRecordReceiverContext> {

		@Override
		public void onStop(KafkaRecordReceiverContext context) {
			TracingObservationHandler.TracingContext tracing = context
				.get(TracingObservationHandler.TracingContext.class);
			ConsumerRecord<?, ?> record = context.getRecord();
			if (context.getListenerId().startsWith("gateway-status-events") && tracing != null
					&& tracing.getSpan() != null && record.key() != null) {
				this.traces.put(record.key() + "/" + record.offset(), tracing.getSpan().context().traceId());
			}
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof KafkaRecordReceiverContext;
		}

	}

	@Test
	void aMessageScheduledTwoSecondsAheadReachesReadAfterItsTime() {
		String to = "+14155550109";
		customerWrites(to, "Remind me, please");
		java.time.Instant scheduledFor = java.time.Instant.now().plusSeconds(2);
		JsonNode response = gateway.post()
			.uri("/v1/messages")
			.header("Authorization", "Bearer " + demo.apiKey())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("to", to, "type", "text", "text", Map.of("body", "Your reminder"), "scheduledFor",
					scheduledFor.toString()))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(response.get("status").asString()).isEqualTo("scheduled");
		String id = response.get("id").asString();

		awaitStatus(id, "read");
		JsonNode message = getMessage(id);
		assertThat(message.get("history").findValuesAsString("status")).contains("scheduled", "queued", "accepted",
				"read");
		for (JsonNode entry : message.get("history")) {
			if ("queued".equals(entry.get("status").asString())) {
				assertThat(java.time.Instant.parse(entry.get("at").asString())).isAfterOrEqualTo(scheduledFor);
			}
		}
		assertThat(ledgerCount(id)).isEqualTo(1);
	}

	@Test
	void bookingConfirmedBusinessEventReachesRead() throws Exception {
		String bookingId = "B-" + UUID.randomUUID();
		kafka.publishCloudEvent(Topics.BUSINESS_EVENTS.name(), bookingId, "booking.confirmed", demo.organizationId(),
				"""
						{"bookingId":"%s","customerName":"Ana","customerPhone":"+34612345678",
						 "packageName":"Lisbon Highlights","startDate":"2026-12-01","reference":"REF-77"}
						""".formatted(bookingId));

		SendRequest request = kafka.await(Topics.SEND_REQUESTS.name(), SendRequest.class,
				(candidate) -> candidate.context() != null && bookingId.equals(candidate.context().id()), TIMEOUT);
		assertThat(request.message().template().name()).isEqualTo("booking_confirmation");
		assertThat(request.recipient()).isEqualTo("+34612345678");

		awaitStatus(request.messageId(), "read");
		assertThat(ledgerCount(request.messageId())).isEqualTo(1);
	}

	/**
	 * The same booking through the gateway's CloudEvents HTTP binding (structured mode):
	 * workflow-service records what it triggered, and {@code GET /v1/events/{id}} shows
	 * the message, which travels to Meta like any other.
	 */
	@Test
	void bookingConfirmedPostedToTheGatewayShowsTheMessageItTriggered() {
		String bookingId = "B-" + UUID.randomUUID();
		String event = """
				{"specversion": "1.0", "id": "evt-%s", "source": "/bookings", "type": "booking.confirmed",
				 "subject": "%s", "data": {"bookingId": "%s", "customerName": "Ana", "customerPhone": "+34612345679",
				 "packageName": "Lisbon Highlights", "startDate": "2026-12-01", "reference": "REF-78"}}"""
			.formatted(bookingId, bookingId, bookingId);
		JsonNode accepted = gateway.post()
			.uri("/v1/events")
			.header("Authorization", "Bearer " + demo.apiKey())
			.contentType(MediaType.parseMediaType("application/cloudevents+json"))
			.bodyValue(event)
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		String eventId = accepted.get("events").get(0).get("id").asString();

		await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			JsonNode outcome = gateway.get()
				.uri("/v1/events/{id}", eventId)
				.header("Authorization", "Bearer " + demo.apiKey())
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(JsonNode.class)
				.returnResult()
				.getResponseBody();
			assertThat(outcome.path("outcome").asString()).isEqualTo("triggered");
		});
		JsonNode outcome = gateway.get()
			.uri("/v1/events/{id}", eventId)
			.header("Authorization", "Bearer " + demo.apiKey())
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(outcome.path("subject").asString()).isEqualTo(bookingId);
		assertThat(outcome.path("rules").get(0).path("rule").asString()).isEqualTo("booking-confirmation");
		String messageId = outcome.path("rules").get(0).path("messages").get(0).asString();
		awaitStatus(messageId, "read");
		assertThat(getMessage(messageId).path("context").path("id").asString()).isEqualTo(bookingId);
		assertThat(ledgerCount(messageId)).isEqualTo(1);
	}

	@Test
	void sendRequestDeliveredTwiceToTheSenderReachesMetaOnce() throws Exception {
		String id = sendText("+14155550102", "Payment received, thank you.");
		SendRequest request = kafka.await(Topics.SEND_REQUESTS.name(), SendRequest.class,
				(candidate) -> candidate.messageId().equals(id), TIMEOUT);
		awaitStatus(id, "accepted", "sent", "delivered", "read");
		double skippedBefore = duplicatesSkipped();

		kafka.publish(Topics.SEND_REQUESTS.name(), request);

		await().atMost(TIMEOUT).until(() -> duplicatesSkipped() > skippedBefore);
		awaitStatus(id, "read");
		assertThat(ledgerCount(id)).isEqualTo(1);
	}

	@Test
	void forgedWebhookSignatureIsRejectedAndChangesNothing() {
		String id = sendText("+14155550103", "See you soon.");
		awaitStatus(id, "read");
		String forgedWamid = "wamid.FORGED-" + UUID.randomUUID();
		byte[] forged = statusWebhook(forgedWamid, id, "failed").getBytes(StandardCharsets.UTF_8);

		gateway.post()
			.uri("/webhooks/meta")
			.contentType(MediaType.APPLICATION_JSON)
			.header(WebhookSignature.HEADER, WebhookSignature.sign("not-the-app-secret", forged))
			.bodyValue(forged)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		gateway.post()
			.uri("/webhooks/meta")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(forged)
			.exchange()
			.expectStatus()
			.isUnauthorized();

		// webhooks of one account share a partition: had the forged one been accepted, it
		// would precede this
		String markerWamid = "wamid.MARKER-" + UUID.randomUUID();
		postSigned(statusWebhook(markerWamid, UUID.randomUUID().toString(), "sent"));
		List<WebhookReceived> received = kafka.readUntil(Topics.WEBHOOK_EVENTS.name(), WebhookReceived.class,
				(event) -> event.payload().contains(markerWamid), TIMEOUT);
		assertThat(received).noneMatch((event) -> event.payload().contains(forgedWamid));
		assertThat(getMessage(id).get("status").asString()).isEqualTo("read");
	}

	@Test
	void lateSentWebhookAfterReadDoesNotDowngrade() {
		String id = sendText("+14155550104", "Your guide is Marta.");
		awaitStatus(id, "read");
		String wamid = getMessage(id).get("wamid").asString();
		int historyBefore = getMessage(id).get("history").size();

		postSigned(statusWebhook(wamid, id, "sent"));
		postSigned(statusWebhook(wamid, id, "delivered"));
		// a later message on the same account is processed after the stale webhooks (same
		// partition)
		String marker = sendText("+14155550105", "Marker.");
		awaitStatus(marker, "read");

		JsonNode message = getMessage(id);
		assertThat(message.get("status").asString()).isEqualTo("read");
		assertThat(message.get("history").size()).isEqualTo(historyBefore);
	}

	/**
	 * springdoc is on every service's classpath here (one JVM): only the gateway serves
	 * an API document, the others and the simulator keep it off.
	 */
	@Test
	void onlyTheGatewayServesTheApiDocument() {
		gateway.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.openapi")
			.value((version) -> assertThat((String) version).startsWith("3.1"));
		for (Service service : Service.values()) {
			if (service != Service.GATEWAY) {
				WebTestClient.bindToServer()
					.baseUrl(platform.url(service))
					.build()
					.get()
					.uri("/v3/api-docs")
					.exchange()
					.expectStatus()
					.value((status) -> assertThat(status).as(service.name()).isIn(401, 403, 404));
			}
		}
	}

	@Test
	void badRequestsGetProblemDetailsNeverServerErrors() {
		expectProblem(gateway.post().uri("/v1/messages").header("Authorization", "Bearer " + demo.apiKey()),
				"{\"to\": \"+14155550106\", \"type\": \"text\", ", HttpStatus.BAD_REQUEST);
		expectProblem(gateway.post().uri("/v1/messages").header("Authorization", "Bearer " + demo.apiKey()),
				"{\"to\": {\"number\": 1}, \"type\": \"text\", \"text\": {\"body\": \"hi\"}}", HttpStatus.BAD_REQUEST);
		expectProblem(gateway.post().uri("/v1/messages").header("Authorization", "Bearer " + demo.apiKey()),
				"{\"to\": \"+1 555\", \"type\": \"text\", \"text\": {\"body\": \"hi\"}}",
				HttpStatus.UNPROCESSABLE_CONTENT);
		expectProblem(gateway.post().uri("/v1/messages"),
				"{\"to\": \"+14155550106\", \"type\": \"text\", \"text\": {\"body\": \"hi\"}}",
				HttpStatus.UNAUTHORIZED);
		String oversized = "{\"to\": \"+14155550106\", \"type\": \"text\", \"text\": {\"body\": \""
				+ "x".repeat(2_000_000) + "\"}}";
		expectProblem(gateway.post().uri("/v1/messages").header("Authorization", "Bearer " + demo.apiKey()), oversized,
				HttpStatus.CONTENT_TOO_LARGE);
	}

	private static void expectProblem(WebTestClient.RequestBodySpec request, String body, HttpStatus status) {
		request.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(status.value())
			.jsonPath("$.title")
			.exists();
	}

	/**
	 * A renamed metric breaks the build, not the dashboard: after traffic (a message
	 * read, and the rarer events of {@link ObservedTraffic}), every metric name a
	 * dashboard query or an alert expression uses is in some service's
	 * {@code /actuator/prometheus} output; and the dev stack's Prometheus answers every
	 * dashboard query without error and evaluates every alert rule. Last: the traffic
	 * leaves the demo organization paused.
	 */
	@Test
	@Order(Integer.MAX_VALUE)
	void dashboardsAndAlertsUseMetricsTheServicesPublishAndPrometheusAnswersThem() throws Exception {
		String id = sendText("+14155550140", "Your guide is on the way.");
		awaitStatus(id, "read");
		new ObservedTraffic(platform, gateway, simulator, kafka).run();

		Set<String> used = new TreeSet<>(MetricNames.usedByDashboardsAndAlerts(ROOT));
		used.removeAll(MetricNames.SYNTHETIC);
		assertThat(used).hasSizeGreaterThan(40);
		// gauges of numbers are registered by sweeps every few seconds
		await().atMost(TIMEOUT).untilAsserted(() -> {
			Set<String> missing = new TreeSet<>(used);
			missing.removeAll(publishedMetricNames());
			assertThat(missing)
				.as("metric names used by deploy/grafana or deploy/prometheus/alerts.yml that no "
						+ "service publishes")
				.isEmpty();
		});

		Optional<String> prometheus = platform.prometheusUrl();
		if (prometheus.isEmpty()) {
			// without the binary there is nothing more to check (.ci/run installs it)
			assertThat(LocalPrometheus.binary()).isEmpty();
			return;
		}
		WebTestClient client = WebTestClient.bindToServer()
			.baseUrl(prometheus.get())
			.responseTimeout(Duration.ofSeconds(30))
			.build();
		// scraped since the traffic's last event
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(
					prometheusQuery(client, "sender_organization_pauses_total").path("data").path("result").size())
				.as("the pause in Prometheus; its targets: %s", targets(client))
				.isPositive());
		for (String query : MetricNames.dashboardQueries(ROOT)) {
			JsonNode answer = prometheusQuery(client, MetricNames.withVariablesResolved(query));
			assertThat(answer.path("status").asString()).as(query + ": " + answer.path("error").asString())
				.isEqualTo("success");
		}
		assertThat(prometheusQuery(client, "sum(gateway_messages_statuses_total{status=\"read\"})").path("data")
			.path("result")
			.get(0)
			.path("value")
			.get(1)
			.asDouble()).as("read messages Prometheus saw").isPositive();
		await().atMost(TIMEOUT).untilAsserted(() -> {
			List<JsonNode> rules = client.get()
				.uri("/api/v1/rules")
				.exchange()
				.expectBody(JsonNode.class)
				.returnResult()
				.getResponseBody()
				.path("data")
				.path("groups")
				.valueStream()
				.flatMap((group) -> group.path("rules").valueStream())
				.toList();
			assertThat(rules).hasSize(MetricNames.alertExpressions(ROOT).size())
				.allSatisfy((rule) -> assertThat(rule.path("health").asString())
					.as(rule.path("name").asString() + " " + rule.path("lastError").asString())
					.isEqualTo("ok"));
		});
	}

	private static Set<String> publishedMetricNames() {
		Set<String> names = new TreeSet<>();
		for (Service service : PLATFORM_SERVICES) {
			String text = WebTestClient.bindToServer()
				.baseUrl(platform.managementUrl(service))
				// a service's metrics are several hundred kilobytes
				.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
				.build()
				.get()
				.uri("/actuator/prometheus")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			names.addAll(MetricNames.exposedIn(text));
		}
		return names;
	}

	/**
	 * Each scrape target's job, health and last error, to say why a series is missing.
	 */
	private static List<String> targets(WebTestClient prometheus) {
		return prometheus.get()
			.uri("/api/v1/targets")
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.path("data")
			.path("activeTargets")
			.valueStream()
			.map((target) -> target.path("labels").path("job").asString() + " " + target.path("health").asString() + " "
					+ target.path("lastError").asString())
			.toList();
	}

	private static JsonNode prometheusQuery(WebTestClient prometheus, String query) {
		return prometheus.get()
			.uri((uri) -> uri.path("/api/v1/query").queryParam("query", "{query}").build(query))
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	/**
	 * Free-form text needs an open 24-hour window: the customer writes first, and the
	 * gateway has recorded it (the webhook travels through webhook-service first).
	 */
	private static void customerWrites(String from, String text) {
		simulator.post()
			.uri("/admin/inbound")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("phoneNumberId", demo.phoneNumberId(), "from", from, "text", text))
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			JsonNode page = gateway.get()
				.uri((uri) -> uri.path("/v1/conversations").queryParam("customer", "{c}").build(from))
				.header("Authorization", "Bearer " + demo.apiKey())
				.exchange()
				.expectBody(JsonNode.class)
				.returnResult()
				.getResponseBody();
			return page != null && page.path("conversations").size() > 0
					&& !page.path("conversations").get(0).path("windowOpenUntil").isNull();
		});
	}

	private static String sendText(String to, String body) {
		customerWrites(to, "Hi, a question");
		JsonNode response = gateway.post()
			.uri("/v1/messages")
			.header("Authorization", "Bearer " + demo.apiKey())
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("to", to, "type", "text", "text", Map.of("body", body)))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(response.get("status").asString()).isEqualTo("queued");
		return response.get("id").asString();
	}

	private static JsonNode getMessage(String id) {
		return gateway.get()
			.uri("/v1/messages/{id}", id)
			.header("Authorization", "Bearer " + demo.apiKey())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private static void awaitStatus(String id, String... anyOf) {
		MessageStatuses.awaitAny(gateway, demo.apiKey(), id, anyOf);
	}

	private static long ledgerCount(String messageId) {
		return new SimulatorLedger(simulator).count(messageId);
	}

	private static double duplicatesSkipped() {
		MeterRegistry meters = platform.context(Service.SENDER).getBean(MeterRegistry.class);
		return meters.find("sender.duplicates.skipped").counters().stream().mapToDouble((c) -> c.count()).sum();
	}

	private static void postSigned(String json) {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		gateway.post()
			.uri("/webhooks/meta")
			.contentType(MediaType.APPLICATION_JSON)
			.header(WebhookSignature.HEADER, WebhookSignature.sign(demo.appSecret(), body))
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk();
	}

	private static String statusWebhook(String wamid, String messageId, String status) {
		return """
				{"object":"whatsapp_business_account","entry":[{"id":"%s","changes":[{"value":{
				"messaging_product":"whatsapp","metadata":{"display_phone_number":"%s","phone_number_id":"%s"},
				"statuses":[{"id":"%s","status":"%s","timestamp":"%d","recipient_id":"14155550104",
				"biz_opaque_callback_data":"%s"}]},"field":"messages"}]}]}""".formatted(demo.wabaId(),
				demo.displayPhoneNumber().substring(1), demo.phoneNumberId(), wamid, status,
				Instant.now().getEpochSecond(), messageId);
	}

}
