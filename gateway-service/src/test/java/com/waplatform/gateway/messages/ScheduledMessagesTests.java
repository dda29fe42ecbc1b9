package com.waplatform.gateway.messages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.waplatform.common.event.Event;
import com.waplatform.common.message.SendRequest;
import com.waplatform.gateway.GatewayApplication;
import com.waplatform.gateway.GatewayFixtures;
import com.waplatform.gateway.GatewayFixtures.Tenant;
import com.waplatform.testsupport.Infrastructure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.StatusAssertions;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scheduled messages on the real server, broker and database, on a clock the tests move:
 * the API ({@code scheduledFor}, the {@code scheduled} status, cancellation) and the
 * scheduler, whose rounds the tests run themselves (the background round waits an hour).
 */
@SpringBootTest(classes = { GatewayApplication.class, ScheduledMessagesTests.TestClock.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=gateway-service", "gateway.admin-token=" + GatewayFixtures.ADMIN_TOKEN,
				// free-form messages to customers who never wrote: the window is not what
				// these test
				"gateway.conversations.enforce-service-window=false", "gateway.scheduler.poll-interval=1h",
				"gateway.scheduler.batch-size=40" })
@AutoConfigureWebTestClient
@DirtiesContext
class ScheduledMessagesTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final WebTestClient client;

	private final ScheduledMessages scheduler;

	private final MutableClock clock;

	private final TestClock.Recorder recorder;

	private final MeterRegistry meters;

	private final DatabaseClient db;

	@Autowired
	ScheduledMessagesTests(WebTestClient client, ScheduledMessages scheduler, MutableClock clock,
			TestClock.Recorder recorder, MeterRegistry meters, DatabaseClient db) {
		this.client = client.mutate().responseTimeout(WAIT).build();
		this.scheduler = scheduler;
		this.clock = clock;
		this.recorder = recorder;
		this.meters = meters;
		this.db = db;
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
	}

	@Test
	void scheduledForMustBeAFutureInstantWithinTheLimit() {
		Tenant tenant = tenant();
		Instant now = this.clock.instant();
		for (String value : List.of("\"" + now.minusSeconds(1) + "\"", "\"" + now + "\"",
				"\"" + now.plus(Duration.ofDays(30)).plusSeconds(1) + "\"", "\"tomorrow\"", "\"2026-13-01T00:00:00Z\"",
				"12345", "{}")) {
			this.client.post()
				.uri("/v1/messages")
				.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(text("\"scheduledFor\": " + value))
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("scheduledFor");
		}
		// exactly 30 days ahead is still accepted
		assertThat(schedule(tenant, now.plus(Duration.ofDays(30)), null)).isNotBlank();
	}

	@Test
	void aScheduledMessageIsListedAsScheduledAndPublishedOnceWhenDue() {
		Tenant tenant = tenant();
		double scheduled = count("scheduled");
		double published = count("published");
		Instant due = this.clock.instant().plus(Duration.ofMinutes(10));
		String id = schedule(tenant, due, null);
		assertThat(count("scheduled") - scheduled).isEqualTo(1);
		assertThat(status(tenant, id)).isEqualTo("scheduled");
		assertThat(listed(tenant, "scheduled")).contains(id);
		assertThat(listed(tenant, "queued")).doesNotContain(id);

		// not due yet: nothing is released
		assertThat(this.scheduler.releaseDue().block(WAIT)).isZero();
		assertThat(held(id)).isTrue();

		this.clock.set(due);
		assertThat(this.scheduler.releaseDue().block(WAIT)).isEqualTo(1);
		assertThat(held(id)).isFalse();
		assertThat(status(tenant, id)).isEqualTo("queued");
		await().atMost(WAIT).until(() -> !this.recorder.of(id).isEmpty());
		SendRequest request = this.recorder.of(id).get(0);
		assertThat(request.scheduledFor()).isEqualTo(due);
		assertThat(request.organizationId()).isEqualTo(tenant.organizationId());
		// a later round has nothing left to release
		assertThat(this.scheduler.releaseDue().block(WAIT)).isZero();
		assertThat(this.recorder.of(id)).hasSize(1);
		assertThat(count("published") - published).isEqualTo(1);
		assertThat(listed(tenant, "scheduled")).doesNotContain(id);
	}

	@Test
	void twoSchedulersClaimingAtOnceReleaseEachMessageOnce() {
		Tenant tenant = tenant();
		Instant due = this.clock.instant().plus(Duration.ofMinutes(5));
		List<String> ids = new ArrayList<>();
		// three batches (40, 40, 10), over the 32 rows a stream prefetches
		for (int i = 0; i < 90; i++) {
			ids.add(schedule(tenant, due.plusMillis(i), null));
		}
		this.clock.set(due.plusSeconds(1));
		// two instances' rounds at once, each claiming batches of 40 with skip locked
		List<Long> released = Flux
			.merge(this.scheduler.releaseDue().subscribeOn(Schedulers.parallel()),
					this.scheduler.releaseDue().subscribeOn(Schedulers.parallel()))
			.collectList()
			.block(WAIT);
		assertThat(released.stream().mapToLong(Long::longValue).sum()).isEqualTo(ids.size());
		await().atMost(WAIT).until(() -> ids.stream().noneMatch((id) -> this.recorder.of(id).isEmpty()));
		assertThat(ids).allSatisfy((id) -> assertThat(this.recorder.of(id)).hasSize(1));
	}

	@Test
	void aCancellationRacingTheClaimEitherCancelsOrLetsThroughNeverBoth() {
		Tenant tenant = tenant();
		Instant due = this.clock.instant().plus(Duration.ofMinutes(5));
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			ids.add(schedule(tenant, due, null));
		}
		double published = count("published");
		double cancelled = count("cancelled");
		this.clock.set(due);
		Map<String, AtomicReference<String>> cancellations = new java.util.concurrent.ConcurrentHashMap<>();
		List<Mono<Void>> racers = new ArrayList<>();
		racers.add(this.scheduler.releaseDue().subscribeOn(Schedulers.parallel()).then());
		for (String id : ids) {
			AtomicReference<String> outcome = new AtomicReference<>();
			cancellations.put(id, outcome);
			racers.add(this.scheduler.cancel(tenant.organizationId(), id)
				.doOnSuccess((done) -> outcome.set("cancelled"))
				.onErrorResume(ErrorResponseException.class, (ex) -> {
					outcome.set(String.valueOf(ex.getStatusCode().value()));
					return Mono.empty();
				})
				.subscribeOn(Schedulers.parallel()));
		}
		Mono.when(racers).block(WAIT);
		// whatever the claim missed is released by the next round
		this.scheduler.releaseDue().block(WAIT);

		List<String> sent = ids.stream().filter((id) -> "queued".equals(storedStatus(id))).toList();
		List<String> withdrawn = ids.stream().filter((id) -> "cancelled".equals(storedStatus(id))).toList();
		assertThat(sent.size() + withdrawn.size()).isEqualTo(ids.size());
		assertThat(withdrawn).allSatisfy((id) -> assertThat(cancellations.get(id).get()).isEqualTo("cancelled"));
		assertThat(sent).allSatisfy((id) -> assertThat(cancellations.get(id).get()).isEqualTo("409"));
		assertThat(count("published") - published).isEqualTo(sent.size());
		assertThat(count("cancelled") - cancelled).isEqualTo(withdrawn.size());
		await().atMost(WAIT).until(() -> sent.stream().noneMatch((id) -> this.recorder.of(id).isEmpty()));
		assertThat(sent).allSatisfy((id) -> assertThat(this.recorder.of(id)).hasSize(1));
		assertThat(withdrawn).allSatisfy((id) -> assertThat(held(id)).isFalse());
	}

	@Test
	void afterDowntimeTheDueAreReleasedExceptTheCancelledAndTheExpired() {
		Tenant tenant = tenant();
		Instant start = this.clock.instant();
		String due = schedule(tenant, start.plus(Duration.ofMinutes(1)), null);
		String expires = schedule(tenant, start.plus(Duration.ofMinutes(2)), "PT1M");
		String withdrawn = schedule(tenant, start.plus(Duration.ofMinutes(3)), null);
		double expired = count("expired");
		cancel(tenant, withdrawn).isNoContent();
		assertThat(status(tenant, withdrawn)).isEqualTo("cancelled");
		cancel(tenant, withdrawn).isEqualTo(HttpStatus.CONFLICT);

		// the instances were down for an hour
		this.clock.set(start.plus(Duration.ofHours(1)));
		assertThat(this.scheduler.releaseDue().block(WAIT)).isEqualTo(2);
		TimeGauge lag = this.meters.find(ScheduledMessages.LAG_METRIC).timeGauge();
		assertThat(lag.value(TimeUnit.MINUTES)).isEqualTo(59.0);

		assertThat(status(tenant, due)).isEqualTo("queued");
		await().atMost(WAIT).until(() -> !this.recorder.of(due).isEmpty());
		assertThat(status(tenant, expires)).isEqualTo("expired");
		assertThat(count("expired") - expired).isEqualTo(1);
		this.client.get()
			.uri("/v1/messages/{id}", expires)
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.exchange()
			.expectBody()
			.jsonPath("$.error.title")
			.isEqualTo("Time-to-live elapsed");
		assertThat(status(tenant, withdrawn)).isEqualTo("cancelled");
		assertThat(this.recorder.of(withdrawn)).isEmpty();
		assertThat(this.recorder.of(expires)).isEmpty();
		// the next round finds nothing late
		this.scheduler.releaseDue().block(WAIT);
		assertThat(lag.value(TimeUnit.MINUTES)).isZero();
	}

	@Test
	void onlyAScheduledMessageOfTheCallerCanBeCancelled() {
		Tenant tenant = tenant();
		Tenant other = tenant();
		String id = schedule(tenant, this.clock.instant().plus(Duration.ofDays(1)), null);
		cancel(other, id).isNotFound();
		assertThat(status(tenant, id)).isEqualTo("scheduled");
		cancel(tenant, id).isNoContent();
		assertThat(listed(tenant, "cancelled")).contains(id);
		assertThat(listed(tenant, "scheduled")).doesNotContain(id);
		// an immediate message is on its way at once
		String now = this.client.post()
			.uri("/v1/messages")
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(text(null))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.toString();
		cancel(tenant, now).isEqualTo(HttpStatus.CONFLICT);
		cancel(tenant, "00000000-0000-4000-8000-000000000000").isNotFound();
	}

	private Tenant tenant() {
		return GatewayFixtures.aTenantWithADefaultNumber(this.client, "secret-" + System.nanoTime());
	}

	private static String text(String extra) {
		return "{\"to\": \"+14155550123\", \"type\": \"text\", \"text\": {\"body\": \"See you soon\"}"
				+ ((extra != null) ? ", " + extra : "") + "}";
	}

	private String schedule(Tenant tenant, Instant at, String ttl) {
		String extra = "\"scheduledFor\": \"" + at + "\"" + ((ttl != null) ? ", \"ttl\": \"" + ttl + "\"" : "");
		Map<?, ?> accepted = this.client.post()
			.uri("/v1/messages")
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(text(extra))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(accepted.get("status")).isEqualTo("scheduled");
		return (String) accepted.get("id");
	}

	private StatusAssertions cancel(Tenant tenant, String id) {
		return this.client.delete()
			.uri("/v1/messages/{id}", id)
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.exchange()
			.expectStatus();
	}

	private String status(Tenant tenant, String id) {
		return (String) this.client.get()
			.uri("/v1/messages/{id}", id)
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("status");
	}

	private List<Object> listed(Tenant tenant, String status) {
		Map<?, ?> page = this.client.get()
			.uri("/v1/messages?status={status}&limit=100", status)
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return ((List<?>) page.get("messages")).stream()
			.map((message) -> (Object) ((Map<?, ?>) message).get("id"))
			.toList();
	}

	private String storedStatus(String id) {
		return this.db.sql("select status from messages where id = :id")
			.bind("id", id)
			.map((row) -> row.get("status", String.class))
			.one()
			.block(WAIT);
	}

	private boolean held(String id) {
		return this.db.sql("select count(*) as n from scheduled_messages where message_id = :id")
			.bind("id", id)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block(WAIT) > 0;
	}

	private double count(String outcome) {
		Counter counter = this.meters.find(ScheduledMessages.MESSAGES_METRIC).tag("outcome", outcome).counter();
		return (counter != null) ? counter.count() : 0;
	}

	/** A clock the tests move; starts at the real now. */
	static final class MutableClock extends Clock {

		private volatile Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

		void set(Instant instant) {
			this.now = instant;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock();
		}

		@Bean
		Recorder scheduledRecorder() {
			return new Recorder();
		}

		/** Records the send requests published. */
		static class Recorder {

			private final List<SendRequest> sendRequests = new CopyOnWriteArrayList<>();

			@KafkaListener(topics = "wa.send-requests", groupId = "scheduled-messages-tests")
			void onSendRequest(ConsumerRecord<String, Event> record) {
				this.sendRequests.add((SendRequest) record.value());
			}

			List<SendRequest> of(String messageId) {
				return this.sendRequests.stream().filter((request) -> request.messageId().equals(messageId)).toList();
			}

		}

	}

}
