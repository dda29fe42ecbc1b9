package com.waplatform.gateway.conversations;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.waplatform.common.conversation.SuppressionChanged;
import com.waplatform.common.event.Event;
import com.waplatform.common.inbound.InboundContent;
import com.waplatform.common.inbound.InboundContext;
import com.waplatform.common.inbound.InboundMessage;
import com.waplatform.common.inbound.UserPreference;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.ErrorInfo;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.template.TemplateFixtures;
import com.waplatform.common.template.TemplateSnapshot;
import com.waplatform.gateway.GatewayApplication;
import com.waplatform.gateway.GatewayFixtures;
import com.waplatform.gateway.GatewayFixtures.Tenant;
import com.waplatform.support.kafka.EventPublisher;
import com.waplatform.support.templates.TemplateDirectory;
import com.waplatform.testsupport.Infrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Conversations on the real gateway, Kafka broker and PostgreSQL: inbound messages arrive
 * on {@code wa.inbound-messages} as the webhook service publishes them, sends go through
 * {@code POST /v1/messages}, the 24-hour window is enforced (the default).
 */
@SpringBootTest(classes = { GatewayApplication.class, ConversationsApiTests.Recorder.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=gateway-service", "gateway.admin-token=" + GatewayFixtures.ADMIN_TOKEN })
@AutoConfigureWebTestClient
@DirtiesContext
@SuppressWarnings("unchecked")
class ConversationsApiTests {

	static final Duration WAIT = Duration.ofSeconds(30);

	static final String CUSTOMER = "+14155550123";

	private final WebTestClient client;

	private final EventPublisher publisher;

	private final Recorder recorder;

	private final TemplateDirectory templates;

	private final MeterRegistry meters;

	private final DatabaseClient db;

	private final int port;

	@Autowired
	ConversationsApiTests(WebTestClient client, EventPublisher publisher, Recorder recorder,
			TemplateDirectory templates, MeterRegistry meters, DatabaseClient db, @LocalServerPort int port) {
		this.port = port;
		this.client = client.mutate().responseTimeout(WAIT).build();
		this.publisher = publisher;
		this.recorder = recorder;
		this.templates = templates;
		this.meters = meters;
		this.db = db;
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
	}

	@Test
	void inboundMessagesAreStoredAndListedPerConversation() {
		Tenant tenant = tenant();
		Instant sent = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
		String wamid = inbound(tenant, CUSTOMER, "Is the 10:00 tour still on?", sent);
		InboundMessage location = InboundMessage.of(tenant.organizationId(), tenant.phoneNumberId(), null,
				"US.13491208655302741918", "Bo", "wamid." + UUID.randomUUID(), "location", sent.plusSeconds(60),
				new InboundContent.Location(41.38, 2.17, "Plaça", null, null), InboundContext.NONE);
		this.publisher.publish(Topics.INBOUND_MESSAGES, location).block(WAIT);

		await().atMost(WAIT).until(() -> conversations(tenant, "").size() == 2);
		List<Map<String, Object>> conversations = conversations(tenant, "");
		// newest activity first: the BSUID customer's location came later
		assertThat(conversations.get(0)).containsEntry("customer", "US.13491208655302741918")
			.containsEntry("profileName", "Bo");
		Map<String, Object> ann = conversations.get(1);
		assertThat(ann).containsEntry("customer", CUSTOMER)
			.containsEntry("phoneNumberId", tenant.phoneNumberId())
			.containsEntry("profileName", "Ann")
			.containsEntry("unreadCount", 1)
			.containsEntry("optedOut", false)
			.containsEntry("windowOpenUntil", sent.plus(Duration.ofHours(24)).toString());
		assertThat((Map<String, Object>) ann.get("lastMessage")).containsEntry("direction", "inbound")
			.containsEntry("type", "text")
			.containsEntry("text", "Is the 10:00 tour still on?");

		// the typed content through the messages API and the conversation's messages
		get(tenant, "/v1/messages?direction=inbound&customer=%2B14155550123").jsonPath("$.messages.length()")
			.isEqualTo(1)
			.jsonPath("$.messages[0].direction")
			.isEqualTo("inbound")
			.jsonPath("$.messages[0].id")
			.isEqualTo(wamid)
			.jsonPath("$.messages[0].content.kind")
			.isEqualTo("text")
			.jsonPath("$.messages[0].content.body")
			.isEqualTo("Is the 10:00 tour still on?");
		get(tenant, "/v1/conversations/US.13491208655302741918/messages").jsonPath("$.messages[0].content.kind")
			.isEqualTo("location")
			.jsonPath("$.messages[0].content.latitude")
			.isEqualTo(41.38)
			.jsonPath("$.messages[0].from")
			.isEqualTo("US.13491208655302741918");
		// outbound stays the default of GET /v1/messages
		get(tenant, "/v1/messages").jsonPath("$.messages.length()").isEqualTo(0);
	}

	@Test
	void aCustomersMessagesInterleaveNewestFirstAndPage() {
		Tenant tenant = tenant();
		Instant now = Instant.now();
		String first = inbound(tenant, CUSTOMER, "Hello", now.minus(10, ChronoUnit.MINUTES));
		String second = inbound(tenant, CUSTOMER, "Anyone there?", now.minus(5, ChronoUnit.MINUTES));
		awaitUnread(tenant, CUSTOMER, 2);
		String reply = send(tenant,
				"{\"to\": \"" + CUSTOMER + "\", \"type\": \"text\", \"text\": {\"body\": \"Yes!\"}}")
			.expectStatus()
			.isAccepted()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.toString();
		// the read receipt is no message of the conversation
		this.client.post()
			.uri("/v1/conversations/{customer}/read", "14155550123")
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.exchange()
			.expectStatus()
			.isAccepted();

		Map<String, Object> page = body(tenant, "/v1/conversations/%2B14155550123/messages?limit=2");
		List<?> items = (List<?>) page.get("messages");
		assertThat(ids(page)).containsExactly(reply, second);
		assertThat(((Map<String, Object>) items.get(0))).containsEntry("direction", "outbound")
			.containsEntry("status", "queued")
			.containsEntry("to", CUSTOMER);
		Map<String, Object> next = body(tenant,
				"/v1/conversations/%2B14155550123/messages?limit=2&before=" + page.get("nextBefore"));
		assertThat(ids(next)).containsExactly(first);
		assertThat(next.get("nextBefore")).isNull();

		// the conversation's last message is our reply
		Map<String, Object> conversation = conversations(tenant, "").get(0);
		assertThat((Map<String, Object>) conversation.get("lastMessage")).containsEntry("direction", "outbound")
			.containsEntry("type", "text")
			.containsEntry("status", "queued");
		// GET /v1/messages with direction=all interleaves them too, filtered by time
		Map<String, Object> all = body(tenant,
				"/v1/messages?direction=all&customer=" + "14155550123" + "&since=" + now.minus(7, ChronoUnit.MINUTES));
		assertThat(ids(all)).contains(reply, second).doesNotContain(first);
	}

	@Test
	void readMarksTheLastInboundAtMetaAndResetsTheUnreadCount() {
		Tenant tenant = tenant();
		inbound(tenant, CUSTOMER, "One", Instant.now().minusSeconds(120));
		String last = inbound(tenant, CUSTOMER, "Two", Instant.now().minusSeconds(60));
		awaitUnread(tenant, CUSTOMER, 2);

		Map<String, Object> read = this.client.post()
			.uri("/v1/conversations/{customer}/read", "+14155550123")
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(read.get("wamid")).isEqualTo(last);
		assertThat(read.get("unreadCount")).isEqualTo(0);
		String id = (String) read.get("id");
		await().atMost(WAIT).until(() -> this.recorder.sendRequest(id) != null);
		SendRequest request = this.recorder.sendRequest(id);
		assertThat(request.message().isMarkRead()).isTrue();
		assertThat(request.message().messageId()).isEqualTo(last);
		assertThat(request.phoneNumberId()).isEqualTo(tenant.phoneNumberId());
		assertThat(request.organizationId()).isEqualTo(tenant.organizationId());
		assertThat(conversations(tenant, "").get(0)).containsEntry("unreadCount", 0);

		this.client.post()
			.uri("/v1/conversations/{customer}/read", "+14155550999")
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:waplatform:problem:not-found");
	}

	@Test
	void freeFormMessagesNeedAnOpenWindow() {
		Tenant tenant = tenant();
		String text = "{\"to\": \"" + CUSTOMER + "\", \"type\": \"text\", \"text\": {\"body\": \"Hi\"}}";
		double refused = count("gateway.window.refused");
		// never wrote
		send(tenant, text).expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:waplatform:problem:outside-service-window")
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("send an approved template"))
			.jsonPath("$.lastInboundAt")
			.doesNotExist();
		// wrote 25 hours ago: closed
		Instant old = Instant.now().minus(25, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
		inbound(tenant, CUSTOMER, "Thanks", old);
		awaitUnread(tenant, CUSTOMER, 1);
		send(tenant, text).expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectBody()
			.jsonPath("$.lastInboundAt")
			.isEqualTo(old.toString())
			.jsonPath("$.windowClosedAt")
			.isEqualTo(old.plus(Duration.ofHours(24)).toString());
		assertThat(count("gateway.window.refused") - refused).isEqualTo(2);
		// a reply reopens it
		inbound(tenant, CUSTOMER, "Still there?", Instant.now().minusSeconds(30));
		awaitUnread(tenant, CUSTOMER, 2);
		String sent = (String) send(tenant, text).expectStatus()
			.isAccepted()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
		// Meta's 131047 closes it, whatever our clock says
		this.publisher
			.publish(Topics.STATUS_EVENTS,
					StatusEvent.of(tenant.organizationId(), sent, MessageStatus.FAILED, Instant.now(),
							tenant.phoneNumberId(), CUSTOMER, null,
							ErrorInfo.of(131047, "Re-engagement message", "More than 24 hours have passed")))
			.block(WAIT);
		await().atMost(WAIT).until(() -> conversations(tenant, "").get(0).get("windowOpenUntil") == null);
		send(tenant, text).expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectBody()
			.jsonPath("$.windowClosedAt")
			.exists();
		// a template goes whatever the window
		publishTemplates(tenant, TemplateFixtures.bookingReminder());
		send(tenant, reminder()).expectStatus().isAccepted();
	}

	@Test
	void theOrganizationsFallbackTemplateIsSentOutsideTheWindowAndTheAnswerSaysSo() {
		Tenant tenant = tenant();
		publishTemplates(tenant, TemplateFixtures.approved("reopen_chat", "en_US"));
		putSettings(tenant, """
				{"conversations": {"windowFallback": {"name": "reopen_chat", "language": "en_US",
				                                      "parameters": ["there"]}}}""").expectStatus().isOk();
		double fallbacks = count("gateway.window.fallbacks");

		Map<String, Object> accepted = send(tenant,
				"{\"to\": \"" + CUSTOMER + "\", \"type\": \"text\", \"text\": {\"body\": \"Hi\"}}")
			.expectStatus()
			.isAccepted()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(accepted.get("fallback"))
			.isEqualTo(Map.of("template", "reopen_chat", "reason", "outside_service_window"));
		String id = (String) accepted.get("id");
		await().atMost(WAIT).until(() -> this.recorder.sendRequest(id) != null);
		SendRequest request = this.recorder.sendRequest(id);
		assertThat(request.message().type()).isEqualTo("template");
		assertThat(request.message().template().name()).isEqualTo("reopen_chat");
		assertThat(request.message().template().components()).singleElement()
			.satisfies((component) -> assertThat(component.parameters()).hasSize(1));
		assertThat(count("gateway.window.fallbacks") - fallbacks).isEqualTo(1);
	}

	@Test
	void stopAndStartKeywordsSuppressAndRestoreMarketing() {
		Tenant tenant = tenant();
		publishTemplates(tenant, marketing(), TemplateFixtures.bookingReminder());
		double added = count("gateway.suppressions.changes", "reason", "keyword", "action", "added");
		String stop = inbound(tenant, CUSTOMER, "Stop!", Instant.now().minusSeconds(60));
		// the conversation appears once the inbound message is consumed: empty until then
		await().atMost(WAIT)
			.until(() -> conversations(tenant, "").stream()
				.findFirst()
				.map((conversation) -> Boolean.TRUE.equals(conversation.get("optedOut")))
				.orElse(false));
		assertThat(count("gateway.suppressions.changes", "reason", "keyword", "action", "added") - added).isEqualTo(1);
		await().atMost(WAIT).until(() -> this.recorder.suppression(tenant.organizationId(), true) != null);
		SuppressionChanged changed = this.recorder.suppression(tenant.organizationId(), true);
		assertThat(changed.customer()).isEqualTo(CUSTOMER);
		assertThat(changed.reason()).isEqualTo(SuppressionChanged.KEYWORD);
		assertThat(changed.detail()).isEqualTo("STOP");
		get(tenant, "/v1/suppressions/%2B14155550123").jsonPath("$.suppressed")
			.isEqualTo(true)
			.jsonPath("$.reason")
			.isEqualTo("keyword")
			.jsonPath("$.audit[0].source")
			.isEqualTo(stop);

		send(tenant, promotion()).expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:waplatform:problem:customer-opted-out");
		send(tenant, reminder()).expectStatus().isAccepted();

		inbound(tenant, CUSTOMER, "start", Instant.now().minusSeconds(30));
		await().atMost(WAIT).until(() -> Boolean.FALSE.equals(conversations(tenant, "").get(0).get("optedOut")));
		send(tenant, promotion()).expectStatus().isAccepted();
		get(tenant, "/v1/suppressions/%2B14155550123").jsonPath("$.suppressed")
			.isEqualTo(false)
			.jsonPath("$.audit.length()")
			.isEqualTo(2)
			.jsonPath("$.audit[0].action")
			.isEqualTo("removed");
	}

	@Test
	void userPreferencesStopAndResumeMarketing() {
		Tenant tenant = tenant();
		publishTemplates(tenant, marketing());
		Instant at = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
		this.publisher
			.publish(Topics.INBOUND_MESSAGES,
					UserPreference.of(tenant.organizationId(), tenant.phoneNumberId(), CUSTOMER, null,
							UserPreference.MARKETING, "stop", "User requested to stop marketing messages", at))
			.block(WAIT);
		await().atMost(WAIT)
			.until(() -> body(tenant, "/v1/suppressions?customer=%2B14155550123")
				.get("suppressions") instanceof List<?> l && l.size() == 1);
		get(tenant, "/v1/suppressions/%2B14155550123").jsonPath("$.reason")
			.isEqualTo("user_preferences")
			.jsonPath("$.detail")
			.isEqualTo("User requested to stop marketing messages")
			.jsonPath("$.audit[0].source")
			.isEqualTo(tenant.phoneNumberId());
		inbound(tenant, CUSTOMER, "Hi", Instant.now().minusSeconds(10));
		awaitUnread(tenant, CUSTOMER, 1);
		send(tenant, promotion()).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);

		this.publisher
			.publish(Topics.INBOUND_MESSAGES,
					UserPreference.of(tenant.organizationId(), tenant.phoneNumberId(), CUSTOMER, null,
							UserPreference.MARKETING, "resume", null, at.plusSeconds(30)))
			.block(WAIT);
		await().atMost(WAIT).until(() -> ((List<?>) body(tenant, "/v1/suppressions").get("suppressions")).isEmpty());
		send(tenant, promotion()).expectStatus().isAccepted();
	}

	@Test
	void operatorsAddAndRemoveSuppressionsWithAnAuditTrail() {
		Tenant tenant = tenant();
		double added = count("gateway.suppressions.changes", "reason", "operator", "action", "added");
		this.client.post()
			.uri("/v1/suppressions")
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"customer\": \"+44 7911 123456\", \"reason\": \"asked by phone\"}")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.customer")
			.isEqualTo("+447911123456")
			.jsonPath("$.reason")
			.isEqualTo("operator")
			.jsonPath("$.detail")
			.isEqualTo("asked by phone");
		// idempotent
		this.client.post()
			.uri("/v1/suppressions")
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"customer\": \"447911123456\"}")
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(count("gateway.suppressions.changes", "reason", "operator", "action", "added") - added).isEqualTo(1);
		this.client.post()
			.uri("/v1/suppressions")
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"customer\": \"not a number\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("customer");

		this.client.delete()
			.uri("/v1/suppressions/{customer}", "+447911123456")
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.exchange()
			.expectStatus()
			.isNoContent();
		this.client.delete()
			.uri("/v1/suppressions/{customer}", "+447911123456")
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.exchange()
			.expectStatus()
			.isNotFound();
		get(tenant, "/v1/suppressions/447911123456").jsonPath("$.suppressed")
			.isEqualTo(false)
			.jsonPath("$.audit[*].action")
			.isEqualTo(List.of("removed", "added"))
			.jsonPath("$.audit[1].source")
			.isEqualTo("api")
			.jsonPath("$.audit[1].detail")
			.isEqualTo("asked by phone");
		await().atMost(WAIT).until(() -> this.recorder.suppression(tenant.organizationId(), false) != null);
	}

	@Test
	void inboundForAnotherOrganizationsNumberIsDeadLettered() {
		Tenant tenant = tenant();
		Tenant other = tenant();
		double rejected = count("gateway.inbound.rejected", "reason", InboundListener.UNKNOWN_NUMBER);
		double deadLetters = count("platform.dead.letters", "topic", Topics.INBOUND_MESSAGES.name() + "-dlt", "reason",
				InboundListener.UNKNOWN_NUMBER);
		String wamid = "wamid." + UUID.randomUUID();
		this.publisher
			.publish(Topics.INBOUND_MESSAGES,
					InboundMessage.text(tenant.organizationId(), other.phoneNumberId(), CUSTOMER, "Ann", wamid,
							Instant.now(), "Hi", null))
			.block(WAIT);
		await().atMost(WAIT)
			.until(() -> count("gateway.inbound.rejected", "reason", InboundListener.UNKNOWN_NUMBER) - rejected == 1);
		// counted per dead-letter topic too, for every service (service-support)
		await().atMost(WAIT)
			.until(() -> count("platform.dead.letters", "topic", Topics.INBOUND_MESSAGES.name() + "-dlt", "reason",
					InboundListener.UNKNOWN_NUMBER) - deadLetters == 1);
		assertThat(this.db.sql("select count(*) as n from inbound_messages where wamid = :wamid")
			.bind("wamid", wamid)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block(WAIT)).isZero();
	}

	@Test
	void historyFiltersAreCheckedByName() {
		Tenant tenant = tenant();
		for (String query : List.of("direction=sideways", "since=yesterday", "until=2026-13-01",
				"customer=not-a-customer!", "since=2026-02-01T00:00:00Z&until=2026-01-01T00:00:00Z")) {
			String field = query.contains("&") ? "until" : query.substring(0, query.indexOf('='));
			this.client.get()
				.uri("/v1/messages?" + query)
				.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo(field);
		}
		publishTemplates(tenant, TemplateFixtures.bookingReminder());
		String id = (String) send(tenant, reminder()).expectStatus()
			.isAccepted()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
		assertThat((List<?>) body(tenant, "/v1/messages?template=booking_reminder").get("messages")).hasSize(1)
			.first()
			.satisfies((item) -> assertThat((Map<String, Object>) item).containsEntry("id", id));
		assertThat((List<?>) body(tenant, "/v1/messages?template=other").get("messages")).isEmpty();
	}

	@Test
	void conversationSettingsRoundTrip() {
		Tenant tenant = tenant();
		String settings = """
				{"conversations": {"optOutKeywords": {"en": ["STOP", "QUIT"]}, "optInKeywords": {"en": ["START"]},
				 "windowFallback": {"name": "reopen_chat", "language": "en_US", "parameters": []},
				 "autoReplies": [{"keyword": "HOURS", "text": "We are open 9 to 6"},
				                 {"keyword": "MENU", "template": {"name": "menu", "language": "en"}}],
				 "outOfHours": {"hours": {"days": ["MONDAY", "FRIDAY"], "opens": "09:00", "closes": "18:00"},
				                "text": "We are closed"}}}""";
		putSettings(tenant, settings).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.conversations.optOutKeywords.en[1]")
			.isEqualTo("QUIT")
			.jsonPath("$.conversations.autoReplies[1].template.name")
			.isEqualTo("menu")
			.jsonPath("$.conversations.outOfHours.hours.days")
			.isEqualTo(List.of("MONDAY", "FRIDAY"))
			.jsonPath("$.conversations.outOfHours.hours.opens")
			.isEqualTo("09:00");
		this.client.get()
			.uri("/v1/admin/organizations/{id}/settings", tenant.organizationId())
			.headers((headers) -> headers.setBearerAuth(GatewayFixtures.ADMIN_TOKEN))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.conversations.windowFallback.name")
			.isEqualTo("reopen_chat")
			.jsonPath("$.conversations.outOfHours.text")
			.isEqualTo("We are closed")
			.jsonPath("$.conversations.autoReplies[0].text")
			.isEqualTo("We are open 9 to 6");
		// a custom opt-out word applies at once
		inbound(tenant, CUSTOMER, "quit", Instant.now().minusSeconds(5));
		// the conversation appears once the inbound message is consumed: empty until then
		await().atMost(WAIT)
			.until(() -> conversations(tenant, "").stream()
				.findFirst()
				.map((conversation) -> Boolean.TRUE.equals(conversation.get("optedOut")))
				.orElse(false));

		putSettings(tenant, """
				{"conversations": {"autoReplies": [{"keyword": "HOURS"}],
				 "outOfHours": {"hours": {"days": ["MONDAY"], "opens": "09:00", "closes": "09:00"}, "text": "x"}}}""")
			.expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value((List<String> fields) -> assertThat(fields).containsExactlyInAnyOrder("conversations.autoReplies[0]",
					"conversations.outOfHours.hours.closes"));
		putSettings(tenant, "{\"conversations\": {\"optOutKeywords\": [\"STOP\"]}}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("conversations.optOutKeywords");
	}

	private static List<Object> ids(Map<String, Object> page) {
		return ((List<Map<String, Object>>) page.get("messages")).stream().map((item) -> item.get("id")).toList();
	}

	private Tenant tenant() {
		return GatewayFixtures.aTenantWithADefaultNumber(this.client, "secret-" + UUID.randomUUID());
	}

	/** A customer's text message, as the webhook service publishes it; its wamid. */
	private String inbound(Tenant tenant, String customer, String body, Instant sentAt) {
		String wamid = "wamid." + UUID.randomUUID();
		this.publisher
			.publish(Topics.INBOUND_MESSAGES,
					InboundMessage.text(tenant.organizationId(), tenant.phoneNumberId(), customer, "Ann", wamid, sentAt,
							body, null))
			.block(WAIT);
		return wamid;
	}

	private void awaitUnread(Tenant tenant, String customer, int unread) {
		await().atMost(WAIT)
			.until(() -> conversations(tenant, "").stream()
				.anyMatch((c) -> customer.equals(c.get("customer"))
						&& Integer.valueOf(unread).equals(c.get("unreadCount"))));
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> conversations(Tenant tenant, String query) {
		return (List<Map<String, Object>>) body(tenant, "/v1/conversations" + query).get("conversations");
	}

	private Map<String, Object> body(Tenant tenant, String uri) {
		return this.client.get()
			.uri(java.net.URI.create("http://localhost:" + this.port + uri))
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private WebTestClient.BodyContentSpec get(Tenant tenant, String uri) {
		return this.client.get()
			.uri(java.net.URI.create("http://localhost:" + this.port + uri))
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

	private WebTestClient.ResponseSpec send(Tenant tenant, String json) {
		return this.client.post()
			.uri("/v1/messages")
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchange();
	}

	private WebTestClient.ResponseSpec putSettings(Tenant tenant, String json) {
		return this.client.put()
			.uri("/v1/admin/organizations/{id}/settings", tenant.organizationId())
			.headers((headers) -> headers.setBearerAuth(GatewayFixtures.ADMIN_TOKEN))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchange();
	}

	private double count(String name, String... tags) {
		return this.meters.counter(name, tags).count();
	}

	private void publishTemplates(Tenant tenant, MessageTemplate... templates) {
		for (MessageTemplate template : templates) {
			this.publisher
				.publish(Topics.TEMPLATE_SYNC,
						TemplateSnapshot.of(tenant.organizationId(), tenant.wabaId(), template,
								"v-" + UUID.randomUUID()))
				.block(WAIT);
		}
		await().atMost(WAIT)
			.until(() -> List.of(templates)
				.stream()
				.allMatch((template) -> this.templates.snapshot(tenant.wabaId(), template.name(), template.language())
					.isPresent()));
	}

	private static MessageTemplate marketing() {
		MessageTemplate simple = TemplateFixtures.approved("summer_offer", "en_US");
		return new MessageTemplate(simple.id(), simple.name(), simple.language(), simple.status(), "MARKETING",
				simple.parameterFormat(), simple.components(), simple.qualityScore(), null, null);
	}

	private static String promotion() {
		return "{\"to\": \"" + CUSTOMER + "\", \"type\": \"template\", \"template\": {\"name\": \"summer_offer\", "
				+ "\"language\": \"en_US\", \"parameters\": [\"Ann\"]}}";
	}

	private static String reminder() {
		return "{\"to\": \"" + CUSTOMER + "\", \"type\": \"template\", \"template\": {\"name\": \"booking_reminder\", "
				+ "\"language\": \"en_US\", \"parameters\": [\"Ann\", \"Walk\", \"12 May\", \"10:00\"]}}";
	}

	static class Recorder {

		private final List<ConsumerRecord<String, Event>> records = new CopyOnWriteArrayList<>();

		@KafkaListener(topics = { "wa.send-requests", "wa.suppressions" }, groupId = "conversations-api-tests")
		void on(ConsumerRecord<String, Event> record) {
			this.records.add(record);
		}

		SendRequest sendRequest(String messageId) {
			return this.records.stream()
				.map(ConsumerRecord::value)
				.filter((value) -> value instanceof SendRequest request && request.messageId().equals(messageId))
				.map(SendRequest.class::cast)
				.findFirst()
				.orElse(null);
		}

		SuppressionChanged suppression(String organizationId, boolean suppressed) {
			return this.records.stream()
				.map(ConsumerRecord::value)
				.filter((value) -> value instanceof SuppressionChanged changed
						&& changed.organizationId().equals(organizationId) && changed.suppressed() == suppressed)
				.map(SuppressionChanged.class::cast)
				.findFirst()
				.orElse(null);
		}

	}

}
