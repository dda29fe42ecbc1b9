package com.waplatform.support.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.waplatform.common.json.Json;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.support.tracing.TraceContexts;
import com.waplatform.testsupport.Infrastructure;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.r2dbc.test.autoconfigure.DataR2dbcTest;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.reactive.TransactionalOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The SQL of {@link Outbox} and {@link ProcessedEvents} against the embedded PostgreSQL,
 * with the schema the services get ({@code db/support}, by Flyway), and nothing else: no
 * Kafka, no relay ({@code OutboxRelayTests} covers publishing).
 */
@DataR2dbcTest(properties = "platform.schema=supportsql")
@ImportAutoConfiguration(FlywayAutoConfiguration.class)
class OutboxSqlTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		Infrastructure.registerDatabase(registry);
	}

	@Autowired
	Outbox outbox;

	@Autowired
	ProcessedEvents processedEvents;

	@Autowired
	TransactionalOperator tx;

	@Autowired
	DatabaseClient db;

	@Test
	void anEventIsFirstSeenOncePerConsumer() {
		UUID eventId = UUID.randomUUID();

		StepVerifier
			.create(this.processedEvents.firstTime("status-view", eventId)
				.concatWith(this.processedEvents.firstTime("status-view", eventId))
				.concatWith(this.processedEvents.firstTime("webhook-fanout", eventId)))
			.expectNext(true, false, true)
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void appendsABatchInTheOrderGivenWithTypeKeyAndPayload() {
		String messageId = UUID.randomUUID().toString();
		List<StatusEvent> events = List.of(status(messageId, MessageStatus.SENT),
				status(messageId, MessageStatus.DELIVERED), status(messageId, MessageStatus.READ));

		StepVerifier.create(this.outbox.appendAll(Topics.STATUS_EVENTS, events)).expectComplete().verify(TIMEOUT);

		List<Map<String, Object>> rows = rows(messageId);
		assertThat(rows).extracting((row) -> row.get("topic"), (row) -> row.get("event_type"))
			.containsOnly(tuple("wa.status-events", "message.status"));
		assertThat(rows).extracting((row) -> Json.mapper().readValue((String) row.get("payload"), StatusEvent.class))
			.containsExactlyElementsOf(events);
	}

	@Test
	void appendsNothingForNoEvents() {
		StepVerifier.create(this.outbox.appendAll(Topics.STATUS_EVENTS, List.of())).expectComplete().verify(TIMEOUT);
	}

	@Test
	void appendsNothingWhenTheTransactionRollsBack() {
		String messageId = UUID.randomUUID().toString();

		StepVerifier
			.create(this.tx
				.transactional(this.outbox.append(Topics.STATUS_EVENTS, status(messageId, MessageStatus.SENT))
					.then(Mono.error(new IllegalStateException("the state write failed")))))
			.expectErrorMessage("the state write failed")
			.verify(TIMEOUT);

		assertThat(rows(messageId)).isEmpty();
	}

	private List<Map<String, Object>> rows(String recordKey) {
		return this.db.sql("select topic, event_type, payload from outbox where record_key = :key order by id")
			.bind("key", recordKey)
			.fetch()
			.all()
			.collectList()
			.block(TIMEOUT);
	}

	private static StatusEvent status(String messageId, MessageStatus status) {
		return StatusEvent.of("org-1", messageId, status, Instant.parse("2026-05-01T10:15:30Z"), "pn-1",
				"+351912345678", "wamid.X", null);
	}

	/**
	 * The slice's configuration: the classes under test (they use
	 * {@code DatabaseClient}), in a package Spring Data may scan.
	 */
	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage
	@Import({ Outbox.class, ProcessedEvents.class })
	static class Repositories {

		@Bean
		TraceContexts traceContexts() {
			return TraceContexts.none();
		}

	}

}
