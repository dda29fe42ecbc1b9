package com.waplatform.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.event.Event;
import com.waplatform.common.inbound.InboundMessage;
import com.waplatform.common.kafka.Topic;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.common.template.TemplateUpdated;
import com.waplatform.common.webhook.WebhookReceived;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.support.kafka.EventPublisher;
import com.waplatform.support.retention.RetentionPurge;
import com.waplatform.support.tracing.TraceContexts;
import com.waplatform.testsupport.Infrastructure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service end to end on a real (embedded) Kafka broker and PostgreSQL: webhooks in on
 * {@code wa.webhook-events}, status events and inbound messages out.
 */
@SpringBootTest(classes = { WebhookApplication.class, WebhookServiceTests.Listeners.class },
		properties = "spring.config.name=webhook-service")
@DirtiesContext
class WebhookServiceTests {

	private static final String WABA = "5467539754836534";

	private static final String PHONE_NUMBER_ID = "1122334455667";

	private static final String ORG = "org-gateway";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
	}

	@Autowired
	EventPublisher publisher;

	@Autowired
	Received received;

	@Autowired
	MeterRegistry meters;

	@Autowired
	AccountDirectory accounts;

	@Autowired
	DatabaseClient db;

	@Autowired
	RetentionPurge retention;

	@Autowired
	ConnectionFactory connections;

	@Test
	void statusesMoveAMessageForwardOnlyOnce() {
		String messageId = UUID.randomUUID().toString();
		String wamid = "wamid." + messageId;
		publishWebhook(statusWebhook(wamid, "sent", 1_700_000_100L, messageId));
		awaitStatuses(messageId, 1);
		publishWebhook(statusWebhook(wamid, "delivered", 1_700_000_200L, messageId));
		awaitStatuses(messageId, 2);
		publishWebhook(statusWebhook(wamid, "read", 1_700_000_300L, messageId));
		awaitStatuses(messageId, 3);

		List<StatusEvent> statuses = this.received.statuses(messageId);
		assertThat(statuses).extracting(StatusEvent::status)
			.containsExactly(MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.READ);
		assertThat(statuses).extracting(StatusEvent::statusAt)
			.containsExactly(Instant.ofEpochSecond(1_700_000_100L), Instant.ofEpochSecond(1_700_000_200L),
					Instant.ofEpochSecond(1_700_000_300L));
		StatusEvent sent = statuses.get(0);
		assertThat(sent.organizationId()).isEqualTo(ORG);
		assertThat(sent.wamid()).isEqualTo(wamid);
		assertThat(sent.phoneNumberId()).isEqualTo(PHONE_NUMBER_ID);
		assertThat(sent.recipient()).isEqualTo("+972987654321");
		assertThat(this.received.record(Topics.STATUS_EVENTS, messageId).key()).isEqualTo(messageId);

		// a late sent and a duplicate read are ignored by the status machine ...
		double ignoredSent = counter("webhook.statuses.ignored", "sent");
		publishWebhook(statusWebhook(wamid, "sent", 1_700_000_150L, messageId));
		await().atMost(TIMEOUT).until(() -> counter("webhook.statuses.ignored", "sent") > ignoredSent);
		double ignoredRead = counter("webhook.statuses.ignored", "read");
		publishWebhook(statusWebhook(wamid, "read", 1_700_000_300L, messageId));
		await().atMost(TIMEOUT).until(() -> counter("webhook.statuses.ignored", "read") > ignoredRead);
		// ... so once a later webhook went through, there is still no fourth event
		String marker = UUID.randomUUID().toString();
		publishWebhook(statusWebhook("wamid." + marker, "sent", 1_700_000_400L, marker));
		awaitStatuses(marker, 1);
		assertThat(this.received.statuses(messageId)).hasSize(3);
	}

	/**
	 * The status lifecycle (common-model's {@code MessageStatus}): a receipt from the
	 * customer's device outranks a failure, in either order.
	 */
	/**
	 * Statuses and wamid mappings are kept {@code webhook.retention.messages} (90 days)
	 * since their last change: older ones are purged, younger ones stay. Counted per
	 * table.
	 */
	@Test
	void statusesAndWamidsOlderThanTheRetentionArePurged() {
		String org = "org-" + UUID.randomUUID();
		for (int age : new int[] { 91, 89 }) {
			String id = UUID.randomUUID().toString();
			this.db
				.sql("insert into message_status (message_id, organization_id, status, status_rank, status_at, "
						+ "updated_at) values (:id, :org, 'sent', 2, now(), now() - make_interval(days => :age))")
				.bind("id", id)
				.bind("org", org)
				.bind("age", age)
				.then()
				.block(TIMEOUT);
			this.db
				.sql("insert into message_refs (wamid, message_id, organization_id, created_at) "
						+ "values (:wamid, :id, :org, now() - make_interval(days => :age))")
				.bind("wamid", "wamid." + id)
				.bind("id", id)
				.bind("org", org)
				.bind("age", age)
				.then()
				.block(TIMEOUT);
		}
		double before = purged("message_status") + purged("message_refs");

		this.retention.purge().block(TIMEOUT);

		for (String table : new String[] { "message_status", "message_refs" }) {
			assertThat(this.db.sql("select count(*) as n from " + table + " where organization_id = :org")
				.bind("org", org)
				.map((row) -> row.get("n", Long.class))
				.one()
				.block(TIMEOUT)).as(table).isOne();
		}
		assertThat(purged("message_status") + purged("message_refs") - before).isGreaterThanOrEqualTo(2.0);
	}

	private double purged(String table) {
		Counter counter = this.meters.find(RetentionPurge.PURGED_METRIC).tag("table", table).counter();
		return (counter != null) ? counter.count() : 0.0;
	}

	@Test
	void deliveryOutranksAFailureWhicheverArrivesFirst() {
		String deliveredFirst = UUID.randomUUID().toString();
		publishWebhook(statusWebhook("wamid." + deliveredFirst, "delivered", 1_700_000_500L, deliveredFirst));
		awaitStatuses(deliveredFirst, 1);
		double ignoredFailed = counter("webhook.statuses.ignored", "failed");
		publishWebhook(statusWebhook("wamid." + deliveredFirst, "failed", 1_700_000_510L, deliveredFirst));
		await().atMost(TIMEOUT).until(() -> counter("webhook.statuses.ignored", "failed") > ignoredFailed);

		String failedFirst = UUID.randomUUID().toString();
		publishWebhook(statusWebhook("wamid." + failedFirst, "failed", 1_700_000_500L, failedFirst));
		awaitStatuses(failedFirst, 1);
		publishWebhook(statusWebhook("wamid." + failedFirst, "delivered", 1_700_000_490L, failedFirst));
		awaitStatuses(failedFirst, 2);

		assertThat(this.received.statuses(deliveredFirst)).extracting(StatusEvent::status)
			.containsExactly(MessageStatus.DELIVERED);
		assertThat(this.received.statuses(failedFirst)).extracting(StatusEvent::status)
			.containsExactly(MessageStatus.FAILED, MessageStatus.DELIVERED);
		assertThat(currentStatuses(List.of(deliveredFirst, failedFirst)))
			.containsEntry(deliveredFirst, MessageStatus.DELIVERED)
			.containsEntry(failedFirst, MessageStatus.DELIVERED);
	}

	@Test
	void oneWebhookCarryingStatusesOfSeveralMessagesAndNumbersAppliesEach() {
		// two numbers in two accounts of one organization (a webhook never mixes
		// organizations:
		// the gateway refuses one that does)
		this.accounts
			.apply(PhoneNumberConfigured.of(ORG, "2233445566778", "6677889900112", "15550001111", "sealed", 80, true));
		String first = UUID.randomUUID().toString();
		String second = UUID.randomUUID().toString();
		String third = UUID.randomUUID().toString();
		publishWebhook(webhook(
				statusEntry(WABA, "972123456789", PHONE_NUMBER_ID,
						List.of(status("wamid." + first, "delivered", 1_700_000_700L, first),
								status("wamid." + second, "sent", 1_700_000_701L, second))),
				statusEntry("6677889900112", "15550001111", "2233445566778",
						List.of(status("wamid." + third, "read", 1_700_000_702L, third)))));
		awaitStatuses(first, 1);
		awaitStatuses(second, 1);
		awaitStatuses(third, 1);
		assertThat(this.received.statuses(first)).extracting(StatusEvent::status)
			.containsExactly(MessageStatus.DELIVERED);
		assertThat(this.received.statuses(second)).extracting(StatusEvent::status).containsExactly(MessageStatus.SENT);
		StatusEvent read = this.received.statuses(third).get(0);
		assertThat(read.status()).isEqualTo(MessageStatus.READ);
		assertThat(read.organizationId()).isEqualTo(ORG);
		assertThat(read.phoneNumberId()).isEqualTo("2233445566778");
		assertThat(this.received.statuses(first).get(0).organizationId()).isEqualTo(ORG);
	}

	/**
	 * Meta batches statuses under load, and batches of the same messages are processed
	 * concurrently: they must neither deadlock each other nor stall the consumer, and
	 * whatever the order, each message ends at its highest-ranked status.
	 */
	@Test
	void concurrentBatchedWebhooksOverTheSameMessagesAreAllApplied() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			ids.add(UUID.randomUUID().toString());
		}
		Random random = new Random(7);
		Map<String, MessageStatus> highest = new HashMap<>();
		List<WebhookReceived> webhooks = new ArrayList<>();
		List<MessageStatus> kinds = List.of(MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.READ,
				MessageStatus.FAILED);
		for (int k = 0; k < 150; k++) {
			List<String> statuses = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				String id = ids.get(random.nextInt(ids.size()));
				MessageStatus kind = kinds.get(random.nextInt(kinds.size()));
				highest.merge(id, kind, (a, b) -> (a.rank() >= b.rank()) ? a : b);
				statuses.add(status("wamid." + id, kind.wireName(), 1_700_001_000L + k, id));
			}
			webhooks.add(WebhookReceived.of(ORG, WABA, statusesWebhook(statuses)));
		}
		double routed = this.meters.counter("webhook.changes", "field", "messages").count();
		Flux.fromIterable(webhooks)
			.flatMap((webhook) -> this.publisher.publish(Topics.WEBHOOK_EVENTS, webhook), 32)
			.blockLast(Duration.ofSeconds(30));

		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.meters.counter("webhook.changes", "field", "messages").count() - routed >= 150);
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(currentStatuses(ids)).isEqualTo(highest));
	}

	/**
	 * A webhook whose transaction PostgreSQL picks as a deadlock victim is run again, and
	 * the webhooks after it still flow.
	 */
	@Test
	void aWebhookThatLosesADeadlockIsRetriedAndLaterWebhooksStillFlow() throws Exception {
		List<String> ids = new ArrayList<>(List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString()));
		Collections.sort(ids);
		String first = ids.get(0);
		String second = ids.get(1);
		publishWebhook(statusWebhook("wamid." + first, "sent", 1_700_002_000L, first));
		publishWebhook(statusWebhook("wamid." + second, "sent", 1_700_002_000L, second));
		awaitStatuses(first, 1);
		awaitStatuses(second, 1);
		long deadlocks = deadlocks();

		Connection blocker = Mono.from(this.connections.create()).block(TIMEOUT);
		try {
			Mono.from(blocker.beginTransaction()).block(TIMEOUT);
			touch(blocker, second).block(TIMEOUT);
			// the webhook locks the first row, then waits for the second
			publishWebhook(statusesWebhook(List.of(status("wamid." + second, "delivered", 1_700_002_001L, second),
					status("wamid." + first, "delivered", 1_700_002_001L, first))));
			await().atMost(TIMEOUT).until(() -> waitingForLocks() > 0);
			// ... and we wait for the first: PostgreSQL aborts the webhook, which waited
			// longer, and we get both rows
			touch(blocker, first).block(TIMEOUT);
			Mono.from(blocker.commitTransaction()).block(TIMEOUT);
		}
		finally {
			Mono.from(blocker.close()).block(TIMEOUT);
		}

		// the statistics reach pg_stat_database a moment after the transaction ends
		await().atMost(TIMEOUT).until(() -> deadlocks() > deadlocks);
		awaitStatuses(first, 2);
		awaitStatuses(second, 2);
		assertThat(this.received.statuses(first)).extracting(StatusEvent::status)
			.containsExactly(MessageStatus.SENT, MessageStatus.DELIVERED);
		String marker = UUID.randomUUID().toString();
		publishWebhook(statusWebhook("wamid." + marker, "sent", 1_700_002_002L, marker));
		awaitStatuses(marker, 1);
	}

	/**
	 * PostgreSQL restarts (stopped for 10 s, connections refused and sessions
	 * terminated): the webhooks that arrive meanwhile wait in the listener
	 * ({@code TransientFailures}) instead of being dead-lettered, and each is applied
	 * once when the database is back.
	 */
	@Test
	void webhooksWaitForADatabaseRestartAndNoneIsDeadLettered() {
		int deadLettered = this.received.all(Topics.WEBHOOK_EVENTS.dlt()).size();
		double deadLetters = this.meters.find("platform.dead.letters")
			.counters()
			.stream()
			.mapToDouble((c) -> c.count())
			.sum();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			ids.add(UUID.randomUUID().toString());
		}
		Infrastructure.stopPostgres();
		try {
			for (String id : ids) {
				publishWebhook(statusWebhook("wamid." + id, "sent", 1_700_003_000L, id));
			}
			// nothing goes through, nothing is dead-lettered while the database is down
			await().during(Duration.ofSeconds(10))
				.atMost(Duration.ofSeconds(15))
				.until(() -> ids.stream().allMatch((id) -> this.received.statuses(id).isEmpty())
						&& this.received.all(Topics.WEBHOOK_EVENTS.dlt()).size() == deadLettered);
		}
		finally {
			Infrastructure.startPostgres();
		}
		await().atMost(Duration.ofSeconds(45))
			.until(() -> ids.stream().allMatch((id) -> !this.received.statuses(id).isEmpty()));
		String marker = UUID.randomUUID().toString();
		publishWebhook(statusWebhook("wamid." + marker, "sent", 1_700_003_001L, marker));
		awaitStatuses(marker, 1);
		for (String id : ids) {
			assertThat(this.received.statuses(id)).extracting(StatusEvent::status).containsExactly(MessageStatus.SENT);
		}
		assertThat(this.db.sql("select count(*) as stored from message_status where message_id in (:ids)")
			.bind("ids", ids)
			.map((row) -> row.get("stored", Long.class))
			.one()
			.block(TIMEOUT)).isEqualTo(ids.size());
		assertThat(this.received.all(Topics.WEBHOOK_EVENTS.dlt())).hasSize(deadLettered);
		assertThat(this.meters.find("platform.dead.letters").counters().stream().mapToDouble((c) -> c.count()).sum())
			.isEqualTo(deadLetters);
	}

	/**
	 * The account directory asks the real broker for the end offsets of
	 * {@code wa.accounts} and says when it has read that far.
	 */
	@Test
	void theAccountDirectoryBecomesReadyOnceItHasReadWaAccounts() {
		StepVerifier.create(this.accounts.ready()).expectComplete().verify(TIMEOUT);
		assertThat(this.accounts.isReady()).isTrue();
	}

	@Test
	void aWebhookDeliveredTwiceIsProcessedOnce() {
		String messageId = UUID.randomUUID().toString();
		double duplicates = this.meters.counter("webhook.events.duplicates").count();
		WebhookReceived webhook = WebhookReceived.of(ORG, WABA,
				statusWebhook("wamid." + messageId, "delivered", 1_700_000_500L, messageId));
		publish(Topics.WEBHOOK_EVENTS, webhook);
		publish(Topics.WEBHOOK_EVENTS, webhook);
		await().atMost(TIMEOUT).until(() -> this.meters.counter("webhook.events.duplicates").count() > duplicates);
		awaitStatuses(messageId, 1);
		String marker = UUID.randomUUID().toString();
		publishWebhook(statusWebhook("wamid." + marker, "sent", 1_700_000_600L, marker));
		awaitStatuses(marker, 1);
		assertThat(this.received.statuses(messageId)).extracting(StatusEvent::status)
			.containsExactly(MessageStatus.DELIVERED);
	}

	@Test
	void statusesWithoutCallbackDataAreMatchedByWamidAndFailuresCarryMetasError() {
		String messageId = UUID.randomUUID().toString();
		String wamid = "wamid.accepted-" + messageId;
		publish(Topics.STATUS_EVENTS, StatusEvent.of(ORG, messageId, MessageStatus.ACCEPTED, Instant.now(),
				PHONE_NUMBER_ID, "+972987654321", wamid, null));
		await().atMost(TIMEOUT)
			.until(() -> this.db.sql("select count(*) as n from message_refs where wamid = :wamid")
				.bind("wamid", wamid)
				.map((row) -> row.get("n", Long.class))
				.one()
				.block() == 1L);

		String failed = WebhookSamples.raw("pywa_status_failed_130472").replace("wamid.xyzxyz", wamid);
		publishWebhook(failed);
		await().atMost(TIMEOUT)
			.until(() -> this.received.statuses(messageId)
				.stream()
				.anyMatch((s) -> s.status() == MessageStatus.FAILED));
		StatusEvent event = this.received.statuses(messageId)
			.stream()
			.filter((s) -> s.status() == MessageStatus.FAILED)
			.findFirst()
			.orElseThrow();
		assertThat(event.error().code()).isEqualTo(130472);
		assertThat(event.error().title()).isEqualTo("User's number is part of an experiment");
		assertThat(event.wamid()).isEqualTo(wamid);

		// a status of a wamid nobody knows is counted and skipped
		double unmatched = this.meters.counter("webhook.statuses.unmatched").count();
		publishWebhook(WebhookSamples.raw("pywa_status_delivered").replace("wamid.xyzxyz", "wamid.unknown"));
		await().atMost(TIMEOUT).until(() -> this.meters.counter("webhook.statuses.unmatched").count() > unmatched);
	}

	/**
	 * Meta's webhooks carry no trace: a status is published in the trace of its message,
	 * learnt from the sender's accepted event, also when a webhook's status overtook that
	 * event; the webhook's own trace (the gateway's POST) is not the message's.
	 */
	@Test
	void statusesArePublishedInTheTraceOfTheirMessage() {
		String messageId = UUID.randomUUID().toString();
		String wamid = "wamid.traced-" + messageId;
		String traceId = UUID.randomUUID().toString().replace("-", "");
		String webhookTrace = "00-" + UUID.randomUUID().toString().replace("-", "") + "-00f067aa0ba902b7-01";
		long now = Instant.now().getEpochSecond();
		StepVerifier
			.create(this.publisher.publish(Topics.WEBHOOK_EVENTS.name(),
					WebhookReceived.of(ORG, WABA, statusWebhook(wamid, "sent", now, messageId)), webhookTrace))
			.expectComplete()
			.verify(TIMEOUT);
		awaitStatuses(messageId, 1);
		StepVerifier
			.create(this.publisher.publish(Topics.STATUS_EVENTS.name(),
					StatusEvent.of(ORG, messageId, MessageStatus.ACCEPTED, Instant.now(), PHONE_NUMBER_ID,
							"+972987654321", wamid, null),
					"00-" + traceId + "-" + traceId.substring(16) + "-01"))
			.expectComplete()
			.verify(TIMEOUT);
		await().atMost(TIMEOUT)
			.until(() -> this.db.sql("select traceparent from message_status where message_id = :id")
				.bind("id", messageId)
				.map((row) -> Optional.ofNullable(row.get("traceparent", String.class)))
				.one()
				.block(TIMEOUT)
				.isPresent());
		StepVerifier
			.create(this.publisher.publish(Topics.WEBHOOK_EVENTS.name(),
					WebhookReceived.of(ORG, WABA, statusWebhook(wamid, "delivered", now + 1, messageId)), webhookTrace))
			.expectComplete()
			.verify(TIMEOUT);
		awaitStatuses(messageId, 2);

		List<ConsumerRecord<String, Event>> records = this.received.all(Topics.STATUS_EVENTS)
			.stream()
			.filter((record) -> messageId.equals(record.key()))
			.filter((record) -> ((StatusEvent) record.value()).status() != MessageStatus.ACCEPTED)
			.toList();
		// the sent status came before the message's trace was known
		assertThat(TraceContexts.traceId(TraceContexts.of(records.get(0).headers()))).isNotEqualTo(traceId);
		assertThat(((StatusEvent) records.get(1).value()).status()).isEqualTo(MessageStatus.DELIVERED);
		assertThat(TraceContexts.traceId(TraceContexts.of(records.get(1).headers()))).isEqualTo(traceId);
	}

	@Test
	void inboundMessagesArePublishedWithTheOrganizationOfTheirNumber() {
		this.accounts.apply(PhoneNumberConfigured.of("org-of-number", "106540352242922", "419561257915477",
				"15550783881", "sealed", 80, true));
		String wamid = "wamid.inbound-" + UUID.randomUUID();
		String text = WebhookSamples.raw("spec_inbound_text")
			.replace("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=", wamid);
		publish(Topics.WEBHOOK_EVENTS, WebhookReceived.of("org-of-number", "419561257915477", text));
		await().atMost(TIMEOUT).until(() -> this.received.inbound(wamid) != null);

		InboundMessage message = this.received.inbound(wamid);
		assertThat(message.organizationId()).isEqualTo("org-of-number");
		assertThat(message.from()).isEqualTo("+16505551234");
		assertThat(message.text()).isEqualTo("Does it come in another color?");
		assertThat(message.profileName()).isEqualTo("Sheena Nelson");
		ConsumerRecord<String, Event> record = this.received.all(Topics.INBOUND_MESSAGES)
			.stream()
			.filter((r) -> r.value() instanceof InboundMessage m && m.wamid().equals(wamid))
			.findFirst()
			.orElseThrow();
		assertThat(record.key()).isEqualTo("106540352242922:+16505551234");
	}

	@Test
	void templateWebhooksGoToTheTemplateServiceWithTheOrganizationOfTheirWaba() {
		this.accounts.apply(PhoneNumberConfigured.of("org-of-waba", "pn-templates", "880480871844883", "15550100",
				"sealed", 80, true));
		publish(Topics.WEBHOOK_EVENTS, WebhookReceived.of("org-of-waba", "880480871844883",
				WebhookSamples.raw("bindambc_template_status_update_rejected_scam")));
		publish(Topics.WEBHOOK_EVENTS,
				WebhookReceived.of(ORG, "102290129340398", WebhookSamples.raw("pywa_template_quality_update_yellow")));

		await().atMost(TIMEOUT).until(() -> this.received.all(Topics.TEMPLATE_UPDATES).size() >= 2);
		ConsumerRecord<String, Event> rejected = this.received.record(Topics.TEMPLATE_UPDATES,
				"880480871844883:schedule_confirmation4:pt_BR");
		assertThat(header(rejected, "ce_type")).isEqualTo("template.updated");
		TemplateUpdated update = (TemplateUpdated) rejected.value();
		assertThat(update.organizationId()).isEqualTo("org-of-waba");
		assertThat(update.status()).isEqualTo("REJECTED");
		assertThat(update.reason()).isEqualTo("SCAM");
		assertThat(update.templateId()).isEqualTo("905507062668800");
		// a WABA nobody configured keeps the organization the gateway resolved
		TemplateUpdated quality = (TemplateUpdated) this.received
			.record(Topics.TEMPLATE_UPDATES, "102290129340398:welcome_template:en_US")
			.value();
		assertThat(quality.organizationId()).isEqualTo(ORG);
		assertThat(quality.quality()).isEqualTo("YELLOW");
		assertThat(this.meters.counter("webhook.template.updates", "field", "message_template_status_update").count())
			.isGreaterThanOrEqualTo(1);
	}

	/**
	 * The gateway verified the webhook with organization B's secret, but its change names
	 * A's number: B's app cannot speak for A's messages, so nothing of it is routed.
	 */
	@Test
	void aChangeNamingAnotherOrganizationsNumberIsNotRouted() {
		String numberOfA = "pn-a-" + UUID.randomUUID();
		this.accounts
			.apply(PhoneNumberConfigured.of("org-a", numberOfA, "waba-a-cross", "15550101", "sealed", 80, true));
		double refused = this.meters.counter("webhook.changes.refused").count();
		String wamid = "wamid.cross-" + UUID.randomUUID();
		String text = WebhookSamples.raw("spec_inbound_text")
			.replace("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=", wamid)
			.replace("106540352242922", numberOfA);
		publish(Topics.WEBHOOK_EVENTS,
				WebhookReceived.of("org-b", "waba-b-cross", text.replace("419561257915477", "waba-b-cross")));
		await().atMost(TIMEOUT).until(() -> this.meters.counter("webhook.changes.refused").count() > refused);
		assertThat(this.meters.counter("webhook.changes.refused").count() - refused).isEqualTo(1);
		// a later inbound message of A's own (same way in) is published; the refused one
		// never was
		String own = "wamid.own-" + UUID.randomUUID();
		publish(Topics.WEBHOOK_EVENTS, WebhookReceived.of("org-a", "waba-a-cross",
				text.replace(wamid, own).replace("419561257915477", "waba-a-cross")));
		await().atMost(TIMEOUT).until(() -> this.received.inbound(own) != null);
		assertThat(this.received.inbound(own).organizationId()).isEqualTo("org-a");
		assertThat(this.received.inbound(wamid)).isNull();
	}

	@Test
	void unparseablePayloadsAreDeadLetteredWithTheReason() {
		WebhookReceived garbage = WebhookReceived.of(ORG, WABA, "this is not json");
		publish(Topics.WEBHOOK_EVENTS, garbage);
		await().atMost(TIMEOUT)
			.until(() -> this.received.all(Topics.WEBHOOK_EVENTS.dlt())
				.stream()
				.anyMatch((r) -> r.value() != null && r.value().eventId().equals(garbage.eventId())));
		ConsumerRecord<String, Event> dead = this.received.all(Topics.WEBHOOK_EVENTS.dlt())
			.stream()
			.filter((r) -> r.value().eventId().equals(garbage.eventId()))
			.findFirst()
			.orElseThrow();
		assertThat(dead.value()).isEqualTo(garbage);
		assertThat(header(dead, "kafka_dlt-exception-message")).contains("Unparseable webhook payload");
		assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).isEqualTo(IllegalArgumentException.class.getName());
	}

	@Test
	void callbackDataThatIsNotAMessageIdIsUnmatchedAndNothingIsPublished() {
		String wamid = "wamid.phantom-" + UUID.randomUUID();
		String callbackData = "not-our-id-" + UUID.randomUUID() + "-" + "x".repeat(500);
		double unmatched = this.meters.counter("webhook.statuses.unmatched").count();
		publishWebhook(statusWebhook(wamid, "delivered", 1_700_003_000L, callbackData));
		await().atMost(TIMEOUT).until(() -> this.meters.counter("webhook.statuses.unmatched").count() > unmatched);
		// a later webhook of the same WABA (same partition) went through ...
		String marker = UUID.randomUUID().toString();
		publishWebhook(statusWebhook("wamid." + marker, "sent", 1_700_003_001L, marker));
		awaitStatuses(marker, 1);

		// ... and the phantom was counted once, stored nowhere and published nowhere
		assertThat(this.meters.counter("webhook.statuses.unmatched").count() - unmatched).isEqualTo(1);
		assertThat(this.received.all(Topics.STATUS_EVENTS)).noneMatch(
				(record) -> callbackData.equals(record.key()) || wamid.equals(((StatusEvent) record.value()).wamid()));
		assertThat(this.db.sql("select count(*) as n from message_status where message_id = :id or wamid = :wamid")
			.bind("id", callbackData)
			.bind("wamid", wamid)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block(TIMEOUT)).isZero();
	}

	@Test
	void metricTagsTakenFromPayloadsComeFromAFixedSet() {
		String id = UUID.randomUUID().toString();
		double other = counter("webhook.statuses.unsupported", "other");
		double played = counter("webhook.statuses.unsupported", "played");
		publishWebhook(statusWebhook("wamid." + id, "made-up-" + UUID.randomUUID(), 1_700_004_000L, id));
		publishWebhook(statusWebhook("wamid." + id, "played", 1_700_004_001L, id));
		await().atMost(TIMEOUT).until(() -> counter("webhook.statuses.unsupported", "played") > played);
		await().atMost(TIMEOUT).until(() -> counter("webhook.statuses.unsupported", "other") > other);
		assertThat(counter("webhook.statuses.unsupported", "other") - other).isEqualTo(1);
		assertThat(counter("webhook.statuses.unsupported", "played") - played).isEqualTo(1);

		double otherFields = this.meters.counter("webhook.changes", "field", "other").count();
		publishWebhook(webhook("""
				{"id":"%s","changes":[{"field":"made_up_%s","value":{"anything":1}}]}""".formatted(WABA,
				UUID.randomUUID())));
		await().atMost(TIMEOUT)
			.until(() -> this.meters.counter("webhook.changes", "field", "other").count() > otherFields);

		assertThat(this.meters.find("webhook.statuses.unsupported").counters())
			.extracting((counter) -> counter.getId().getTag("status"))
			.allMatch((tag) -> List.of("sent", "delivered", "read", "failed", "played", "deleted", "warning", "other")
				.contains(tag));
		assertThat(this.meters.find("webhook.changes").counters())
			.extracting((counter) -> counter.getId().getTag("field"))
			.noneMatch((tag) -> tag.startsWith("made_up_"));
	}

	private double counter(String name, String status) {
		return this.meters.counter(name, "status", status).count();
	}

	private Map<String, MessageStatus> currentStatuses(List<String> ids) {
		return this.db.sql("select message_id, status from message_status where message_id = any(:ids)")
			.bind("ids", ids.toArray(String[]::new))
			.map((row) -> Map.entry(row.get("message_id", String.class),
					MessageStatus.fromWire(row.get("status", String.class))))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.block(TIMEOUT);
	}

	private Mono<Long> touch(Connection connection, String messageId) {
		return Mono
			.from(connection.createStatement("update message_status set updated_at = now() where message_id = $1")
				.bind("$1", messageId)
				.execute())
			.flatMap((result) -> Mono.from(result.getRowsUpdated()));
	}

	private long waitingForLocks() {
		return this.db.sql("select count(*) as n from pg_locks where not granted")
			.map((row) -> row.get("n", Long.class))
			.one()
			.block(TIMEOUT);
	}

	private long deadlocks() {
		return this.db.sql("select deadlocks from pg_stat_database where datname = current_database()")
			.map((row) -> row.get("deadlocks", Long.class))
			.one()
			.block(TIMEOUT);
	}

	private void awaitStatuses(String messageId, int count) {
		await().atMost(TIMEOUT).until(() -> this.received.statuses(messageId).size() >= count);
	}

	private void publishWebhook(String payload) {
		publish(Topics.WEBHOOK_EVENTS, WebhookReceived.of(ORG, WABA, payload));
	}

	private <V extends Event> void publish(Topic<V> topic, V event) {
		StepVerifier.create(this.publisher.publish(topic, event)).expectComplete().verify(Duration.ofSeconds(10));
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	/** A status webhook like Meta's, carrying our message id as callback data. */
	private static String statusWebhook(String wamid, String status, long timestamp, String callbackData) {
		return statusesWebhook(List.of(status(wamid, status, timestamp, callbackData)));
	}

	/** A webhook of statuses of our number, in the given order. */
	private static String statusesWebhook(List<String> statuses) {
		return webhook(statusEntry(WABA, "972123456789", PHONE_NUMBER_ID, statuses));
	}

	/** Meta's envelope around entries (one POST may carry several). */
	private static String webhook(String... entries) {
		return """
				{"object":"whatsapp_business_account","entry":[%s]}""".formatted(String.join(",", entries));
	}

	private static String statusEntry(String wabaId, String displayPhoneNumber, String phoneNumberId,
			List<String> statuses) {
		return """
				{"id":"%s","changes":[{"field":"messages","value":{"messaging_product":"whatsapp",
				"metadata":{"display_phone_number":"%s","phone_number_id":"%s"},"statuses":[%s]}}]}""".formatted(wabaId,
				displayPhoneNumber, phoneNumberId, String.join(",", statuses));
	}

	private static String status(String wamid, String status, long timestamp, String callbackData) {
		return """
				{"id":"%s","status":"%s","timestamp":"%d","recipient_id":"972987654321",
				"biz_opaque_callback_data":"%s"}""".formatted(wamid, status, timestamp, callbackData);
	}

	@TestConfiguration
	static class Listeners {

		@Bean
		Received received() {
			return new Received();
		}

	}

	static class Received {

		private final List<ConsumerRecord<String, Event>> records = new CopyOnWriteArrayList<>();

		@KafkaListener(
				topics = { "wa.status-events", "wa.inbound-messages", "wa.webhook-events-dlt", "wa.template-updates" },
				groupId = "webhook-service-tests")
		void on(ConsumerRecord<String, Event> record) {
			this.records.add(record);
		}

		List<ConsumerRecord<String, Event>> all(String topic) {
			return this.records.stream().filter((record) -> record.topic().equals(topic)).toList();
		}

		List<ConsumerRecord<String, Event>> all(Topic<?> topic) {
			return all(topic.name());
		}

		ConsumerRecord<String, Event> record(Topic<?> topic, String key) {
			return all(topic).stream().filter((record) -> key.equals(record.key())).findFirst().orElseThrow();
		}

		/**
		 * The webhook service's status events of a message (not the sender's accepted).
		 */
		List<StatusEvent> statuses(String messageId) {
			return all(Topics.STATUS_EVENTS).stream()
				.filter((record) -> messageId.equals(record.key()))
				.map((record) -> (StatusEvent) record.value())
				.filter((event) -> event.status() != MessageStatus.ACCEPTED)
				.toList();
		}

		InboundMessage inbound(String wamid) {
			return all(Topics.INBOUND_MESSAGES).stream()
				.filter((record) -> record.value() instanceof InboundMessage)
				.map((record) -> (InboundMessage) record.value())
				.filter((message) -> message.wamid().equals(wamid))
				.findFirst()
				.orElse(null);
		}

	}

}
