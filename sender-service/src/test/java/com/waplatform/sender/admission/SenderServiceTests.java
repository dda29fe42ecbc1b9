package com.waplatform.sender.admission;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.waplatform.common.crypto.CredentialCipher;
import com.waplatform.common.event.Event;
import com.waplatform.common.json.Json;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.ErrorInfo;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.sender.FakeMeta;
import com.waplatform.sender.SenderApplication;
import com.waplatform.sender.SenderFixtures;
import com.waplatform.sender.SenderFixtures.Received;
import com.waplatform.common.template.TemplateSnapshot;
import com.waplatform.sender.dispatch.OrganizationPauses;
import com.waplatform.sender.meta.MetaCircuitBreakers;
import com.waplatform.sender.templates.TemplateSyncProgress;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.support.kafka.EventPublisher;
import com.waplatform.support.templates.TemplateDirectory;
import com.waplatform.support.tracing.TraceContexts;
import com.waplatform.testsupport.Infrastructure;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.waplatform.sender.SenderFixtures.WAIT;
import static com.waplatform.sender.SenderFixtures.header;
import static com.waplatform.sender.SenderFixtures.orderReady;
import static com.waplatform.sender.SenderFixtures.request;
import static com.waplatform.sender.SenderFixtures.templateRequest;
import static com.waplatform.sender.SenderFixtures.uniqueRecipient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sender against real Kafka and PostgreSQL, with Meta played by a real HTTP server.
 * Each test uses its own business number and recipients.
 */
@SpringBootTest(classes = { SenderApplication.class, SenderFixtures.Listeners.class },
		properties = { "spring.config.name=sender-service",
				// these tests send free-form text to customers who never wrote: the
				// window
				// re-check has its own tests (ServiceWindowTests)
				"sender.window.enforce=false", "sender.retry.first-backoff=10ms", "sender.retry.max-backoff=50ms",
				"sender.retry.max-attempts=3", "sender.retry.throughput-retry-delay=100ms",
				"sender.retry.unknown-number-timeout=2s", "sender.retry.breaker-wait=100ms",
				"sender.rate-limit.pair-interval=1s", "sender.verification.grace=3s", "sender.queue.housekeeping=100ms",
				"sender.queue.sweep=1s", "sender.meta.read-timeout=1s", "sender.queue.max-held-per-number=20",
				"sender.queue.reload-below=10", "resilience4j.circuitbreaker.configs.meta.sliding-window-size=4",
				"resilience4j.circuitbreaker.configs.meta.minimum-number-of-calls=4",
				"resilience4j.circuitbreaker.configs.meta.wait-duration-in-open-state=500ms" })
@DirtiesContext
class SenderServiceTests {

