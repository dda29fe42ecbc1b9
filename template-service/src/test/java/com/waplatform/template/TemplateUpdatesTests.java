package com.waplatform.template;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.crypto.CredentialCipher;
import com.waplatform.common.event.Event;
import com.waplatform.common.json.Json;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.template.TemplateSnapshot;
import com.waplatform.common.template.TemplateUpdated;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.support.kafka.EventPublisher;
import com.waplatform.template.domain.SyncReport;
import com.waplatform.template.store.TemplateSummary;
import com.waplatform.template.sync.TemplateSync;
import com.waplatform.testsupport.Infrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Template webhooks (as the webhook service routes them on {@code wa.template-updates})
 * and template creation, against a fake Meta with real Kafka and PostgreSQL. Each test
 * owns its WhatsApp Business Account.
 */
@SpringBootTest(classes = TemplateApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=template-service", "template.sync.page-size=3", "template.sync.interval=1h",
				"template.sync.new-account-poll=1h", "platform.internal-api.token=" + TemplateUpdatesTests.TOKEN })
@AutoConfigureWebTestClient
@Import(TemplateUpdatesTests.Snapshots.class)
@DirtiesContext
class TemplateUpdatesTests {

	static final String TOKEN = "test-internal-token";

	static final FakeMeta meta = FakeMeta.start();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
		registry.add("template.meta.base-url", meta::baseUrl);
	}

	/** The public port, without credentials. */
	@Autowired
	WebTestClient web;

	/** The public port, with the service token (as the gateway calls it). */
	WebTestClient internal;

	@Autowired
	EventPublisher publisher;

	@Autowired
	CredentialCipher cipher;

	@Autowired
	AccountDirectory directory;

	@Autowired
	TemplateSync sync;

	@Autowired
	Snapshots snapshots;

	@BeforeEach
	void internalClient() {
		this.internal = this.web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN).build();
	}

	@Test
	void aPausedOrDisabledTemplateIsUnsendableWithinSecondsAndOperatorsSeeWhy() {
		registerAndSync("waba-hook");
		String key = "waba-hook:welcome_template2:en_US";

		TemplateUpdated paused = update("waba-hook", "welcome_template2", TemplateUpdated.STATUS_FIELD, "PAUSED",
				"{\"event\":\"PAUSED\",\"message_template_name\":\"welcome_template2\",\"reason\":null,"
						+ "\"other_info\":{\"title\":\"FIRST_PAUSE\",\"description\":\"Paused for 3 hours\"}}");
		publish(paused);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(latest(key).status()).isEqualTo("PAUSED"));
		TemplateSummary row = stored("waba-hook", "welcome_template2");
		assertThat(row.status()).isEqualTo("PAUSED");
		assertThat(row.statusReason()).isEqualTo("other_info (title: FIRST_PAUSE, description: Paused for 3 hours)");
		assertThat(row.version()).isEqualTo(this.snapshots.latest(key).version());

		// a redelivered webhook changes nothing; a quality update is a new version
		publish(paused);
		publish(update("waba-hook", "welcome_template2", TemplateUpdated.QUALITY_FIELD, null,
				"{\"new_quality_score\":\"RED\"}"));
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.snapshots.of(key)).hasSize(3)
				.last()
				.satisfies((snapshot) -> assertThat(snapshot.template().qualityScore().score()).isEqualTo("RED")));
		assertThat(this.snapshots.of(key).get(2).template().status()).isEqualTo("PAUSED");

		publish(update("waba-hook", "welcome_template2", TemplateUpdated.STATUS_FIELD, "DISABLED",
				"{\"event\":\"DISABLED\",\"reason\":null,\"disable_info\":{\"disable_date\":\"January 31, 2021\"}}"));
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(latest(key).status()).isEqualTo("DISABLED"));
		assertThat(stored("waba-hook", "welcome_template2").statusReason())
			.isEqualTo("disable_info (disable_date: January 31, 2021)");
		assertThat(this.snapshots.of(key)).hasSize(4);
	}

	@Test
	void aWebhookAboutATemplateNotStoredYetSyncsTheAccount() {
		registerAndSync("waba-unknown");
		meta.add("waba-unknown", FakeMeta.templatesOf("spec_resp_get_message_templates.json").get(1));
		StepVerifier.create(this.sync.syncPending().filter((report) -> report.wabaId().equals("waba-unknown")))
			.expectComplete()
			.verify(Duration.ofSeconds(30));

		publish(update("waba-unknown", "2023_april_promo", TemplateUpdated.STATUS_FIELD, "APPROVED",
				"{\"event\":\"APPROVED\",\"reason\":\"NONE\"}"));

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> StepVerifier
				.create(this.sync.syncPending().filter((report) -> report.wabaId().equals("waba-unknown")))
				.expectNext(new SyncReport("waba-unknown", 3, 8, 1, 0, 0, 7))
				.expectComplete()
				.verify(Duration.ofSeconds(30)));
	}

	@Test
	void aCreatedTemplateIsPendingUntilTheStatusWebhookApprovesIt() {
		registerAndSync("waba-create");
		String body = """
				{"wabaId":"waba-create","name":"order_shipped","language":"en_US","category":"UTILITY",
				 "components":[
				  {"type":"HEADER","format":"TEXT","text":"Order {{1}}","example":{"header_text":["A-17"]}},
				  {"type":"BODY","text":"Hi {{1}}, your order {{2}} is on its way.",
				   "example":{"body_text":[["Ana","A-17"]]}},
				  {"type":"FOOTER","text":"Thanks for shopping with us"},
				  {"type":"BUTTONS","buttons":[{"type":"URL","text":"Track","url":"https://example.com/t/{{1}}",
				   "example":["https://example.com/t/A-17"]},{"type":"QUICK_REPLY","text":"Stop updates"}]}]}""";

		JsonNode created = this.internal.post()
			.uri("/internal/templates")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();

		assertThat(created.path("status").asString()).isEqualTo("PENDING");
		assertThat(created.path("organizationId").asString()).isEqualTo("org-waba-create");
		assertThat(created.path("templateId").asString()).isNotBlank();
		assertThat(created.path("declaredParameters").path("components").toString())
			.contains("{\"component\":\"BODY\",\"parameters\":[\"1\",\"2\"]}")
			.contains("{\"component\":\"BUTTON\",\"index\":0,\"buttonType\":\"URL\",\"parameters\":[\"1\"]}");
		JsonNode sent = meta.creations("waba-create").get(0);
		assertThat(sent.path("name").asString()).isEqualTo("order_shipped");
		assertThat(sent.path("category").asString()).isEqualTo("UTILITY");
		assertThat(sent.path("components")).hasSize(4);
		assertThat(sent.has("wabaId")).isFalse();
		assertThat(stored("waba-create", "order_shipped").status()).isEqualTo("PENDING");
		String key = "waba-create:order_shipped:en_US";
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(latest(key).status()).isEqualTo("PENDING"));

		publish(update("waba-create", "order_shipped", TemplateUpdated.STATUS_FIELD, "APPROVED",
				"{\"event\":\"APPROVED\",\"reason\":\"NONE\"}"));
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(latest(key).status()).isEqualTo("APPROVED"));
		assertThat(stored("waba-create", "order_shipped").statusReason()).isNull();
	}

	@Test
	void aTemplateBreakingMetasRulesIsRefusedWithEveryViolationAndMetaIsNotCalled() {
		registerAndSync("waba-invalid");
		String body = """
				{"wabaId":"waba-invalid","name":"Bad Name","language":"en_US","category":"PROMO",
				 "components":[{"type":"BODY","text":"{{1}}{{3}} done"},
				  {"type":"FOOTER","text":"Footer {{1}}"}]}""";

		JsonNode problem = this.internal.post()
			.uri("/internal/templates")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();

		List<String> violations = new ArrayList<>();
		problem.path("violations")
			.forEach((v) -> violations.add(v.path("field").asString() + ": " + v.path("message").asString()));
		assertThat(violations).contains(
				"name: must be 1 to 512 lower-case letters, digits and underscores (^[a-z0-9_]{1,512}$)",
				"category: must be MARKETING, UTILITY or AUTHENTICATION",
				"components[0].text: must not start with a parameter",
				"components[0].text: must not place parameters next to each other without text or punctuation between them",
				"components[0].text: POSITIONAL parameters must be sequential from {{1}} to {{2}}, found [1, 3]",
				"components[0].example: needs body_text with one example value for each of the 2 parameters",
				"components[1].text: must not contain parameters");
		assertThat(meta.creations("waba-invalid")).isEmpty();
	}

	@Test
	void metasErrorsAndUnknownAccountsAreProblems() {
		registerAndSync("waba-meta-error");
		String existing = """
				{"wabaId":"waba-meta-error","name":"hello_world","language":"en_US","category":"UTILITY",
				 "components":[{"type":"BODY","text":"Hello world"}]}""";

		this.internal.post()
			.uri("/internal/templates")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(existing)
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.metaCode")
			.isEqualTo(100)
			.jsonPath("$.metaSubcode")
			.isEqualTo(2388023);

		meta.failWith("waba-meta-error", 80007);
		this.internal.post()
			.uri("/internal/templates")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(existing.replace("hello_world", "hello_again"))
			.exchange()
			.expectStatus()
			.isEqualTo(429)
			.expectBody()
			.jsonPath("$.metaCode")
			.isEqualTo(80007);
		// backing off now: Meta is not called again
		int calls = meta.creations("waba-meta-error").size();
		this.internal.post()
			.uri("/internal/templates")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(existing.replace("hello_world", "hello_again"))
			.exchange()
			.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.exists("Retry-After");
		assertThat(meta.creations("waba-meta-error")).hasSize(calls);

		this.internal.post()
			.uri("/internal/templates")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(existing.replace("waba-meta-error", "waba-nobody-knows"))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void aCreationWithoutTheServiceTokenIsRefusedAndNeverReachesMeta() {
		registerAndSync("waba-create-no-token");
		String body = """
				{"wabaId":"waba-create-no-token","name":"order_delayed","language":"en_US","category":"UTILITY",
				 "components":[{"type":"BODY","text":"Your order is delayed."}]}""";

		this.web.post()
			.uri("/internal/templates")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(401)
			.jsonPath("$.instance")
			.isEqualTo("/internal/templates");
		this.web.post()
			.uri("/internal/templates")
			.header(HttpHeaders.AUTHORIZATION, "Bearer not-the-token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isUnauthorized();
		this.web.post()
			.uri("/internal/templates")
			.header("X-Admin-Token", TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isUnauthorized();

		assertThat(meta.creations("waba-create-no-token")).isEmpty();
		assertThat(this.internal.get()
			.uri("/internal/templates?wabaId={waba}", "waba-create-no-token")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(TemplateSummary.class)
			.returnResult()
			.getResponseBody()).extracting(TemplateSummary::name).doesNotContain("order_delayed");

		this.internal.post()
			.uri("/internal/templates")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated();
		assertThat(meta.creations("waba-create-no-token")).singleElement()
			.satisfies((sent) -> assertThat(sent.path("name").asString()).isEqualTo("order_delayed"));
		assertThat(stored("waba-create-no-token", "order_delayed").status()).isEqualTo("PENDING");
	}

	private void registerAndSync(String wabaId) {
		meta.account(wabaId, "token-" + wabaId, FakeMeta.sampleTemplates());
		PhoneNumberConfigured number = PhoneNumberConfigured.of("org-" + wabaId, "pn-" + wabaId, wabaId, "+1 555 0100",
				this.cipher.seal("token-" + wabaId), 80, true);
		StepVerifier.create(this.publisher.publish(Topics.ACCOUNTS, number))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		await().atMost(Duration.ofSeconds(20)).until(() -> this.directory.phoneNumber("pn-" + wabaId).isPresent());
		StepVerifier.create(this.sync.syncPending().filter((report) -> report.wabaId().equals(wabaId)))
			.expectNextCount(1)
			.expectComplete()
			.verify(Duration.ofSeconds(30));
	}

	/** A template webhook as the webhook service publishes it. */
	private static TemplateUpdated update(String wabaId, String name, String field, @Nullable String status,
			String value) {
		JsonNode json = Json.mapper().readTree(value);
		return new TemplateUpdated(UUID.randomUUID(), Instant.now(), "org-" + wabaId, wabaId, null, name, "en_US",
				field, status, json.path("reason").isString() ? json.path("reason").asString() : null,
				json.path("new_quality_score").isString() ? json.path("new_quality_score").asString() : null, null,
				json);
	}

	private void publish(TemplateUpdated update) {
		StepVerifier.create(this.publisher.publish(Topics.TEMPLATE_UPDATES, update))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}

	private com.waplatform.common.meta.MessageTemplate latest(String key) {
		TemplateSnapshot snapshot = this.snapshots.latest(key);
		assertThat(snapshot).isNotNull();
		return snapshot.template();
	}

	private TemplateSummary stored(String wabaId, String name) {
		return this.internal.get()
			.uri("/internal/templates?wabaId={waba}", wabaId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(TemplateSummary.class)
			.returnResult()
			.getResponseBody()
			.stream()
			.filter((template) -> template.name().equals(name))
			.findFirst()
			.orElseThrow();
	}

	/** Everything published on wa.template-sync, in arrival order. */
	static class Snapshots {

		private final List<ConsumerRecord<String, Event>> records = new CopyOnWriteArrayList<>();

		@KafkaListener(topics = "wa.template-sync", groupId = "template-updates-tests")
		void on(ConsumerRecord<String, Event> record) {
			this.records.add(record);
		}

		List<TemplateSnapshot> of(String key) {
			return this.records.stream()
				.filter((record) -> record.key().equals(key) && record.value() != null)
				.map((record) -> (TemplateSnapshot) record.value())
				.toList();
		}

		@Nullable TemplateSnapshot latest(String key) {
			List<TemplateSnapshot> snapshots = of(key);
			return snapshots.isEmpty() ? null : snapshots.get(snapshots.size() - 1);
		}

	}

}
