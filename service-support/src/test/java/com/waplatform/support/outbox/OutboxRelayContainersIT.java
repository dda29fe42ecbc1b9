package com.waplatform.support.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.testsupport.Infrastructure;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.reactive.TransactionalOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox path against containerized PostgreSQL and Kafka, where Docker exists
 * (skipped otherwise): the same wiring production uses, through the same {@code DB_*} and
 * {@code KAFKA_BOOTSTRAP_SERVERS} settings.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = OutboxRelayTests.App.class,
		properties = { "spring.application.name=support-it", "platform.schema=supportit" })
@DirtiesContext
class OutboxRelayContainersIT {

	@Container
	static final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");

	@Container
	static final KafkaContainer kafka = new KafkaContainer("apache/kafka-native:4.1.1");

	@DynamicPropertySource
	static void containers(DynamicPropertyRegistry registry) {
		registry.add("KAFKA_BOOTSTRAP_SERVERS", kafka::getBootstrapServers);
		registry.add("DB_HOST", postgres::getHost);
		registry.add("DB_PORT", () -> postgres.getMappedPort(5432));
		registry.add("DB_NAME", postgres::getDatabaseName);
		registry.add("DB_USER", postgres::getUsername);
		registry.add("DB_PASSWORD", postgres::getPassword);
		registry.add("platform.credential-key", () -> Infrastructure.TEST_CREDENTIAL_KEY);
		registry.add("platform.kafka.partitions", () -> 2);
	}

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionalOperator tx;

	@Autowired
	OutboxRelayTests.App.Received received;

	@Test
	void committedEventReachesKafka() {
		String messageId = UUID.randomUUID().toString();
		this.tx
			.transactional(this.outbox.append(Topics.STATUS_EVENTS,
					StatusEvent.of("org-1", messageId, MessageStatus.SENT, Instant.now(), null, null, null, null)))
			.block(Duration.ofSeconds(30));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.received.forMessage(messageId)).hasSize(1));
	}

}
