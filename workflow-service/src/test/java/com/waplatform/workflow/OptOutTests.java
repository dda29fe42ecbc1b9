package com.waplatform.workflow;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.waplatform.common.conversation.ConversationSettings;
import com.waplatform.common.event.EventHeaders;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.support.kafka.EventPublisher;
import com.waplatform.support.templates.TemplateDirectory;
import com.waplatform.testsupport.Infrastructure;
import com.waplatform.workflow.scheduling.MutableClock;
import com.waplatform.workflow.scheduling.ScheduledMessages;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The suppression list on a real Kafka broker and PostgreSQL: {@code wa.suppressions} (as
 * the gateway publishes it) becomes the {@code suppressions} table; a rule with a
 * MARKETING template skips a suppressed customer ({@code opted_out}) while a utility rule
 * still sends; a held MARKETING message is cancelled when its customer opted out before
 * it was due. The clock is fixed ({@link MutableClock}) and the scheduler's poller
 * parked, so that the tests decide when held messages fall due.
 */
@SpringBootTest(classes = { WorkflowApplication.class, OptOutTests.Beans.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=workflow-service", "platform.internal-api.token=" + OptOutTests.TOKEN,
				"workflow.scheduler.poll-interval=1h" })
@AutoConfigureWebTestClient
@DirtiesContext
class OptOutTests {

	static final String TOKEN = "opt-out-tests-token";

	/**
	 * A Tuesday morning, years back: no message other tests hold for real times is due.
	 */
	private static final Instant T = Instant.parse("2022-03-08T10:00:00Z");

	private static final String CUSTOMER = "+34600111222";

	private static final String EVENT_TYPE = "deal.published";

	private static final Duration TIMEOUT = ConversationFixtures.TIMEOUT;

