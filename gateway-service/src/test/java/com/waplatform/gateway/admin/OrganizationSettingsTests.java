package com.waplatform.gateway.admin;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.waplatform.common.account.OrganizationSettings;
import com.waplatform.common.account.QuietHours;
import com.waplatform.common.event.Event;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.template.TemplateFixtures;
import com.waplatform.common.template.TemplateSnapshot;
import com.waplatform.gateway.GatewayApplication;
import com.waplatform.gateway.GatewayFixtures;
import com.waplatform.gateway.GatewayFixtures.Tenant;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.support.kafka.EventPublisher;
import com.waplatform.support.templates.TemplateDirectory;
import com.waplatform.testsupport.Infrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
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
 * An organization's settings through the admin API on the real gateway, broker and
 * database: stored, announced on {@code wa.accounts} as {@link OrganizationSettings}
 * (with the language fallbacks) and applied here at once; {@code marketingEnabled: false}
 * refuses MARKETING template sends.
 */
@SpringBootTest(classes = { GatewayApplication.class, OrganizationSettingsTests.Recorder.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=gateway-service", "gateway.admin-token=" + GatewayFixtures.ADMIN_TOKEN })
@AutoConfigureWebTestClient
@DirtiesContext
class OrganizationSettingsTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private static final Map<String, Object> DEFAULTS = json(
			"{\"automationEnabled\": true, \"marketingEnabled\": true, \"quietHours\": null, \"timeZone\": null, "
					+ "\"conversations\": {\"optOutKeywords\": {}, \"optInKeywords\": {}, \"windowFallback\": null, "
					+ "\"autoReplies\": [], \"outOfHours\": null}}");

	private final WebTestClient client;

	private final Recorder recorder;

	private final AccountDirectory directory;

	private final EventPublisher publisher;

	private final TemplateDirectory templates;

	private final DatabaseClient db;

	@Autowired
	OrganizationSettingsTests(WebTestClient client, Recorder recorder, AccountDirectory directory,
			EventPublisher publisher, TemplateDirectory templates, DatabaseClient db) {
		this.client = client.mutate().responseTimeout(WAIT).build();
		this.recorder = recorder;
		this.directory = directory;
		this.publisher = publisher;
		this.templates = templates;
		this.db = db;
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
	}

	@Test
	void aNewOrganizationHasTheDefaultsAndAnnouncesThem() {
		Tenant tenant = tenant();

		assertThat(settings(tenant)).isEqualTo(DEFAULTS);
		this.client.get()
			.uri("/v1/admin/organizations/{id}", tenant.organizationId())
			.headers((headers) -> headers.setBearerAuth(GatewayFixtures.ADMIN_TOKEN))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.settings.automationEnabled")
			.isEqualTo(true)
			.jsonPath("$.settings.marketingEnabled")
			.isEqualTo(true)
			.jsonPath("$.settings.quietHours")
			.isEmpty()
			.jsonPath("$.settings.timeZone")
			.isEmpty();
		OrganizationSettings announced = this.recorder.latest(tenant.organizationId(),
				(settings) -> settings.languageFallbacks().isEmpty());
		assertThat(announced.automationEnabled()).isTrue();
		assertThat(announced.marketingEnabled()).isTrue();
		assertThat(announced.quietHours()).isNull();
		assertThat(announced.timeZone()).isNull();
		assertThat(this.recorder.keys()).contains(OrganizationSettings.keyOf(tenant.organizationId()));
	}

	@Test
	void putReplacesTheSettingsStoresAnnouncesAndAppliesThemAtOnce() {
		Tenant tenant = tenant();
		patchFallbacks(tenant, Map.of("en", "en_US"));
		// a change of the fallbacks announces the settings again, with them
		this.recorder.latest(tenant.organizationId(),
				(settings) -> settings.languageFallbacks().equals(Map.of("en", "en_US")));

		String body = """
				{"automationEnabled": false, "marketingEnabled": false,
				 "quietHours": {"start": "21:00", "end": "08:00"}, "timeZone": "Europe/Madrid",
				 "conversations": {"optOutKeywords": {"en": ["STOP"]}, "optInKeywords": {}, "windowFallback": null,
				                   "autoReplies": [], "outOfHours": null}}""";
		Map<String, Object> answer = put(tenant, body).expectStatus()
			.isOk()
			.expectBody(JSON_OBJECT)
			.returnResult()
			.getResponseBody();
		assertThat(answer).isEqualTo(json(body));
		assertThat(settings(tenant)).isEqualTo(json(body));

		// this instance applied them on commit, before any record came back from Kafka
		OrganizationSettings applied = this.directory.settings(tenant.organizationId());
		assertThat(applied.automationEnabled()).isFalse();
		assertThat(applied.marketingEnabled()).isFalse();
		assertThat(applied.quietHours()).isEqualTo(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)));
		assertThat(applied.timeZone()).isEqualTo("Europe/Madrid");
		assertThat(applied.languageFallbacks()).isEqualTo(Map.of("en", "en_US"));
		assertThat(applied.conversations().optOutKeywords()).isEqualTo(Map.of("en", List.of("STOP")));

		ConsumerRecord<String, Event> record = this.recorder.record(tenant.organizationId(),
				(settings) -> !settings.marketingEnabled());
		assertThat(record.key()).isEqualTo("organization:" + tenant.organizationId());
		OrganizationSettings announced = (OrganizationSettings) record.value();
		assertThat(announced.organizationId()).isEqualTo(tenant.organizationId());
		assertThat(announced.automationEnabled()).isFalse();
		assertThat(announced.quietHours()).isEqualTo(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)));
		assertThat(announced.timeZone()).isEqualTo("Europe/Madrid");
		assertThat(announced.languageFallbacks()).isEqualTo(Map.of("en", "en_US"));
		assertThat(announced.conversations().optOutKeywords()).isEqualTo(Map.of("en", List.of("STOP")));

		// a full replacement: what is left out takes its default
		put(tenant, "{\"marketingEnabled\": false}").expectStatus().isOk().expectBody(JSON_OBJECT).value((replaced) -> {
			Map<String, Object> expected = new java.util.LinkedHashMap<>(DEFAULTS);
			expected.put("marketingEnabled", false);
			// the conversations section left out is back to its defaults too
			assertThat(replaced).isEqualTo(expected);
		});
		put(tenant, "{}").expectStatus().isOk().expectBody(JSON_OBJECT).isEqualTo(DEFAULTS);
		assertThat(this.directory.settings(tenant.organizationId()).quietHours()).isNull();
		OrganizationSettings reset = this.recorder.latest(tenant.organizationId(),
				(settings) -> settings.marketingEnabled() && settings.automationEnabled()
						&& settings.quietHours() == null && !settings.languageFallbacks().isEmpty());
		assertThat(reset.timeZone()).isNull();

		// and the settings survive a change of the fallbacks
		put(tenant, body).expectStatus().isOk();
		patchFallbacks(tenant, Map.of());
		assertThat(settings(tenant)).isEqualTo(json(body));
		OrganizationSettings afterFallbacks = this.recorder.latest(tenant.organizationId(),
				(settings) -> !settings.marketingEnabled() && settings.languageFallbacks().isEmpty());
		assertThat(afterFallbacks.timeZone()).isEqualTo("Europe/Madrid");
	}

	@Test
	void invalidSettingsAreProblemsNamingTheField() {
		Tenant tenant = tenant();
		invalid(tenant, "{\"quietHours\": {\"start\": \"9pm\", \"end\": \"08:00\"}}", HttpStatus.UNPROCESSABLE_CONTENT,
				"quietHours.start");
		invalid(tenant, "{\"quietHours\": {\"start\": \"21:00\", \"end\": \"24:00\"}}",
				HttpStatus.UNPROCESSABLE_CONTENT, "quietHours.end");
		invalid(tenant, "{\"quietHours\": {\"start\": \"21:00\"}}", HttpStatus.UNPROCESSABLE_CONTENT, "quietHours.end");
		invalid(tenant, "{\"quietHours\": {\"start\": \"08:00\", \"end\": \"08:00\"}}",
				HttpStatus.UNPROCESSABLE_CONTENT, "quietHours.end");
		invalid(tenant, "{\"timeZone\": \"Mars/Olympus_Mons\"}", HttpStatus.UNPROCESSABLE_CONTENT, "timeZone");
		invalid(tenant, "{\"timeZone\": \"+01:00\"}", HttpStatus.UNPROCESSABLE_CONTENT, "timeZone");
		invalid(tenant, "{\"marketing\": false}", HttpStatus.UNPROCESSABLE_CONTENT, "marketing");
		invalid(tenant, "{\"automationEnabled\": \"no\"}", HttpStatus.BAD_REQUEST, "automationEnabled");
		invalid(tenant, "{\"quietHours\": \"21:00-08:00\"}", HttpStatus.BAD_REQUEST, "quietHours");
		invalid(tenant, "{\"quietHours\": {\"start\": 21, \"end\": \"08:00\"}}", HttpStatus.BAD_REQUEST,
				"quietHours.start");
		invalid(tenant, "[true]", HttpStatus.BAD_REQUEST, "body");
		put(tenant, "{\"timeZone\": ").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:waplatform:problem:malformed-request");
		// several at once, each named
		put(tenant, "{\"quietHours\": {\"start\": \"25:00\", \"end\": \"x\"}, \"timeZone\": \"Nowhere\"}")
			.expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value((List<String> fields) -> assertThat(fields).containsExactlyInAnyOrder("quietHours.start",
					"quietHours.end", "timeZone"));
		// nothing was changed
		assertThat(settings(tenant)).isEqualTo(DEFAULTS);

		this.client.put()
			.uri("/v1/admin/organizations/org_missing/settings")
			.headers((headers) -> headers.setBearerAuth(GatewayFixtures.ADMIN_TOKEN))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:waplatform:problem:not-found");
		this.client.get()
			.uri("/v1/admin/organizations/org_missing/settings")
			.headers((headers) -> headers.setBearerAuth(GatewayFixtures.ADMIN_TOKEN))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.client.get()
			.uri("/v1/admin/organizations/{id}/settings", tenant.organizationId())
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.get()
			.uri("/v1/admin/organizations/{id}/settings", tenant.organizationId())
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void marketingTemplatesAreRefusedWhileMarketingIsDisabled() {
		Tenant tenant = tenant();
		MessageTemplate utility = TemplateFixtures.bookingConfirmed();
		MessageTemplate marketing = marketing(utility, "spring_offer");
		publishTemplates(tenant, utility, marketing);
		String marketingSend = send("spring_offer", "en_US");
		String utilitySend = send("booking_confirmed", "en_US");

		put(tenant, "{\"marketingEnabled\": false}").expectStatus().isOk();
		post(tenant, marketingSend).expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:waplatform:problem:marketing-disabled")
			.jsonPath("$.title")
			.isEqualTo("Marketing disabled")
			.jsonPath("$.status")
			.isEqualTo(422)
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("spring_offer", "MARKETING", "marketingEnabled"));
		// refused for what it is, whatever its parameters
		post(tenant, """
				{"to": "+14155550123", "type": "template",
				 "template": {"name": "spring_offer", "language": "en_US", "parameters": ["too", "many", "values"]}}""")
			.expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:waplatform:problem:marketing-disabled");
		assertThat(messages(tenant)).isZero();
		// other categories are unaffected, and so is the preview
		post(tenant, utilitySend).expectStatus().isAccepted();
		this.client.post()
			.uri("/v1/templates/spring_offer/preview?language=en_US")
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"parameters\": {\"first_name\": \"Ann\", \"booking_id\": \"B-1\"}}")
			.exchange()
			.expectStatus()
			.isOk();

		put(tenant, "{\"marketingEnabled\": true}").expectStatus().isOk();
		post(tenant, marketingSend).expectStatus().isAccepted();
		assertThat(messages(tenant)).isEqualTo(2);
	}

	private static MessageTemplate marketing(MessageTemplate template, String name) {
		return new MessageTemplate("id-" + name, name, template.language(), template.status(), "MARKETING",
				template.parameterFormat(), template.components(), template.qualityScore(), template.rejectedReason(),
				template.subCategory());
	}

	private static String send(String name, String language) {
		return """
				{"to": "+14155550123", "type": "template",
				 "template": {"name": "%s", "language": "%s",
				              "parameters": {"first_name": "Ann", "booking_id": "B-1"}}}""".formatted(name, language);
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

	private long messages(Tenant tenant) {
		return this.db.sql("select count(*) as n from messages where organization_id = :org")
			.bind("org", tenant.organizationId())
			.map((row) -> row.get("n", Long.class))
			.one()
			.block(WAIT);
	}

	private WebTestClient.ResponseSpec post(Tenant tenant, String json) {
		return this.client.post()
			.uri("/v1/messages")
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchange();
	}

	private void invalid(Tenant tenant, String body, HttpStatus status, String field) {
		put(tenant, body).expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo((status == HttpStatus.BAD_REQUEST) ? "urn:waplatform:problem:malformed-request"
					: "urn:waplatform:problem:invalid-request")
			.jsonPath("$.errors[0].field")
			.isEqualTo(field)
			.jsonPath("$.detail")
			.isNotEmpty();
	}

	private WebTestClient.ResponseSpec put(Tenant tenant, String json) {
		return this.client.put()
			.uri("/v1/admin/organizations/{id}/settings", tenant.organizationId())
			.headers((headers) -> headers.setBearerAuth(GatewayFixtures.ADMIN_TOKEN))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchange();
	}

	private Map<String, Object> settings(Tenant tenant) {
		return this.client.get()
			.uri("/v1/admin/organizations/{id}/settings", tenant.organizationId())
			.headers((headers) -> headers.setBearerAuth(GatewayFixtures.ADMIN_TOKEN))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON_OBJECT)
			.returnResult()
			.getResponseBody();
	}

	private void patchFallbacks(Tenant tenant, Map<String, String> fallbacks) {
		this.client.patch()
			.uri("/v1/admin/organizations/{id}", tenant.organizationId())
			.headers((headers) -> headers.setBearerAuth(GatewayFixtures.ADMIN_TOKEN))
			.bodyValue(Map.of("languageFallbacks", fallbacks))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private Tenant tenant() {
		return GatewayFixtures.aTenantWithADefaultNumber(this.client, "app-secret-" + UUID.randomUUID());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> json(String json) {
		return com.waplatform.common.json.Json.mapper().readValue(json, Map.class);
	}

	/** Records what the gateway announces on wa.accounts. */
	static class Recorder {

		private final List<ConsumerRecord<String, Event>> accounts = new CopyOnWriteArrayList<>();

		@KafkaListener(topics = "#{T(com.waplatform.common.kafka.Topics).ACCOUNTS.name()}",
				groupId = "gateway-settings-tests")
		void onAccount(ConsumerRecord<String, Event> record) {
			this.accounts.add(record);
		}

		List<String> keys() {
			return this.accounts.stream().map(ConsumerRecord::key).toList();
		}

		/**
		 * The latest settings record of the organization, once one matching
		 * {@code condition} has arrived.
		 */
		ConsumerRecord<String, Event> record(String organizationId,
				java.util.function.Predicate<OrganizationSettings> condition) {
			await().atMost(WAIT).until(() -> {
				ConsumerRecord<String, Event> last = last(organizationId);
				return last != null && condition.test((OrganizationSettings) last.value());
			});
			return last(organizationId);
		}

		OrganizationSettings latest(String organizationId,
				java.util.function.Predicate<OrganizationSettings> condition) {
			return (OrganizationSettings) record(organizationId, condition).value();
		}

		private ConsumerRecord<String, Event> last(String organizationId) {
			ConsumerRecord<String, Event> last = null;
			for (ConsumerRecord<String, Event> record : this.accounts) {
				if (record.value() instanceof OrganizationSettings settings
						&& settings.organizationId().equals(organizationId)) {
					last = record;
				}
			}
			return last;
		}

	}

}
