package com.waplatform.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The two engines the platform needs, without Docker: a KRaft Kafka broker in this JVM
 * and a real PostgreSQL server from binaries shipped in a Maven jar (zonky). Port 0 picks
 * a free port.
 * <p>
 * The broker: {@link EmbeddedKafkaKraftBroker} ignores {@code kafkaPorts(...)} (its
 * {@code KafkaClusterTestKit} pre-binds every listener it knows on a random port,
 * spring-kafka#2916), so a fixed Kafka port is an extra listener, {@value #LISTENER}, on
 * {@code localhost:<port>}, advertised as such; the test kit's own listeners stay on
 * random ports. A fixed port that is taken fails the start with a message saying so.
 */
final class LocalInfrastructure implements AutoCloseable {

	static final String LISTENER = "DEVSTACK";

	private static final String HOST = "localhost";

	private final EmbeddedKafkaKraftBroker kafka;

	private final @Nullable String kafkaAddress;

	private final EmbeddedPostgres postgres;

	private LocalInfrastructure(EmbeddedKafkaKraftBroker kafka, @Nullable String kafkaAddress,
			EmbeddedPostgres postgres) {
		this.kafka = kafka;
		this.kafkaAddress = kafkaAddress;
		this.postgres = postgres;
	}

	static LocalInfrastructure start(int kafkaPort, int postgresPort) {
		EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);
		String kafkaAddress = null;
		if (kafkaPort > 0) {
			kafkaAddress = HOST + ":" + kafkaPort;
			requireFree(kafkaPort);
			// EXTERNAL and CONTROLLER are the test kit's listeners (pre-bound, random
			// ports); ours is bound by the broker itself on the port asked for
			kafka.brokerProperty("listeners",
					"EXTERNAL://" + HOST + ":0,CONTROLLER://" + HOST + ":0," + LISTENER + "://" + kafkaAddress);
			kafka.brokerProperty("listener.security.protocol.map",
					"EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT," + LISTENER + ":PLAINTEXT");
		}
		kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
		kafka.brokerProperty("transaction.state.log.replication.factor", "1");
		kafka.brokerProperty("transaction.state.log.min.isr", "1");
		try {
			kafka.afterPropertiesSet();
		}
		catch (RuntimeException ex) {
			kafka.destroy();
			throw (kafkaPort > 0) ? new IllegalStateException("Cannot start the embedded Kafka broker on "
					+ kafkaAddress + " (devstack.kafka.port); is the port in use?", ex) : ex;
		}
		if (kafkaAddress != null && !listening(kafkaPort)) {
			kafka.destroy();
			throw new IllegalStateException("The embedded Kafka broker started but nothing listens on " + kafkaAddress);
		}
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
			if (postgresPort > 0) {
				builder.setPort(postgresPort);
			}
			return new LocalInfrastructure(kafka, kafkaAddress, builder.start());
		}
		catch (IOException ex) {
			kafka.destroy();
			throw new UncheckedIOException("Cannot start embedded PostgreSQL", ex);
		}
	}

	private static void requireFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(HOST, port));
		}
		catch (IOException ex) {
			throw new IllegalStateException("devstack.kafka.port " + port + " is already in use on " + HOST
					+ " (another Kafka?): stop it, or start with --devstack.kafka.port=<free port>"
					+ " (0 = any free port; the READY line prints kafka=<host:port>)", ex);
		}
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, port), 2000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * The bootstrap address for every client, in this JVM or not:
	 * {@code localhost:<port>} for a fixed {@code devstack.kafka.port}, else the broker's
	 * random one.
	 */
	String kafkaBootstrapServers() {
		return (this.kafkaAddress != null) ? this.kafkaAddress : this.kafka.getBrokersAsString();
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
