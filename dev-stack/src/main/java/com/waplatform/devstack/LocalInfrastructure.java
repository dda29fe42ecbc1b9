package com.waplatform.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The two engines the platform needs, without Docker: a KRaft Kafka broker in this JVM
 * and a real PostgreSQL server from binaries shipped in a Maven jar (zonky). Port 0 picks
 * a free port.
 */
final class LocalInfrastructure implements AutoCloseable {

	private final EmbeddedKafkaKraftBroker kafka;

	private final EmbeddedPostgres postgres;

	private LocalInfrastructure(EmbeddedKafkaKraftBroker kafka, EmbeddedPostgres postgres) {
		this.kafka = kafka;
		this.postgres = postgres;
	}

	static LocalInfrastructure start(int kafkaPort, int postgresPort) {
		EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);
		if (kafkaPort > 0) {
			kafka.kafkaPorts(kafkaPort);
		}
		kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
		kafka.brokerProperty("transaction.state.log.replication.factor", "1");
		kafka.brokerProperty("transaction.state.log.min.isr", "1");
		kafka.afterPropertiesSet();
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
			if (postgresPort > 0) {
				builder.setPort(postgresPort);
			}
			return new LocalInfrastructure(kafka, builder.start());
		}
		catch (IOException ex) {
			kafka.destroy();
			throw new UncheckedIOException("Cannot start embedded PostgreSQL", ex);
		}
	}

	String kafkaBootstrapServers() {
		return this.kafka.getBrokersAsString();
	}

	int postgresPort() {
		return this.postgres.getPort();
	}

	@Override
	public void close() {
		this.kafka.destroy();
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot stop embedded PostgreSQL", ex);
		}
	}

}