	private static KafkaTemplate<String, byte[]> raw;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
	}

	@BeforeAll
	static void producer() {
		raw = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafka().getBrokersAsString()),
				new StringSerializer(), new ByteArraySerializer()));
	}

	@AfterAll
	static void closeProducer() {
		((DefaultKafkaProducerFactory<String, byte[]>) raw.getProducerFactory()).destroy();
	}

	@Autowired
	EventPublisher publisher;

	@Autowired
	AccountDirectory accounts;

	@Autowired
	TemplateDirectory templates;

	@Autowired
	DatabaseClient db;

	@Autowired
	WebTestClient web;

	@Autowired
	MeterRegistry meters;

	@Autowired
	MutableClock clock;

	@Autowired
	ScheduledMessages scheduled;

	@Autowired
	ConversationFixtures.Received received;

	private ConversationFixtures fixtures;

	@BeforeEach
	void atT() {
		this.clock.set(T);
		this.fixtures = new ConversationFixtures(this.publisher, this.accounts, this.templates, this.db);
	}

	@Test
	void aMarketingRuleSkipsASuppressedCustomerWhileAUtilityRuleStillSends() {
		String org = organization();
		String deals = rule(org, "deals", ConversationFixtures.MARKETING_TEMPLATE, "");
		String notice = rule(org, "notice", "welcome_message", "");
		double optedOut = skipped(deals, "opted_out");

		this.fixtures.suppress(org, CUSTOMER, true);
		String first = event(org);
		JsonNode outcome = outcome(org, first);
		assertThat(ruleOutcome(outcome, deals).get("skipped").asString()).isEqualTo("opted_out");
		assertThat(ruleOutcome(outcome, deals).get("detail").asString()).contains("weekly_deals", "opted out");
		assertThat(ruleOutcome(outcome, notice).get("messages")).hasSize(1);
		String noticeId = ruleOutcome(outcome, notice).get("messages").get(0).asString();
		await().atMost(TIMEOUT).until(() -> !this.received.sent(noticeId).isEmpty());
		assertThat(this.received.sent(noticeId).get(0).message().template().name()).isEqualTo("welcome_message");
		assertThat(skipped(deals, "opted_out") - optedOut).isEqualTo(1);

		// START: marketing goes again
		this.fixtures.suppress(org, CUSTOMER, false);
		JsonNode again = outcome(org, event(org));
		assertThat(ruleOutcome(again, deals).has("skipped")).isFalse();
		String dealId = ruleOutcome(again, deals).get("messages").get(0).asString();
		await().atMost(TIMEOUT).until(() -> !this.received.sent(dealId).isEmpty());
		SendRequest deal = this.received.sent(dealId).get(0);
		assertThat(deal.recipient()).isEqualTo(CUSTOMER);
		assertThat(deal.message().template().name()).isEqualTo(ConversationFixtures.MARKETING_TEMPLATE);
		assertThat(skipped(deals, "opted_out") - optedOut).isEqualTo(1);
		// only marketing messages to the suppressed customer were left out
		assertThat(this.received.sentFor(org)).extracting(SendRequest::messageId)
			.containsExactlyInAnyOrder(noticeId, dealId, ruleOutcome(again, notice).get("messages").get(0).asString());
	}

	@Test
	void aTombstoneTakesTheCustomerOffTheList() {
		String org = organization();
		this.fixtures.suppress(org, CUSTOMER, true);
		this.fixtures.suppress(org, CUSTOMER, true);
		assertThat(this.fixtures.suppressed(org, CUSTOMER)).isTrue();
		this.fixtures.tombstone(org, CUSTOMER);
		assertThat(this.fixtures.suppressed(org, CUSTOMER)).isFalse();
	}

	@Test
	void aHeldMarketingMessageIsCancelledWhenTheCustomerOptsOutBeforeItIsDue() {
		String org = organization();
		String deals = rule(org, "later-deals", ConversationFixtures.MARKETING_TEMPLATE,
				", \"timing\": {\"delay\": \"PT1H\"}");
		String notice = rule(org, "later-notice", "welcome_message", ", \"timing\": {\"delay\": \"PT1H\"}");
		JsonNode outcome = outcome(org, event(org));
		String dealId = ruleOutcome(outcome, deals).get("scheduled").get(0).get("id").asString();
		String noticeId = ruleOutcome(outcome, notice).get("scheduled").get(0).get("id").asString();
		double cancelled = scheduler(deals, "cancelled");

		this.fixtures.suppress(org, CUSTOMER, true);
		this.clock.set(T.plus(Duration.ofHours(2)));
		StepVerifier.create(this.scheduled.releaseDue()).expectNextCount(1).expectComplete().verify(TIMEOUT);

		await().atMost(TIMEOUT)
			.until(() -> !this.received.statuses(dealId).isEmpty() && !this.received.sent(noticeId).isEmpty());
		StatusEvent status = this.received.statuses(dealId).get(0);
		assertThat(status.status()).isEqualTo(MessageStatus.CANCELLED);
		assertThat(status.error().title()).isEqualTo("Cancelled");
		assertThat(status.error().details()).startsWith("opted_out");
		assertThat(this.received.sent(dealId)).isEmpty();
		assertThat(this.received.sent(noticeId)).singleElement()
			.satisfies((request) -> assertThat(request.scheduledFor()).isEqualTo(T.plus(Duration.ofHours(1))));
		assertThat(scheduler(deals, "cancelled") - cancelled).isEqualTo(1);
	}

	private String organization() {
		String org = "org-optout-" + UUID.randomUUID().toString().substring(0, 8);
		this.fixtures.organization(org, "pn-" + org,
				ConversationFixtures.settings(org, true, ConversationSettings.DEFAULTS));
		return org;
	}

	/** Saves a rule of the organization for {@code deal.published}; its unique name. */
	private String rule(String org, String name, String template, String more) {
		String unique = name + "-" + UUID.randomUUID().toString().substring(0, 8);
		this.web.post()
			.uri("/internal/workflows?organizationId={org}", org)
			.headers((headers) -> headers.setBearerAuth(TOKEN))
			.header("Content-Type", "application/json")
			.bodyValue("""
					{"name": "%s", "trigger": {"type": "%s"}, "recipient": {"phone": "/customerPhone"},
					 "template": {"name": "%s", "language": "en"}, "parameters": [{"from": "/customerName"}]%s}
					""".formatted(unique, EVENT_TYPE, template, more))
			.exchange()
			.expectStatus()
			.isCreated();
		return unique;
	}

	/** A {@code deal.published} CloudEvent (binary mode) for the customer at T. */
	private String event(String org) {
		String id = UUID.randomUUID().toString();
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.BUSINESS_EVENTS.name(), id,
				"{\"customerName\": \"Ana Souza\", \"customerPhone\": \"%s\"}".formatted(CUSTOMER)
					.getBytes(StandardCharsets.UTF_8));
		header(record, EventHeaders.ID, id);
		header(record, EventHeaders.TYPE, EVENT_TYPE);
		header(record, EventHeaders.SOURCE, "/deals");
		header(record, EventHeaders.SPEC_VERSION, "1.0");
		header(record, EventHeaders.TIME, T.toString());
		header(record, EventHeaders.SUBJECT, id);
		header(record, EventHeaders.ORGANIZATION_ID, org);
		header(record, EventHeaders.CONTENT_TYPE, "application/json");
		StepVerifier.create(Mono.fromFuture(() -> raw.send(record)))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		return id;
	}

	/** What the event triggered, once recorded. */
	private JsonNode outcome(String org, String eventId) {
		await().atMost(TIMEOUT)
			.until(() -> this.web.get()
				.uri("/internal/events/{id}?organizationId={org}", eventId, org)
				.headers((headers) -> headers.setBearerAuth(TOKEN))
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.is2xxSuccessful());
		return this.web.get()
			.uri("/internal/events/{id}?organizationId={org}", eventId, org)
			.headers((headers) -> headers.setBearerAuth(TOKEN))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private static JsonNode ruleOutcome(JsonNode outcome, String rule) {
		for (JsonNode one : outcome.get("rules")) {
			if (rule.equals(one.get("rule").asString())) {
				return one;
			}
		}
		throw new AssertionError("No outcome of rule " + rule + " in " + outcome);
	}

	private double skipped(String rule, String reason) {
		return this.meters.counter("workflow.rules.skipped", "rule", rule, "reason", reason).count();
	}

	private double scheduler(String rule, String outcome) {
		return this.meters.counter("workflow.scheduler.messages", "rule", rule, "outcome", outcome).count();
	}

	private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
		record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
	}

	@TestConfiguration
	static class Beans {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock(T);
		}

		@Bean
		ConversationFixtures.Received received() {
			return new ConversationFixtures.Received();
		}

	}

}