	private static final FakeMeta meta = new FakeMeta();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
		registry.add("sender.meta.base-url", meta::baseUrl);
	}

	@AfterAll
	static void stopMeta() {
		meta.close();
	}

	@Autowired
	EventPublisher publisher;

	@Autowired
	CredentialCipher cipher;

	@Autowired
	AccountDirectory accounts;

	@Autowired
	DatabaseClient db;

	@Autowired
	MeterRegistry meters;

	@Autowired
	CircuitBreakerRegistry breakers;

	@Autowired
	OrganizationPauses pauses;

	@Autowired
	Received received;

	@Autowired
	MetaCircuitBreakers metaBreakers;

	@Autowired
	KafkaTemplate<String, Event> kafka;

	@Autowired
	TemplateDirectory templates;

	@Autowired
	TemplateSyncProgress templateSync;

	SenderFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new SenderFixtures(this.publisher, this.cipher, this.accounts, this.db);
	}

	@Test
	void acceptedMessageIsSentOnceAndARedeliveryIsNotSentAgain() {
		String number = this.fixtures.configuredNumber("org-1");
		String recipient = uniqueRecipient();
		SendRequest request = request("org-1", number, recipient, null);

		this.fixtures.publish(Topics.SEND_REQUESTS, request);

		StatusEvent accepted = this.received.awaitStatus(request.messageId());
		assertThat(accepted.status()).isEqualTo(MessageStatus.ACCEPTED);
		assertThat(accepted.wamid()).isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJCOTY3NDc0NDFDRUI3NTA0Q0UA");
		assertThat(accepted.organizationId()).isEqualTo("org-1");
		assertThat(accepted.phoneNumberId()).isEqualTo(number);
		assertThat(accepted.recipient()).isEqualTo(recipient);
		List<FakeMeta.Call> calls = meta.callsTo(recipient);
		assertThat(calls).hasSize(1);
		FakeMeta.Call call = calls.get(0);
		assertThat(call.method()).isEqualTo("POST");
		assertThat(call.path()).isEqualTo("/v23.0/" + number + "/messages");
		assertThat(call.authorization()).isEqualTo("Bearer " + SenderFixtures.TOKEN);
		assertThat(call.body().get("biz_opaque_callback_data").stringValue()).isEqualTo(request.messageId());
		assertThat(call.body().get("messaging_product").stringValue()).isEqualTo("whatsapp");
		assertThat(call.body().get("text").get("body").stringValue()).isEqualTo("Your booking is confirmed");
		assertThat(this.fixtures.row(request.messageId())).containsEntry("state", "ACCEPTED")
			.containsEntry("wamid", accepted.wamid())
			.containsEntry("attempts", 1);
		// the number is new to this test: its meters count only this message
		assertThat(this.meters.find("sender.bucket.wait").tag("phone_number_id", number).timer().count()).isEqualTo(1);
		assertThat(this.meters.find("sender.rate.allowed").tag("phone_number_id", number).gauge().value())
			.isEqualTo(80.0);
		assertThat(this.meters.find("sender.rate.limit").tag("phone_number_id", number).gauge().value())
			.isEqualTo(80.0);
		assertThat(this.meters.find("sender.calls")
			.tag("phone_number_id", number)
			.tag("organization", "org-1")
			.counter()
			.count()).isEqualTo(1);
		// the number's meters name its organization, known from the directory
		await().atMost(WAIT)
			.until(() -> this.meters.find("sender.lane.inflight")
				.tag("phone_number_id", number)
				.tag("organization", "org-1")
				.gauge()
				.value() == 0);
		assertThat(this.meters.find("sender.lane.spilled")
			.tag("phone_number_id", number)
			.tag("organization", "org-1")
			.gauge()
			.value()).isZero();
		assertThat(this.meters.find("sender.messages")
			.tag("phone_number_id", number)
			.tag("organization", "org-1")
			.tag("outcome", "accepted")
			.counter()
			.count()).isEqualTo(1);

		double skippedBefore = duplicatesSkipped();
		this.fixtures.publish(Topics.SEND_REQUESTS, request);

		await().atMost(WAIT).until(() -> duplicatesSkipped() > skippedBefore);
		assertThat(meta.callsTo(recipient)).hasSize(1);
		assertThat(this.received.statuses(request.messageId())).hasSize(1);
		assertThat(this.fixtures.row(request.messageId())).containsEntry("state", "ACCEPTED")
			.containsEntry("attempts", 1);
	}

	/**
	 * One trace per message: the send request's trace (its record's traceparent header)
	 * goes on through the lane to the call to Meta (the request's traceparent header) and
	 * to the accepted status event, each a later span of the same trace.
	 */
	@Test
	void theCallToMetaAndTheAcceptedEventContinueTheSendRequestsTrace() {
		String number = this.fixtures.configuredNumber("org-1");
		String recipient = uniqueRecipient();
		SendRequest request = request("org-1", number, recipient, null);
		String traceId = UUID.randomUUID().toString().replace("-", "");
		String incoming = "00-" + traceId + "-" + traceId.substring(0, 16) + "-01";

		StepVerifier.create(this.publisher.publish(Topics.SEND_REQUESTS.name(), request, incoming))
			.expectComplete()
			.verify(WAIT);

		this.received.awaitStatus(request.messageId());
		String call = meta.callsTo(recipient).get(0).traceparent();
		assertThat(TraceContexts.traceId(call)).isEqualTo(traceId);
		assertThat(call).isNotEqualTo(incoming);
		String accepted = TraceContexts.of(this.received.statusRecords(request.messageId()).get(0).headers());
		assertThat(TraceContexts.traceId(accepted)).isEqualTo(traceId);
		assertThat(this.fixtures.row(request.messageId())).extractingByKey("traceparent").asString().contains(traceId);
	}

	@Test
	void permanentMetaErrorFailsTheMessageWithMetaReason() {
		String number = this.fixtures.configuredNumber("org-1");
		String recipient = uniqueRecipient();
		meta.script(recipient, FakeMeta.TEMPLATE_NOT_FOUND);
		SendRequest request = request("org-1", number, recipient, null);
		double errorsBefore = metaErrors("132001");

		this.fixtures.publish(Topics.SEND_REQUESTS, request);

		StatusEvent failed = this.received.awaitStatus(request.messageId());
		assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
		assertThat(failed.error()).isEqualTo(ErrorInfo.of(132001, "Template name does not exist in the translation",
				"template name (Nasilsin ya) does not exist in en_US"));
		assertThat(failed.wamid()).isNull();
		assertThat(meta.callsTo(recipient)).hasSize(1);
		assertThat(this.fixtures.row(request.messageId())).containsEntry("state", "FAILED")
			.containsEntry("error_code", 132001);
		assertThat(metaErrors("132001") - errorsBefore).isGreaterThanOrEqualTo(1);
	}

	@Test
	void expiredRequestIsNeverSent() {
		String number = this.fixtures.configuredNumber("org-1");
		String recipient = uniqueRecipient();
		SendRequest request = request("org-1", number, recipient, Instant.now().minusSeconds(60));

		this.fixtures.publish(Topics.SEND_REQUESTS, request);

		StatusEvent expired = this.received.awaitStatus(request.messageId());
		assertThat(expired.status()).isEqualTo(MessageStatus.EXPIRED);
		assertThat(expired.error().title()).isEqualTo("Time-to-live elapsed");
		assertThat(expired.error().code()).isNull();
		assertThat(meta.callsTo(recipient)).isEmpty();
		assertThat(this.fixtures.row(request.messageId())).containsEntry("state", "EXPIRED")
			.containsEntry("attempts", 0);
	}

	@Test
	void unknownBusinessNumberWaitsForTheDirectoryThenIsDeadLetteredWithoutCallingMeta() {
		String recipient = uniqueRecipient();
		SendRequest request = request("org-1", "pn-unknown-" + UUID.randomUUID(), recipient, null);

		this.fixtures.publish(Topics.SEND_REQUESTS, request);

		await().atMost(WAIT).until(() -> !this.received.deadLetters(request.messageId()).isEmpty());
		ConsumerRecord<String, Event> deadLetter = this.received.deadLetters(request.messageId()).get(0);
		assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
			.contains("Unknown business phone number " + request.phoneNumberId());
		assertThat(meta.callsTo(recipient)).isEmpty();
		assertThat(this.received.statuses(request.messageId())).isEmpty();
		// the record is on the dead-letter topic before its row is marked
		await().atMost(WAIT)
			.untilAsserted(
					() -> assertThat(this.fixtures.row(request.messageId())).containsEntry("state", "DEAD_LETTERED")
						.containsEntry("attempts", 0));
		// tagged without an organization: the directory does not know the number
		assertThat(this.meters.find("sender.retries")
			.tag("phone_number_id", request.phoneNumberId())
			.tag("organization", "unknown")
			.tag("reason", "unknown_number")
			.counter()
			.count()).isPositive();
	}

	@Test
	void aRequestNamingAnotherOrganizationsNumberIsDeadLetteredAtOnceWithoutCallingMeta() {
		String owner = "org-owner-" + UUID.randomUUID();
		String intruder = "org-intruder-" + UUID.randomUUID();
		String number = this.fixtures.configuredNumber(owner);
		String ownRecipient = uniqueRecipient();
		SendRequest own = request(owner, number, ownRecipient, null);
		this.fixtures.publish(Topics.SEND_REQUESTS, own);
		assertThat(this.received.awaitStatus(own.messageId()).status()).isEqualTo(MessageStatus.ACCEPTED);
		double refused = deadLetters("foreign_number");
		double deadLettered = messages(number, "unknown", "dead_lettered");
		String recipient = uniqueRecipient();
		SendRequest foreign = request(intruder, number, recipient, null);

		this.fixtures.publish(Topics.SEND_REQUESTS, foreign);

		await().atMost(WAIT).until(() -> !this.received.deadLetters(foreign.messageId()).isEmpty());
		ConsumerRecord<String, Event> deadLetter = this.received.deadLetters(foreign.messageId()).get(0);
		assertThat(deadLetter.value()).isEqualTo(foreign);
		assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
			.isEqualTo("Message " + foreign.messageId() + " not sent: Business phone number " + number
					+ " is not a number of organization " + intruder
					+ ": an organization sends only from its own numbers")
			.doesNotContain(owner);
		assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_FQCN))
			.isEqualTo("com.waplatform.sender.dispatch.SendDeferredException");
		assertThat(header(deadLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo("wa.send-requests");
		assertThat(this.fixtures.row(foreign.messageId())).containsEntry("state", "DEAD_LETTERED")
			.containsEntry("organization_id", intruder)
			.containsEntry("attempts", 0)
			.containsEntry("error_title", "Dead-lettered");
		assertThat(deadLetters("foreign_number")).isEqualTo(refused + 1);
		// counted without the intruder's id: the tag holds only organizations the
		// directory knows
		assertThat(messages(number, "unknown", "dead_lettered")).isEqualTo(deadLettered + 1);
		assertThat(this.meters.find("sender.messages").tag("organization", intruder).counters()).isEmpty();

		// a redelivery is skipped, and the owner's next message is sent as before
		this.fixtures.publish(Topics.SEND_REQUESTS, foreign);
		SendRequest next = request(owner, number, ownRecipient, null);
		this.fixtures.publish(Topics.SEND_REQUESTS, next);
		assertThat(this.received.awaitStatus(next.messageId()).status()).isEqualTo(MessageStatus.ACCEPTED);
		await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> meta.callsTo(recipient).isEmpty());
		assertThat(this.received.deadLetters(foreign.messageId())).hasSize(1);
		assertThat(this.received.statuses(foreign.messageId())).isEmpty();
		assertThat(meta.callsTo(ownRecipient)).hasSize(2)
			.allSatisfy((call) -> assertThat(call.body().get("biz_opaque_callback_data").stringValue())
				.isNotEqualTo(foreign.messageId()));
		assertThat(deadLetters("foreign_number")).isEqualTo(refused + 1);
	}

	@Test
	void unknownBusinessNumberIsSentOnceTheDirectoryKnowsIt() {
		String number = "pn-late-" + UUID.randomUUID();
		String recipient = uniqueRecipient();
		SendRequest request = request("org-1", number, recipient, null);

		this.fixtures.publish(Topics.SEND_REQUESTS, request);
		this.fixtures.configure("org-1", number, SenderFixtures.TOKEN, 80);

		assertThat(this.received.awaitStatus(request.messageId()).status()).isEqualTo(MessageStatus.ACCEPTED);
		assertThat(meta.callsTo(recipient)).hasSize(1);
	}

	@Test
	void throughputErrorLowersTheNumbersRateAndIsRetriedUntilAccepted() {
		String number = this.fixtures.configuredNumber("org-1");
		String recipient = uniqueRecipient();
		meta.script(recipient, FakeMeta.RATE_LIMIT_HIT);
		SendRequest request = request("org-1", number, recipient, null);

		this.fixtures.publish(Topics.SEND_REQUESTS, request);

		await().atMost(WAIT).until(() -> allowedRate(number) < 80.0);
		// 80 × decrease-factor 0.9; the number's configured limit stays
		assertThat(allowedRate(number)).isEqualTo(72.0);
		assertThat(this.meters.find("sender.rate.limit").tag("phone_number_id", number).gauge().value())
			.isEqualTo(80.0);
		StatusEvent accepted = this.received.awaitStatus(request.messageId());
		assertThat(accepted.status()).isEqualTo(MessageStatus.ACCEPTED);
		assertThat(meta.callsTo(recipient)).hasSize(2);
		assertThat(this.fixtures.row(request.messageId())).containsEntry("state", "ACCEPTED")
			.containsEntry("attempts", 2);
		assertThat(retries(number, "throughput")).isEqualTo(1);
		assertThat(this.meters.find("sender.calls").tag("phone_number_id", number).counter().count()).isEqualTo(2);
		// recovers additively after the quiet period
		await().atMost(WAIT).until(() -> allowedRate(number) == 80.0);
	}

	@Test
	void pairLimitErrorHoldsTheRecipientBackAndIsRetried() {
		String number = this.fixtures.configuredNumber("org-1");
		String recipient = uniqueRecipient();
		meta.script(recipient, FakeMeta.PAIR_LIMIT_HIT);
		SendRequest request = request("org-1", number, recipient, null);
		double errorsBefore = metaErrors("131056");

		this.fixtures.publish(Topics.SEND_REQUESTS, request);

		assertThat(this.received.awaitStatus(request.messageId()).status()).isEqualTo(MessageStatus.ACCEPTED);
		assertThat(meta.callsTo(recipient)).hasSize(2);
		assertThat(retries(number, "pair_limit")).isEqualTo(1);
		assertThat(metaErrors("131056") - errorsBefore).isGreaterThanOrEqualTo(1);
	}

	@Test
	void unansweredCallIsVerifiedThenSentAgainWhenMetaNeverConfirmsIt() {
		String number = this.fixtures.configuredNumber("org-1");
		String recipient = uniqueRecipient();
		meta.script(recipient, FakeMeta.NO_ANSWER);
		SendRequest request = request("org-1", number, recipient, null);
		double timeoutsBefore = metaErrors("timeout");

		this.fixtures.publish(Topics.SEND_REQUESTS, request);
		await().atMost(WAIT).until(() -> meta.callsTo(recipient).size() == 1);
		// the call timed out after 1 s: no second call while Meta's status could still
		// come, within the 3 s window counted from the call's start
		await().during(Duration.ofMillis(1500)).atMost(WAIT).until(() -> meta.callsTo(recipient).size() == 1);

		StatusEvent accepted = this.received.awaitStatus(request.messageId());
		assertThat(accepted.status()).isEqualTo(MessageStatus.ACCEPTED);
		assertThat(meta.callsTo(recipient)).hasSize(2);
		assertThat(metaErrors("timeout") - timeoutsBefore).isGreaterThanOrEqualTo(1);
		assertThat(retries(number, "unconfirmed")).isEqualTo(1);
		assertThat(this.fixtures.row(request.messageId())).containsEntry("state", "ACCEPTED")
			.containsEntry("attempts", 2)
			.containsEntry("failures", 1);
	}

	@Test
	void aBacklogLargerThanTheLaneIsLoadedFromTheTableWhileCallsAwaitVerification() {
		String number = this.fixtures.configuredNumber("org-1");
		// ten calls without an answer, held out of the queue for the 3 s grace
		List<SendRequest> unanswered = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			String recipient = uniqueRecipient();
			meta.script(recipient, FakeMeta.NO_ANSWER);
			unanswered.add(request("org-1", number, recipient, null));
		}
		unanswered.forEach((request) -> this.fixtures.publish(Topics.SEND_REQUESTS, request));
		await().atMost(WAIT).until(() -> retries(number, "unconfirmed") == 10);

		// 25 more: 10 fit the lane (20 held at most), 15 wait in the table; once those
		// 10 are sent, the reload finds 15 rows and room for 10
		List<SendRequest> backlog = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			backlog.add(request("org-1", number, uniqueRecipient(), null));
		}
		backlog.forEach((request) -> this.fixtures.publish(Topics.SEND_REQUESTS, request));

		for (SendRequest request : backlog) {
			assertThat(this.received.awaitStatus(request.messageId()).status()).isEqualTo(MessageStatus.ACCEPTED);
		}
		for (SendRequest request : unanswered) {
			assertThat(this.received.awaitStatus(request.messageId()).status()).isEqualTo(MessageStatus.ACCEPTED);
		}
		assertThat(retries(number, "unconfirmed")).as("no message verified that was not called").isEqualTo(10);
	}

	@Test
	void unansweredCallConfirmedByAStatusWebhookIsNotSentAgain() {
		String number = this.fixtures.configuredNumber("org-1");
		String recipient = uniqueRecipient();
		meta.script(recipient, FakeMeta.NO_ANSWER);
		SendRequest request = request("org-1", number, recipient, null);

		this.fixtures.publish(Topics.SEND_REQUESTS, request);
		await().atMost(WAIT).until(() -> meta.callsTo(recipient).size() == 1);
		// Meta accepted it and says so in a status webhook (through the webhook service)
		this.fixtures.publish(Topics.STATUS_EVENTS, StatusEvent.of("org-1", request.messageId(), MessageStatus.SENT,
				Instant.now(), number, recipient, "wamid.unanswered-1", null));

		await().atMost(WAIT).until(() -> accepted(request.messageId()) != null);
		assertThat(accepted(request.messageId()).wamid()).isEqualTo("wamid.unanswered-1");
		assertThat(this.fixtures.row(request.messageId())).containsEntry("state", "ACCEPTED")
			.containsEntry("wamid", "wamid.unanswered-1")
			.containsEntry("attempts", 1);
		await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> meta.callsTo(recipient).size() == 1);
	}

	@Test
	void crashBetweenTheCallAndItsRecordIsResolvedByMetaStatusWithoutASecondCall() {
		String number = this.fixtures.configuredNumber("org-1");
		String recipient = uniqueRecipient();
		SendRequest request = request("org-1", number, recipient, null);
		// the row as a crash leaves it: the call was started, its outcome never recorded
		this.db.sql("""
				insert into messages (message_id, organization_id, phone_number_id, recipient, state, attempts,
				  attempt_started_at, priority, request, source_partition, source_offset)
				values (:id, 'org-1', :number, :recipient, 'SENDING', 1, now(), 'TRANSACTIONAL', :request, 0, 0)""")
			.bind("id", request.messageId())
			.bind("number", number)
			.bind("recipient", recipient)
			.bind("request", Json.mapper().writeValueAsString(request))
			.then()
			.block(Duration.ofSeconds(10));

		// the uncommitted record is delivered again, and Meta's status webhook arrives
		this.fixtures.publish(Topics.SEND_REQUESTS, request);
		this.fixtures.publish(Topics.STATUS_EVENTS, StatusEvent.of("org-1", request.messageId(),
				MessageStatus.DELIVERED, Instant.now(), number, recipient, "wamid.crash-1", null));

		await().atMost(WAIT).until(() -> accepted(request.messageId()) != null);
		assertThat(accepted(request.messageId()).wamid()).isEqualTo("wamid.crash-1");
		assertThat(this.fixtures.row(request.messageId())).containsEntry("state", "ACCEPTED")
			.containsEntry("wamid", "wamid.crash-1")
			.containsEntry("attempts", 1);
		assertThat(meta.callsTo(recipient)).isEmpty();
	}

	@Test
	void authErrorPausesTheOrganizationUntilItsCredentialsAreUpdated() {
		String org = "org-paused-" + UUID.randomUUID();
		String number = this.fixtures.configuredNumber(org);
		String first = uniqueRecipient();
		String second = uniqueRecipient();
		String late = uniqueRecipient();
		meta.script(first, FakeMeta.TOKEN_EXPIRED);
		SendRequest rejected = request(org, number, first, null);

		this.fixtures.publish(Topics.SEND_REQUESTS, rejected);

		await().atMost(WAIT).until(() -> this.pauses.isPaused(org));
		assertThat(this.meters.find("sender.organizations.paused").gauge().value()).isGreaterThanOrEqualTo(1);
		assertThat(this.meters.find("sender.organization.pauses").tag("organization_id", org).counter().count())
			.isEqualTo(1);
		assertThat(this.db.sql("select count(*) as n from paused_organizations where organization_id = :org")
			.bind("org", org)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block(Duration.ofSeconds(10))).isEqualTo(1);

		// while paused nothing is sent, nothing fails; a message's TTL still applies
		SendRequest queued = request(org, number, second, null);
		SendRequest expiring = request(org, number, late, Instant.now().plusSeconds(1));
		this.fixtures.publish(Topics.SEND_REQUESTS, queued);
		this.fixtures.publish(Topics.SEND_REQUESTS, expiring);
		StatusEvent expired = this.received.awaitStatus(expiring.messageId());
		assertThat(expired.status()).isEqualTo(MessageStatus.EXPIRED);
		assertThat(meta.callsTo(second)).isEmpty();
		assertThat(meta.callsTo(late)).isEmpty();
		assertThat(meta.callsTo(first)).hasSize(1);
		assertThat(this.received.statuses(rejected.messageId())).isEmpty();
		assertThat(this.fixtures.row(rejected.messageId())).containsEntry("state", "PENDING")
			.containsEntry("error_code", 190);
		assertThat(this.fixtures.row(queued.messageId())).containsEntry("state", "PENDING");

		// new credentials: sending resumes with them
		this.fixtures.configure(org, number, "EAAG-renewed-token", 80);

		assertThat(this.received.awaitStatus(rejected.messageId()).status()).isEqualTo(MessageStatus.ACCEPTED);
		assertThat(this.received.awaitStatus(queued.messageId()).status()).isEqualTo(MessageStatus.ACCEPTED);
		assertThat(meta.callsTo(first)).hasSize(2);
		assertThat(meta.callsTo(first).get(1).authorization()).isEqualTo("Bearer EAAG-renewed-token");
		assertThat(meta.callsTo(second)).singleElement()
			.satisfies((call) -> assertThat(call.authorization()).isEqualTo("Bearer EAAG-renewed-token"));
		assertThat(this.pauses.isPaused(org)).isFalse();
		assertThat(this.received.statuses(rejected.messageId())).extracting(StatusEvent::status)
			.containsExactly(MessageStatus.ACCEPTED);
	}

	@Test
	void exhaustedRetriesDeadLetterTheRequestWithTheReason() {
		String number = this.fixtures.configuredNumber("org-1");
		String recipient = uniqueRecipient();
		FakeMeta.Answer[] failing = new FakeMeta.Answer[20];
		Arrays.fill(failing, FakeMeta.SOMETHING_WENT_WRONG);
		meta.script(recipient, failing);
		SendRequest request = request("org-1", number, recipient, null);

		this.fixtures.publish(Topics.SEND_REQUESTS, request);

		await().atMost(WAIT).until(() -> !this.received.deadLetters(request.messageId()).isEmpty());
		ConsumerRecord<String, Event> deadLetter = this.received.deadLetters(request.messageId()).get(0);
		assertThat(deadLetter.value()).isEqualTo(request);
		assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("131000")
			.contains("retries exhausted after 3 failed attempt(s)");
		assertThat(header(deadLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo("wa.send-requests");
		assertThat(meta.callsTo(request.recipient())).hasSize(3);
		assertThat(this.received.statuses(request.messageId())).isEmpty();
		// the record is on the dead-letter topic before its row is marked
		await().atMost(WAIT)
			.untilAsserted(
					() -> assertThat(this.fixtures.row(request.messageId())).containsEntry("state", "DEAD_LETTERED")
						.containsEntry("attempts", 3)
						.containsEntry("failures", 3));
		assertThat(retries(number, "transient")).isEqualTo(2);
	}

	@Test
	void failedAttemptsAreCountedOnTheRowSoTheLimitHoldsAfterARestart() {
		String number = this.fixtures.configuredNumber("org-1");
		String recipient = uniqueRecipient();
		meta.script(recipient, FakeMeta.SOMETHING_WENT_WRONG, FakeMeta.SOMETHING_WENT_WRONG);
		SendRequest request = request("org-1", number, recipient, null);
		// the row as a previous process left it: two of its three attempts failed
		insertRow(request, "PENDING", 2, 2, null);

		// its record is delivered again (the previous process never committed it)
		this.fixtures.publish(Topics.SEND_REQUESTS, request);

		await().atMost(WAIT).until(() -> !this.received.deadLetters(request.messageId()).isEmpty());
		assertThat(header(this.received.deadLetters(request.messageId()).get(0), KafkaHeaders.DLT_EXCEPTION_MESSAGE))
			.contains("retries exhausted after 3 failed attempt(s)");
		assertThat(meta.callsTo(recipient)).hasSize(1);
	}

	@Test
	void metaOutageOpensTheNumbersCircuitBreakerWhichStopsTheCallsAndTheMessagesWaitForMeta() {
		String number = this.fixtures.configuredNumber("org-1");
		String one = uniqueRecipient();
		String two = uniqueRecipient();
		// 4 calls open the breaker; 28 more are more than five half-open rounds of 5
		// trials, each trial failing; max-attempts is 3
		FakeMeta.Answer[] outage = new FakeMeta.Answer[16];
		Arrays.fill(outage, FakeMeta.UNAVAILABLE);
		meta.script(one, outage);
		meta.script(two, outage);
		AtomicInteger opened = new AtomicInteger();
		this.metaBreakers.forNumber(number).getEventPublisher().onStateTransition((event) -> {
			if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
				opened.incrementAndGet();
			}
		});
		SendRequest first = request("org-1", number, one, null);
		SendRequest second = request("org-1", number, two, null);

		this.fixtures.publish(Topics.SEND_REQUESTS, first);
		this.fixtures.publish(Topics.SEND_REQUESTS, second);

		// looked up, not created: the sender creates it with the "meta" settings
		await().atMost(WAIT)
			.until(() -> this.breakers.find("meta-" + number)
				.filter((breaker) -> breaker.getState() == CircuitBreaker.State.OPEN)
				.isPresent());
		int callsWhenOpened = meta.callsTo(one).size() + meta.callsTo(two).size();
		assertThat(callsWhenOpened).isEqualTo(4);
		await().during(Duration.ofMillis(300))
			.atMost(WAIT)
			.until(() -> meta.callsTo(one).size() + meta.callsTo(two).size() == callsWhenOpened);

		// the half-open trials fail too, and do not count as the messages' attempts:
		// they wait for Meta and go out when it is back
		assertThat(this.received.awaitStatus(first.messageId()).status()).isEqualTo(MessageStatus.ACCEPTED);
		assertThat(this.received.awaitStatus(second.messageId()).status()).isEqualTo(MessageStatus.ACCEPTED);
		assertThat(opened.get()).isGreaterThanOrEqualTo(5);
		assertThat(meta.callsTo(one)).hasSize(17);
		assertThat(meta.callsTo(two)).hasSize(17);
		assertThat(this.received.deadLetters(first.messageId())).isEmpty();
		assertThat(this.received.deadLetters(second.messageId())).isEmpty();
		assertThat((Integer) this.fixtures.row(first.messageId()).get("failures")).isLessThan(3);
		assertThat(this.meters.find("sender.meta.errors").tag("code", "http_503").counter().count())
			.isGreaterThanOrEqualTo(32);
	}

	@Test
	void aSendingRowNoLaneHoldsIsVerifiedFromTheStatusTopicHoweverOldItsCall() {
		String number = this.fixtures.configuredNumber("org-1");
		String confirmedRecipient = uniqueRecipient();
		String lostRecipient = uniqueRecipient();
		SendRequest confirmed = request("org-1", number, confirmedRecipient, null);
		SendRequest lost = request("org-1", number, lostRecipient, null);
		// Meta's status of the first arrived 5 minutes ago, while no sender ran (the live
		// listener reads from the end: only the topic itself has it)
		StepVerifier.create(Mono.fromFuture(this.kafka.send(new ProducerRecord<>(Topics.STATUS_EVENTS.name(), null,
				Instant.now().minus(Duration.ofMinutes(5)).toEpochMilli(), confirmed.messageId(),
				StatusEvent.of("org-1", confirmed.messageId(), MessageStatus.DELIVERED,
						Instant.now().minus(Duration.ofMinutes(5)), number, confirmedRecipient, "wamid.old-1", null)))))
			.expectNextCount(1)
			.verifyComplete();
		// rows a crash left an hour ago, in no lane and never delivered again: the
		// periodic sweep finds them
		insertRow(confirmed, "SENDING", 1, 0, Instant.now().minus(Duration.ofHours(1)));
		insertRow(lost, "SENDING", 1, 0, Instant.now().minus(Duration.ofHours(1)));

		await().atMost(WAIT).until(() -> accepted(confirmed.messageId()) != null);
		assertThat(accepted(confirmed.messageId()).wamid()).isEqualTo("wamid.old-1");
		assertThat(meta.callsTo(confirmedRecipient)).isEmpty();
		// Meta never had the other: sent again, a failed attempt
		assertThat(this.received.awaitStatus(lost.messageId()).status()).isEqualTo(MessageStatus.ACCEPTED);
		assertThat(meta.callsTo(lostRecipient)).hasSize(1);
		assertThat(this.fixtures.row(lost.messageId())).containsEntry("attempts", 2).containsEntry("failures", 1);
	}

	@Test
	void aPendingRowNoLaneHoldsIsGivenBackToItsLaneByTheSweep() {
		String number = this.fixtures.configuredNumber("org-1");
		String recipient = uniqueRecipient();
		SendRequest request = request("org-1", number, recipient, null);
		// e.g. its load at assignment failed, or its release's verdict was lost
		insertRow(request, "PENDING", 0, 0, null);

		assertThat(this.received.awaitStatus(request.messageId()).status()).isEqualTo(MessageStatus.ACCEPTED);
		assertThat(meta.callsTo(recipient)).hasSize(1);
	}

	@Test
	void dispatchWaitsForTheAccountDirectoryWhichHasReadTheAccounts() {
		StepVerifier.create(this.accounts.ready()).expectComplete().verify(WAIT);
	}

	@Test
	void templateMessageIsRecheckedAgainstTheLatestSnapshotAndNeverSentWhenPaused() {
		String waba = "waba-" + UUID.randomUUID();
		String number = this.fixtures.configuredNumber("org-1", waba);
		publishTemplate(waba, "APPROVED");
		publishTemplate(waba, "PAUSED");
		await().atMost(WAIT).until(this.templateSync::caughtUp);
		double failedBefore = messages(number, "failed");
		double rejectedBefore = rejections("132015", "admission");

		String recipient = uniqueRecipient();
		SendRequest paused = templateRequest("org-1", number, recipient, "order_ready", "en_US", "Ada");
		this.fixtures.publish(Topics.SEND_REQUESTS, paused);

		StatusEvent failed = this.received.awaitStatus(paused.messageId());
		assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
		assertThat(failed.error().code()).isEqualTo(132015);
		assertThat(failed.error().title()).isEqualTo("Template is paused");
		assertThat(failed.error().details()).startsWith("template: template 'order_ready' (en_US) is PAUSED");
		assertThat(this.fixtures.row(paused.messageId())).containsEntry("state", "FAILED")
			.containsEntry("error_code", 132015)
			.containsEntry("attempts", 0);
		assertThat(rejections("132015", "admission")).isEqualTo(rejectedBefore + 1);
		assertThat(messages(number, "failed")).isEqualTo(failedBefore + 1);

		// the wrong parameters for the template: refused as Meta would (132000)
		publishTemplate(waba, "APPROVED");
		String other = uniqueRecipient();
		SendRequest noParameters = templateRequest("org-1", number, other, "order_ready", "en_US");
		this.fixtures.publish(Topics.SEND_REQUESTS, noParameters);
		StatusEvent mismatch = this.received.awaitStatus(noParameters.messageId());
		assertThat(mismatch.status()).isEqualTo(MessageStatus.FAILED);
		assertThat(mismatch.error().code()).isEqualTo(132000);
		assertThat(mismatch.error().details()).startsWith("template.components[body]: ");

		// approved, with the right parameters: sent
		SendRequest approved = templateRequest("org-1", number, recipient, "order_ready", "en_US", "Ada");
		this.fixtures.publish(Topics.SEND_REQUESTS, approved);
		assertThat(this.received.awaitStatus(approved.messageId()).status()).isEqualTo(MessageStatus.ACCEPTED);
		assertThat(meta.callsTo(recipient)).singleElement()
			.satisfies((call) -> assertThat(call.body().get("template").get("name").stringValue())
				.isEqualTo("order_ready"));
		assertThat(meta.callsTo(other)).isEmpty();
	}

	@Test
	void templatePausedWhileTheMessageWaitsIsRefusedRightBeforeTheNextCall() {
		String waba = "waba-" + UUID.randomUUID();
		String number = this.fixtures.configuredNumber("org-1", waba);
		publishTemplate(waba, "APPROVED");
		await().atMost(WAIT).until(this.templateSync::caughtUp);
		double rejectedBefore = rejections("132015", "dispatch");
		String recipient = uniqueRecipient();
		// two pair-limit refusals in a row hold the recipient back 4 s
		meta.script(recipient, FakeMeta.PAIR_LIMIT_HIT, FakeMeta.PAIR_LIMIT_HIT);
		SendRequest request = templateRequest("org-1", number, recipient, "order_ready", "en_US", "Ada");

		this.fixtures.publish(Topics.SEND_REQUESTS, request);
		await().atMost(WAIT).until(() -> meta.callsTo(recipient).size() == 2);
		publishTemplate(waba, "PAUSED");

		StatusEvent failed = this.received.awaitStatus(request.messageId());
		assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
		assertThat(failed.error().code()).isEqualTo(132015);
		assertThat(meta.callsTo(recipient)).hasSize(2);
		assertThat(rejections("132015", "dispatch")).isEqualTo(rejectedBefore + 1);
		assertThat(this.fixtures.row(request.messageId())).containsEntry("state", "FAILED")
			.containsEntry("attempts", 2);
	}

	@Test
	void templateMessageOfAWabaWithoutKnownTemplatesIsSentUncheckedAndMetaDecides() {
		String number = this.fixtures.configuredNumber("org-1", "waba-unknown-" + UUID.randomUUID());
		await().atMost(WAIT).until(this.templateSync::caughtUp);
		double uncheckedBefore = this.meters.find("sender.template.unchecked").counter().count();
		String recipient = uniqueRecipient();
		SendRequest request = templateRequest("org-1", number, recipient, "order_ready", "en_US", "Ada");

		this.fixtures.publish(Topics.SEND_REQUESTS, request);

		assertThat(this.received.awaitStatus(request.messageId()).status()).isEqualTo(MessageStatus.ACCEPTED);
		assertThat(meta.callsTo(recipient)).hasSize(1);
		// checked (unchecked) at admission and again before the call
		assertThat(this.meters.find("sender.template.unchecked").counter().count())
			.isGreaterThanOrEqualTo(uncheckedBefore + 2);
	}

	/** Publishes a snapshot of order_ready (en_US) and waits until the sender sees it. */
	private void publishTemplate(String waba, String status) {
		TemplateSnapshot snapshot = TemplateSnapshot.of("org-1", waba, orderReady("en_US", status),
				status + "-" + UUID.randomUUID());
		this.fixtures.publish(Topics.TEMPLATE_SYNC, snapshot);
		await().atMost(WAIT)
			.until(() -> this.templates.snapshot(waba, "order_ready", "en_US")
				.filter((seen) -> seen.version().equals(snapshot.version()))
				.isPresent());
	}

	/** A row as an earlier process left it, on partition 0 (owned by this instance). */
	private void insertRow(SendRequest request, String state, int attempts, int failures,
			@org.jspecify.annotations.Nullable Instant attemptStartedAt) {
		this.db.sql("""
				insert into messages (message_id, organization_id, phone_number_id, recipient, state, attempts,
				  failures, attempt_started_at, priority, request, source_partition, source_offset)
				values (:id, :org, :number, :recipient, :state, :attempts, :failures, :started, 'TRANSACTIONAL',
				  :request, 0, 0)""")
			.bind("id", request.messageId())
			.bind("org", request.organizationId())
			.bind("number", request.phoneNumberId())
			.bind("recipient", request.recipient())
			.bind("state", state)
			.bind("attempts", attempts)
			.bind("failures", failures)
			.bind("started",
					(attemptStartedAt != null) ? attemptStartedAt.atOffset(java.time.ZoneOffset.UTC)
							: java.time.OffsetDateTime.now())
			.bind("request", Json.mapper().writeValueAsString(request))
			.then()
			.block(Duration.ofSeconds(10));
	}

	private double rejections(String code, String stage) {
		Counter counter = this.meters.find("sender.template.rejections")
			.tag("code", code)
			.tag("stage", stage)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private double deadLetters(String reason) {
		Counter counter = this.meters.find("sender.dead.letters").tag("reason", reason).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private double messages(String number, String organization, String outcome) {
		Counter counter = this.meters.find("sender.messages")
			.tag("phone_number_id", number)
			.tag("organization", organization)
			.tag("outcome", outcome)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private double messages(String number, String outcome) {
		Counter counter = this.meters.find("sender.messages")
			.tag("phone_number_id", number)
			.tag("outcome", outcome)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private StatusEvent accepted(String messageId) {
		return this.received.statuses(messageId)
			.stream()
			.filter((status) -> status.status() == MessageStatus.ACCEPTED)
			.findFirst()
			.orElse(null);
	}

	private double allowedRate(String number) {
		Gauge gauge = this.meters.find("sender.rate.allowed").tag("phone_number_id", number).gauge();
		return (gauge != null) ? gauge.value() : Double.NaN;
	}

	private double retries(String number, String reason) {
		Counter counter = this.meters.find("sender.retries")
			.tag("phone_number_id", number)
			.tag("reason", reason)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	/**
	 * Meta errors counted so far with this code (the counter has no number tag, and
	 * another test's retries may still add to it: the tests assert it went up).
	 */
	private double metaErrors(String code) {
		return this.meters.find("sender.meta.errors")
			.tag("code", code)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	private double duplicatesSkipped() {
		Counter counter = this.meters.find("sender.duplicates.skipped").counter();
		return (counter != null) ? counter.count() : 0;
	}

}
