package com.waplatform.webhook.samples;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.waplatform.common.account.NumberHealth;
import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.event.Event;
import com.waplatform.common.inbound.InboundMessage;
import com.waplatform.common.inbound.UserPreference;
import com.waplatform.common.json.Json;
import com.waplatform.common.kafka.Topic;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.common.template.TemplateUpdated;
import com.waplatform.common.webhook.WebhookReceived;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.support.kafka.EventPublisher;
import com.waplatform.testsupport.Infrastructure;
import com.waplatform.webhook.WebhookApplication;
import com.waplatform.webhook.WebhookSamples;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every real webhook of other projects ({@code webhooks-real/}, one row each in
 * {@link SampleTable}) through the service on a real Kafka broker and PostgreSQL:
 * published on {@code wa.webhook-events} as the gateway would (entry id and
 * {@code metadata.phone_number_id} replaced with a configured WABA and number), and what
 * comes out checked: an inbound message of the expected kind, a user preference, health
 * facts, a status event, a template update, a field counted and ignored, or the webhook
 * dead-lettered with its reason. Message and status ids get a suffix per row: the samples
 * share ids such as {@code wamid.xyzxyz}, and the service publishes each wamid once.
 */
@SpringBootTest(classes = { WebhookApplication.class, ReceivedRecords.class },
		properties = "spring.config.name=webhook-service")
@DirtiesContext
class RealWebhookSamplesTests {

	static final String ORG = "org-samples";

	static final String WABA = "7000000000001";

