package com.waplatform.systemtests.bench;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The platform's Kafka broker: spring-kafka-test's KRaft broker in the harness JVM for
 * the benchmarks ({@link #embedded()}), a broker process of its own where a scenario must
 * stop and restart it (the chaos harness).
 */
public interface Broker extends AutoCloseable {

	/** {@code host:port} of the broker's client listener. */
	String bootstrapServers();

	@Override
	void close();

	/** A KRaft broker in this JVM, as the benchmarks have always used. */
	static Broker embedded() {
		EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);
		kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
		kafka.brokerProperty("transaction.state.log.replication.factor", "1");
		kafka.brokerProperty("transaction.state.log.min.isr", "1");
		kafka.afterPropertiesSet();
		return new Broker() {

			@Override
			public String bootstrapServers() {
				return kafka.getBrokersAsString();
			}

			@Override
			public void close() {
				kafka.destroy();
			}

		};
	}

}
