package com.waplatform.workflow.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.waplatform.common.event.Event;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.common.message.Priority;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.testsupport.Infrastructure;
import com.waplatform.workflow.WorkflowApplication;
import com.waplatform.workflow.scheduling.ScheduledMessages.Held;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.reactive.TransactionalOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scheduler on a clock the tests move ({@link MutableClock}; the poller is parked by
 * a one-hour interval, rounds are run by the tests): held messages are announced,
 * released once when due, expired when their time-to-live passed, and cancelled or
 * published but never both, with several rounds and cancellations at the same time. The
 * clock is set years back, so that messages other tests held for real times never fall
 * due here.
 */
@SpringBootTest(classes = { WorkflowApplication.class, ScheduledMessagesTests.TestClock.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=workflow-service", "platform.internal-api.token=scheduler-tests-token",
				"workflow.scheduler.poll-interval=1h" })
@DirtiesContext
class ScheduledMessagesTests {

	private static final Instant T = Instant.parse("2021-06-01T10:00:00Z");

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final String ORG_PREFIX = "org-sched-";

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
	}

	@Autowired
	ScheduledMessages scheduled;

	@Autowired
	MutableClock clock;

	@Autowired
	TransactionalOperator tx;

	@Autowired
	DatabaseClient db;

	@Autowired
	MeterRegistry meters;

	@Autowired
	Received received;

	@BeforeEach
	void startAtT() {
		this.clock.set(T);
		// what an earlier test of this class left held must not fall due in this one
		this.db.sql("delete from scheduled_messages where organization_id like :prefix")
			.bind("prefix", ORG_PREFIX + "%")
			.then()
			.block(TIMEOUT);
	}

	@Test
	void heldMessagesAreAnnouncedAndPublishedOnceWhenDue() {
		String org = organization();
		String rule = rule();
		Instant due = T.plus(Duration.ofMinutes(10));
		List<SendRequest> requests = IntStream.range(0, 20)
			.mapToObj((i) -> request(org, "+34600000" + i, due))
			.toList();
		hold(requests, rule, "B-1", false);
		await().atMost(TIMEOUT).until(() -> ids(requests).stream().allMatch(this.received.scheduled::containsKey));
		assertThat(requests)
			.allSatisfy((request) -> assertThat(this.received.scheduled.get(request.messageId())).singleElement()
				.satisfies((announced) -> assertThat(announced.scheduledFor()).isEqualTo(due)));
		double published = published(rule);

		this.clock.set(due.minusSeconds(1));
		assertThat(this.scheduled.releaseDue().block(TIMEOUT)).isZero();
		assertThat(held(org)).isEqualTo(20);
		this.clock.set(due.plusSeconds(1));
		assertThat(this.scheduled.releaseDue().block(TIMEOUT)).isEqualTo(20);
		assertThat(held(org)).isZero();

		await().atMost(TIMEOUT).until(() -> this.received.sent.keySet().containsAll(ids(requests)));
		drain("pn-" + org);
		assertThat(requests)
			.allSatisfy((request) -> assertThat(this.received.sent.get(request.messageId())).singleElement()
				.satisfies((sent) -> {
					assertThat(sent.scheduledFor()).isEqualTo(due);
					assertThat(sent.recipient()).isEqualTo(request.recipient());
					assertThat(sent.message()).isEqualTo(request.message());
				}));
		assertThat(published(rule) - published).isEqualTo(20);
		assertThat(this.scheduled.releaseDue().block(TIMEOUT)).isZero();
	}

	@Test
	void tenThousandMessagesReleasedByTwoRoundsAtOnceArePublishedOnceEach() {
		String org = organization();
		String rule = rule();
		List<SendRequest> requests = IntStream.range(0, 10_000)
			.mapToObj((i) -> request(org, "+3460" + (1_000_000 + i), T.plusMillis(i * 6L)))
			.toList();
		hold(requests, rule, "B-many", false);
		double published = published(rule);

		this.clock.set(T.plus(Duration.ofMinutes(1)));
		Mono<Long> round = Mono.defer(this.scheduled::releaseDue).subscribeOn(Schedulers.parallel());
		long released = Mono.zip(round, round, Long::sum).block(TIMEOUT);

		assertThat(released).isEqualTo(10_000);
		assertThat(held(org)).isZero();
		assertThat(published(rule) - published).isEqualTo(10_000);
		await().atMost(TIMEOUT).until(() -> this.received.sent.keySet().containsAll(ids(requests)));
		drain("pn-" + org);
		assertThat(requests)
			.allSatisfy((request) -> assertThat(this.received.sent.get(request.messageId())).as(request.messageId())
				.hasSize(1));
		assertThat(this.received.sentFor(org)).isEqualTo(10_000);
	}

	@Test
	void aCancellationRacingTheClaimEitherCancelsOrLosesEachMessage() {
		String org = organization();
		String rule = rule();
		UUID ruleId = UUID.randomUUID();
		List<SendRequest> requests = IntStream.range(0, 2_000)
			.mapToObj((i) -> request(org, "+3461" + (1_000_000 + i), T.plusMillis(i)))
			.toList();
		List<Held> held = new ArrayList<>();
		for (int i = 0; i < requests.size(); i++) {
			held.add(new Held(requests.get(i), ruleId, rule, UUID.randomUUID(), "B-" + (i % 200), false));
		}
		hold(held);

		this.clock.set(T.plus(Duration.ofMinutes(1)));
		Mono<Long> round = Mono.defer(this.scheduled::releaseDue).subscribeOn(Schedulers.parallel());
		Mono<List<String>> cancellations = Flux.range(0, 200)
			.flatMap(
					(subject) -> this.tx
						.transactional(this.scheduled.cancelBySubject(org, ruleId, "B-" + subject, "Payment received")),
					4)
			.collectList()
			.subscribeOn(Schedulers.parallel());
		var outcome = Mono.zip(round, round, cancellations).block(TIMEOUT);
		Set<String> cancelled = new HashSet<>(outcome.getT3());

		assertThat(outcome.getT1() + outcome.getT2() + cancelled.size()).isEqualTo(2_000);
		assertThat(cancelled).hasSize(outcome.getT3().size()).isSubsetOf(ids(requests));
		assertThat(held(org)).isZero();
		Set<String> released = new HashSet<>(ids(requests));
		released.removeAll(cancelled);
		await().atMost(TIMEOUT)
			.until(() -> this.received.sent.keySet().containsAll(released)
					&& cancelled.stream().allMatch((id) -> status(id, MessageStatus.CANCELLED) != null));
		drain("pn-" + org);
		assertThat(requests).allSatisfy((request) -> {
			boolean sent = this.received.sent.containsKey(request.messageId());
			boolean wasCancelled = status(request.messageId(), MessageStatus.CANCELLED) != null;
			assertThat(sent).as("%s published xor cancelled", request.messageId()).isNotEqualTo(wasCancelled);
		});
		assertThat(this.received.sentFor(org)).isEqualTo(released.size());
		assertThat(cancelled).allSatisfy((id) -> assertThat(status(id, MessageStatus.CANCELLED).error().details())
			.isEqualTo("Payment received"));
	}

	@Test
	void aMessageWhoseTimeToLiveElapsedWhileHeldExpiresInsteadOfGoingOut() {
		String org = organization();
		String rule = rule();
		SendRequest late = request(org, "+34600111222", T, T.plus(Duration.ofMinutes(1)));
		SendRequest onTime = request(org, "+34600111333", T.plusSeconds(1), T.plus(Duration.ofDays(1)));
		hold(List.of(late, onTime), rule, "B-ttl", false);
		double expired = this.meters.counter(ScheduledMessages.MESSAGES_METRIC, "rule", rule, "outcome", "expired")
			.count();

		this.clock.set(T.plus(Duration.ofMinutes(2)));
		assertThat(this.scheduled.releaseDue().block(TIMEOUT)).isEqualTo(2);

		await().atMost(TIMEOUT).until(() -> status(late.messageId(), MessageStatus.EXPIRED) != null);
		StatusEvent status = status(late.messageId(), MessageStatus.EXPIRED);
		assertThat(status.organizationId()).isEqualTo(org);
		assertThat(status.statusAt()).isEqualTo(T.plus(Duration.ofMinutes(2)));
		assertThat(status.error().title()).isEqualTo("Time-to-live elapsed");
		// the on-time message came after the late one, on the same partition
		await().atMost(TIMEOUT).until(() -> this.received.sent.containsKey(onTime.messageId()));
		assertThat(this.received.sent).doesNotContainKey(late.messageId());
		assertThat(this.meters.counter(ScheduledMessages.MESSAGES_METRIC, "rule", rule, "outcome", "expired").count()
				- expired)
			.isEqualTo(1);
	}

	@Test
	void aReplyCancelsOnlyTheMessagesToThatCustomerOfThatOrganizationThatAskForIt() {
		String org = organization();
		String other = organization();
		String rule = rule();
		Instant due = T.plus(Duration.ofDays(3));
		SendRequest cancelledByReply = request(org, "+34600222333", due);
		SendRequest notOnReply = request(org, "+34600222333", due);
		SendRequest otherOrganization = request(other, "+34600222333", due);
		SendRequest otherCustomer = request(org, "+34600222444", due);
		hold(List.of(cancelledByReply, otherOrganization, otherCustomer), rule, "I-1", true);
		hold(List.of(notOnReply), rule, "I-1", false);

		List<String> ids = this.tx.transactional(this.scheduled.cancelOnReply(org, "+34600222333", "Customer replied"))
			.collectList()
			.block(TIMEOUT);

		assertThat(ids).containsExactly(cancelledByReply.messageId());
		List<String> left = this.db.sql("select message_id from scheduled_messages where organization_id in (:orgs)")
			.bind("orgs", List.of(org, other))
			.map((row) -> row.get("message_id", String.class))
			.all()
			.collectList()
			.block(TIMEOUT);
		assertThat(left).containsExactlyInAnyOrder(notOnReply.messageId(), otherOrganization.messageId(),
				otherCustomer.messageId());
		await().atMost(TIMEOUT).until(() -> status(cancelledByReply.messageId(), MessageStatus.CANCELLED) != null);
		assertThat(status(cancelledByReply.messageId(), MessageStatus.CANCELLED).error().details())
			.isEqualTo("Customer replied");
		assertThat(this.meters.counter(ScheduledMessages.MESSAGES_METRIC, "rule", rule, "outcome", "cancelled").count())
			.isEqualTo(1);
	}

	@Test
	void theLagGaugeShowsHowLongDueMessagesWaitedAtTheLastRound() {
		String org = organization();
		hold(List.of(request(org, "+34600333444", T), request(org, "+34600333555", T.plusSeconds(10))), rule(), "B-lag",
				false);
		this.clock.set(T.minusSeconds(5));
		assertThat(this.scheduled.releaseDue().block(TIMEOUT)).isZero();
		assertThat(lagMillis()).isZero();

		this.clock.set(T.plusSeconds(30));
		assertThat(this.scheduled.releaseDue().block(TIMEOUT)).isEqualTo(2);
		assertThat(lagMillis()).isEqualTo(30_000);

		assertThat(this.scheduled.releaseDue().block(TIMEOUT)).isZero();
		assertThat(lagMillis()).isZero();
	}

	/**
	 * Holds and releases one more message from the number and waits for it: the send
	 * requests published before it from that number (one partition) have been read then.
	 */
	private void drain(String phoneNumberId) {
		String org = phoneNumberId.substring("pn-".length());
		SendRequest marker = request(org, "+34600999999", this.clock.instant());
		hold(List.of(marker), "marker", "marker", false);
		assertThat(this.scheduled.releaseDue().block(TIMEOUT)).isEqualTo(1);
		await().atMost(TIMEOUT).until(() -> this.received.sent.containsKey(marker.messageId()));
		this.received.sent.remove(marker.messageId());
	}

	private void hold(List<SendRequest> requests, String rule, String subject, boolean cancelOnReply) {
		UUID ruleId = UUID.randomUUID();
		hold(requests.stream()
			.map((request) -> new Held(request, ruleId, rule, UUID.randomUUID(), subject, cancelOnReply))
			.toList());
	}

	/** Holds the messages as the event handler does, in transactions of 1,000. */
	private void hold(List<Held> messages) {
		Flux.fromIterable(messages)
			.buffer(1_000)
			.concatMap((chunk) -> this.tx.transactional(Flux.fromIterable(chunk).concatMap(this.scheduled::hold)))
			.then()
			.block(Duration.ofMinutes(3));
	}

	private long held(String org) {
		return this.db.sql("select count(*) as n from scheduled_messages where organization_id = :org")
			.bind("org", org)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block(TIMEOUT);
	}

	private double published(String rule) {
		return this.meters.counter(ScheduledMessages.MESSAGES_METRIC, "rule", rule, "outcome", "published").count();
	}

	private double lagMillis() {
		return this.meters.get(ScheduledMessages.LAG_METRIC).timeGauge().value(TimeUnit.MILLISECONDS);
	}

	private StatusEvent status(String messageId, MessageStatus status) {
		return this.received.statuses.getOrDefault(messageId, new ConcurrentLinkedQueue<>())
			.stream()
			.filter((event) -> event.status() == status)
			.findFirst()
			.orElse(null);
	}

	private static Set<String> ids(List<SendRequest> requests) {
		return new HashSet<>(requests.stream().map(SendRequest::messageId).toList());
	}

	private static String organization() {
		return ORG_PREFIX + UUID.randomUUID().toString().substring(0, 8);
	}

	private static String rule() {
		return "rule-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static SendRequest request(String org, String customer, Instant due) {
		return request(org, customer, due, due.plus(Duration.ofDays(1)));
	}

	private static SendRequest request(String org, String customer, Instant due, Instant expiresAt) {
		MetaMessage message = MetaMessage
			.template(customer, new MetaMessage.Template("welcome_message", MetaMessage.Language.of("en"), List
				.of(new MetaMessage.Component("body", null, null, List.of(MetaMessage.Parameter.text("Ana Souza"))))));
		return new SendRequest(UUID.randomUUID(), T, org, UUID.randomUUID().toString(), "pn-" + org, customer, message,
				new SendRequest.BusinessContext("booking", "B-1"), Priority.TRANSACTIONAL, expiresAt, due, "workflow");
	}

	@TestConfiguration
	static class TestClock {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock(T);
		}

		@Bean
		Received received() {
			return new Received();
		}

	}

	/** What the scheduler published, by message id. */
	static class Received {

		final Map<String, Queue<SendRequest>> sent = new ConcurrentHashMap<>();

		final Map<String, Queue<SendRequest>> scheduled = new ConcurrentHashMap<>();

		final Map<String, Queue<StatusEvent>> statuses = new ConcurrentHashMap<>();

		@KafkaListener(
				topics = { "#{T(com.waplatform.common.kafka.Topics).SEND_REQUESTS.name()}",
						"#{T(com.waplatform.common.kafka.Topics).SCHEDULED_MESSAGES.name()}",
						"#{T(com.waplatform.common.kafka.Topics).STATUS_EVENTS.name()}" },
				groupId = "#{T(java.util.UUID).randomUUID().toString()}")
		void on(ConsumerRecord<String, Event> record) {
			if (record.value() instanceof StatusEvent status) {
				this.statuses.computeIfAbsent(status.messageId(), (id) -> new ConcurrentLinkedQueue<>()).add(status);
			}
			else if (record.value() instanceof SendRequest request) {
				Map<String, Queue<SendRequest>> into = record.topic().equals(Topics.SCHEDULED_MESSAGES.name())
						? this.scheduled : this.sent;
				into.computeIfAbsent(request.messageId(), (id) -> new ConcurrentLinkedQueue<>()).add(request);
			}
		}

		long sentFor(String org) {
			return this.sent.values()
				.stream()
				.flatMap(Queue::stream)
				.filter((request) -> org.equals(request.organizationId()))
				.count();
		}

	}

}