	static final String PHONE_NUMBER_ID = "7100000000001";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
	}

	@Autowired
	EventPublisher publisher;

	@Autowired
	ReceivedRecords received;

	@Autowired
	MeterRegistry meters;

	@Autowired
	AccountDirectory accounts;

	@Autowired
	DatabaseClient db;

	@BeforeEach
	void number() {
		this.accounts.apply(PhoneNumberConfigured.of(ORG, PHONE_NUMBER_ID, WABA, "15550001234", "sealed", 80, true));
	}

	static Stream<Arguments> rows() {
		return SampleTable.ROWS.entrySet().stream().map((row) -> Arguments.of(row.getKey(), row.getValue()));
	}

	@Test
	void everyFileHasARow() throws IOException, URISyntaxException {
		Path folder = Path.of(RealWebhookSamplesTests.class.getResource("/webhooks-real").toURI());
		try (Stream<Path> files = Files.list(folder)) {
			assertThat(files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(".json"))
				.map((name) -> name.substring(0, name.length() - ".json".length()))).hasSize(119)
				.containsExactlyInAnyOrderElementsOf(SampleTable.ROWS.keySet());
		}
	}

	static Stream<Arguments> healthSamples() {
		return Stream.of(
				Arguments.of("bindambc_phone_number_quality_update_flagged",
						List.of(List.of("quality", "FLAGGED"), List.of("messaging_limit", "TIER_10K"))),
				Arguments.of("whaloc_phone_number_quality_update_throughput_upgrade",
						List.of(List.of("quality", "THROUGHPUT_UPGRADE"), List.of("messaging_limit", "TIER_UNLIMITED"),
								List.of("throughput", "HIGH"))),
				Arguments.of("bindambc_phone_number_name_update", List.of(List.of("name_status", "APPROVED"))),
				Arguments.of("whaloc_business_capability_update", List.of(List.of("max_daily_conversations", "1000"))));
	}

	/** The health fields the real samples lack, from our own samples. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("healthSamples")
	void numberHealth(String sample, List<List<String>> facts) {
		double counted = this.meters.counter("webhook.account.health", "aspect", facts.get(0).get(0)).count();
		int mark = this.received.size();
		publish(Topics.WEBHOOK_EVENTS,
				WebhookReceived.of(ORG, WABA, prepare(WebhookSamples.raw(sample), "", new HashMap<>())));
		check(new Expected.Health(facts), null, Map.of(), mark, 0);
		assertThat(this.received.since(mark, NumberHealth.class)).extracting(NumberHealth::key)
			.allMatch((key) -> key.startsWith("health:" + WABA + ":"));
		assertThat(this.meters.counter("webhook.account.health", "aspect", facts.get(0).get(0)).count() - counted)
			.isEqualTo(1);
	}

	/**
	 * Meta may deliver the same choice twice, in two webhooks: it is published once.
	 */
	@Test
	void aUserPreferenceDeliveredTwiceIsPublishedOnce() {
		String stop = WebhookSamples.realRaw("david-lev__user_marketing_preferences__resume")
			.replace("\"resume\"", "\"stop\"")
			.replace("16505551234", "16505550199");
		double duplicates = this.meters.counter("webhook.user.preferences.duplicates").count();
		int mark = this.received.size();
		publish(Topics.WEBHOOK_EVENTS, WebhookReceived.of(ORG, WABA, prepare(stop, "", new HashMap<>())));
		publish(Topics.WEBHOOK_EVENTS, WebhookReceived.of(ORG, WABA, prepare(stop, "", new HashMap<>())));
		await().atMost(TIMEOUT)
			.until(() -> this.meters.counter("webhook.user.preferences.duplicates").count() > duplicates);
		await().atMost(TIMEOUT).until(() -> !this.received.since(mark, UserPreference.class).isEmpty());
		UserPreference published = this.received.since(mark, UserPreference.class).get(0);
		assertThat(published.stopsMarketing()).isTrue();
		assertThat(published.from()).isEqualTo("+16505550199");
		assertThat(this.received.keyOf(published)).isEqualTo(PHONE_NUMBER_ID + ":+16505550199");
		// a later webhook went through, and still one preference
		String marker = "wamid.marker-" + UUID.randomUUID();
		publish(Topics.WEBHOOK_EVENTS,
				WebhookReceived.of(ORG, WABA,
						prepare(WebhookSamples.realRaw("david-lev__message__text").replace("wamid.xyzxyz", marker), "",
								new HashMap<>())));
		await().atMost(TIMEOUT).until(() -> this.received.inbound(marker) != null);
		assertThat(this.received.since(mark, UserPreference.class)).hasSize(1);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rows")
	void sample(String file, Expected expected) {
		String suffix = "." + UUID.randomUUID().toString().substring(0, 8);
		Map<String, String> messageIds = new HashMap<>();
		String payload = prepare(WebhookSamples.realRaw(file), suffix, messageIds);
		int mark = this.received.size();
		WebhookReceived webhook = WebhookReceived.of(ORG, WABA, payload);
		if (expected instanceof Expected.Status) {
			messageIds.replaceAll((original, wamid) -> accepted(wamid));
		}
		double before = countBefore(expected);
		publish(Topics.WEBHOOK_EVENTS, webhook);
		check(expected, webhook, messageIds, mark, before);
	}

	private void check(Expected expected, WebhookReceived webhook, Map<String, String> ids, int mark, double before) {
		if (expected instanceof Expected.Inbound inbound) {
			String wamid = ids.values().iterator().next();
			await().atMost(TIMEOUT).until(() -> this.received.inbound(wamid) != null);
			InboundMessage message = this.received.inbound(wamid);
			assertThat(message.organizationId()).isEqualTo(ORG);
			assertThat(message.phoneNumberId()).isEqualTo(PHONE_NUMBER_ID);
			assertThat(message.type()).isEqualTo(inbound.type());
			assertThat(message.content()).isInstanceOf(inbound.kind());
			assertThat(this.received.keyOf(message)).isEqualTo(PHONE_NUMBER_ID + ":" + message.customer());
			inbound.more().accept(message);
		}
		else if (expected instanceof Expected.Preference preference) {
			await().atMost(TIMEOUT).until(() -> !this.received.since(mark, UserPreference.class).isEmpty());
			UserPreference published = this.received.since(mark, UserPreference.class).get(0);
			assertThat(published.value()).isEqualTo(preference.value());
			assertThat(published.organizationId()).isEqualTo(ORG);
			assertThat(published.phoneNumberId()).isEqualTo(PHONE_NUMBER_ID);
		}
		else if (expected instanceof Expected.Health health) {
			await().atMost(TIMEOUT)
				.untilAsserted(() -> assertThat(this.received.since(mark, NumberHealth.class))
					.extracting((fact) -> List.of(fact.aspect(), fact.value()))
					.containsAll(health.facts()));
			assertThat(this.received.since(mark, NumberHealth.class)).allSatisfy((fact) -> {
				assertThat(fact.organizationId()).isEqualTo(ORG);
				assertThat(fact.wabaId()).isEqualTo(WABA);
			});
		}
		else if (expected instanceof Expected.Status status) {
			String messageId = ids.values().iterator().next();
			await().atMost(TIMEOUT)
				.until(() -> this.received.statuses(messageId).stream().anyMatch((s) -> s.status() == status.status()));
			StatusEvent event = this.received.statuses(messageId).get(0);
			assertThat(event.organizationId()).isEqualTo(ORG);
			assertThat(event.phoneNumberId()).isEqualTo(PHONE_NUMBER_ID);
			assertThat(event.error() != null).isEqualTo(status.status() == MessageStatus.FAILED);
		}
		else if (expected instanceof Expected.Template template) {
			await().atMost(TIMEOUT).until(() -> !this.received.since(mark, TemplateUpdated.class).isEmpty());
			TemplateUpdated update = this.received.since(mark, TemplateUpdated.class).get(0);
			assertThat(update.field()).isEqualTo(template.field());
			assertThat(update.wabaId()).isEqualTo(WABA);
			assertThat(update.organizationId()).isEqualTo(ORG);
		}
		else if (expected instanceof Expected.Refused refused) {
			await().atMost(TIMEOUT).until(() -> this.received.deadLetter(webhook.eventId()) != null);
			ConsumerRecord<String, Event> dead = this.received.deadLetter(webhook.eventId());
			assertThat(ReceivedRecords.header(dead, "kafka_dlt-exception-cause-fqcn"))
				.isEqualTo(IllegalArgumentException.class.getName());
			assertThat(ReceivedRecords.header(dead, "kafka_dlt-exception-message")).contains(refused.reason());
		}
		else {
			// counted, nothing published: done when the webhook is recorded as processed
			await().atMost(TIMEOUT).until(() -> countBefore(expected) > before && processed(webhook.eventId()));
			assertThat(countBefore(expected) - before).isEqualTo(1);
		}
	}

	/** The count that shows a row of a kind that publishes nothing. */
	private double countBefore(Expected expected) {
		if (expected instanceof Expected.Ignored ignored) {
			return this.meters.counter("webhook.changes", "field", ignored.field()).count();
		}
		if (expected instanceof Expected.UntrackedStatus untracked) {
			return this.meters.counter("webhook.statuses.unsupported", "status", untracked.status()).count();
		}
		if (expected instanceof Expected.Informational) {
			return this.meters.counter("webhook.account.informational", "field", "account_update").count();
		}
		return 0;
	}

	/**
	 * The sample as the gateway would publish it for our number: entry ids and
	 * {@code metadata.phone_number_id} replaced, message and status ids suffixed (the
	 * same id twice in one file stays the same id). A file that is no JSON is sent as it
	 * is.
	 */
	static String prepare(String raw, String suffix, Map<String, String> ids) {
		JsonNode root;
		try {
			root = Json.mapper().readTree(raw);
		}
		catch (JacksonException ex) {
			return raw;
		}
		for (JsonNode entry : root.path("entry")) {
			((ObjectNode) entry).put("id", WABA);
			for (JsonNode change : entry.path("changes")) {
				JsonNode value = change.path("value");
				if (value.path("metadata").isObject()) {
					((ObjectNode) value.path("metadata")).put("phone_number_id", PHONE_NUMBER_ID);
				}
				for (String items : List.of("messages", "statuses")) {
					for (JsonNode item : value.path(items)) {
						String id = item.path("id").asString();
						((ObjectNode) item).put("id", ids.computeIfAbsent(id, (original) -> original + suffix));
					}
				}
			}
		}
		return root.toString();
	}

	/**
	 * Our sender's {@code accepted} event of a wamid: the status webhook then matches.
	 */
	private String accepted(String wamid) {
		String messageId = UUID.randomUUID().toString();
		publish(Topics.STATUS_EVENTS, StatusEvent.of(ORG, messageId, MessageStatus.ACCEPTED, Instant.now(),
				PHONE_NUMBER_ID, "+972987654321", wamid, null));
		await().atMost(TIMEOUT)
			.until(() -> this.db.sql("select count(*) as n from message_refs where wamid = :wamid")
				.bind("wamid", wamid)
				.map((row) -> row.get("n", Long.class))
				.one()
				.block(TIMEOUT) == 1L);
		return messageId;
	}

	private boolean processed(UUID eventId) {
		return this.db
			.sql("select count(*) as n from processed_events where consumer = 'webhook-service' "
					+ "and event_id = :id")
			.bind("id", eventId)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block(TIMEOUT) == 1L;
	}

	private <V extends Event> void publish(Topic<V> topic, V event) {
		StepVerifier.create(this.publisher.publish(topic, event)).expectComplete().verify(Duration.ofSeconds(10));
	}

}
