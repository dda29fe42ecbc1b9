package com.waplatform.deploy.k8s;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import com.waplatform.common.kafka.Topic;
import com.waplatform.common.kafka.Topics;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prod overlay's Kafka (Strimzi): a KRaft cluster of node pools, replicated as the
 * services expect, and one KafkaTopic per topic of {@link Topics#ALL} with its retry and
 * dead-letter topics, with the settings service-support's topic creation gives them (the
 * topic's partitions; its retention or compaction; 30 days for dead letters).
 */
class KafkaTopicsTests {

	/**
	 * Retention of every {@code -dlt} topic: service-support's PlatformAutoConfiguration
	 * ("kept long enough to be inspected and replayed").
	 */
	private static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);

	private static final int REPLICAS = 3;

	private static final int MIN_IN_SYNC = 2;

	private final RenderedManifests prod = DeploymentRulesTests.render("prod");

	@Test
	void everyTopicHasAKafkaTopicWithTheSameSettingsAndItsRetryAndDeadLetterTopics() {
		Map<String, GenericKubernetesResource> declared = topicsByName();
		List<String> expected = new ArrayList<>();
		for (Topic<?> topic : Topics.ALL) {
			assertTopic(declared, topic.name(), topic.partitions(), topic.compacted(), topic.retention());
			assertTopic(declared, topic.retry(), topic.partitions(), topic.compacted(), topic.retention());
			assertTopic(declared, topic.dlt(), topic.partitions(), false, DEAD_LETTER_RETENTION);
			expected.addAll(List.of(topic.name(), topic.retry(), topic.dlt()));
		}
		assertThat(declared.keySet()).as("KafkaTopics of no topic of Topics")
			.containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void everyKafkaTopicBelongsToTheKafkaClusterOfItsNamespace() {
		GenericKubernetesResource kafka = kafka();
		assertThat(this.prod.custom("kafka.strimzi.io", "KafkaTopic")).allSatisfy((topic) -> {
			assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster",
					kafka.getMetadata().getName());
			assertThat(topic.getMetadata().getNamespace()).isEqualTo(kafka.getMetadata().getNamespace());
		});
	}

	@Test
	void kafkaRunsInKraftModeWithEnoughBrokersForTheReplicationTheServicesAsk() {
		GenericKubernetesResource kafka = kafka();
		assertThat(kafka.getApiVersion()).isEqualTo("kafka.strimzi.io/v1beta2");
		assertThat(kafka.getMetadata().getAnnotations()).containsEntry("strimzi.io/node-pools", "enabled")
			.containsEntry("strimzi.io/kraft", "enabled");
		Map<String, Object> config = kafka.get("spec", "kafka", "config");
		assertThat(number(config.get("default.replication.factor"))).isEqualTo(REPLICAS);
		assertThat(number(config.get("min.insync.replicas"))).isEqualTo(MIN_IN_SYNC);
		assertThat(number(config.get("offsets.topic.replication.factor"))).isEqualTo(REPLICAS);
		assertThat(number(config.get("transaction.state.log.replication.factor"))).isEqualTo(REPLICAS);
		assertThat(number(config.get("transaction.state.log.min.isr"))).isEqualTo(MIN_IN_SYNC);
		assertThat((Object) kafka.get("spec", "entityOperator", "topicOperator")).as("the topic operator").isNotNull();

		List<GenericKubernetesResource> pools = this.prod.custom("kafka.strimzi.io", "KafkaNodePool")
			.stream()
			.filter((pool) -> kafka.getMetadata()
				.getName()
				.equals(pool.getMetadata().getLabels().get("strimzi.io/cluster")))
			.toList();
		assertThat(pools).isNotEmpty();
		long brokers = pools.stream()
			.filter((pool) -> this.<List<String>>field(pool, "spec", "roles").contains("broker"))
			.mapToLong((pool) -> number(pool.get("spec", "replicas")))
			.sum();
		long controllers = pools.stream()
			.filter((pool) -> this.<List<String>>field(pool, "spec", "roles").contains("controller"))
			.mapToLong((pool) -> number(pool.get("spec", "replicas")))
			.sum();
		assertThat(brokers).isGreaterThanOrEqualTo(REPLICAS);
		assertThat(controllers).as("a KRaft quorum survives one loss").isGreaterThanOrEqualTo(3).isOdd();
		assertThat(Long.parseLong(config().get("KAFKA_REPLICATION_FACTOR"))).isBetween(2L, brokers);
	}

	@Test
	void theServicesBootstrapFromTheClustersPlainListener() {
		GenericKubernetesResource kafka = kafka();
		List<Map<String, Object>> listeners = kafka.get("spec", "kafka", "listeners");
		Map<String, Object> plain = listeners.stream()
			.filter((listener) -> Boolean.FALSE.equals(listener.get("tls")) && "internal".equals(listener.get("type")))
			.findFirst()
			.orElseThrow();

		assertThat(config().get("KAFKA_BOOTSTRAP_SERVERS"))
			.isEqualTo(kafka.getMetadata().getName() + "-kafka-bootstrap:" + number(plain.get("port")));
		// Strimzi's own NetworkPolicy admits only the platform's pods to it
		assertThat(plain.get("networkPolicyPeers")).asString().contains("app.kubernetes.io/part-of=waplatform");
	}

	private void assertTopic(Map<String, GenericKubernetesResource> declared, String name, int partitions,
			boolean compacted, Duration retention) {
		GenericKubernetesResource topic = declared.get(name);
		assertThat(topic).as("a KafkaTopic for " + name).isNotNull();
		assertThat(number(topic.get("spec", "partitions"))).as(name + " partitions").isEqualTo(partitions);
		assertThat(number(topic.get("spec", "replicas"))).as(name + " replicas").isEqualTo(REPLICAS);
		Map<String, Object> config = topic.get("spec", "config");
		assertThat(number(config.get("min.insync.replicas"))).as(name + " min.insync.replicas").isEqualTo(MIN_IN_SYNC);
		if (compacted) {
			assertThat(config).as(name).containsEntry("cleanup.policy", "compact").doesNotContainKey("retention.ms");
		}
		else {
			assertThat(config.getOrDefault("cleanup.policy", "delete")).as(name + " cleanup.policy")
				.isEqualTo("delete");
			assertThat(number(config.get("retention.ms"))).as(name + " retention.ms").isEqualTo(retention.toMillis());
		}
	}

	private Map<String, GenericKubernetesResource> topicsByName() {
		List<GenericKubernetesResource> topics = this.prod.custom("kafka.strimzi.io", "KafkaTopic");
		assertThat(topics).allSatisfy((topic) -> assertThat((Object) topic.get("spec", "topicName")).isNotNull());
		Map<String, GenericKubernetesResource> byName = topics.stream()
			.collect(Collectors.toMap((topic) -> topic.get("spec", "topicName"), (topic) -> topic));
		assertThat(byName).as("one KafkaTopic per topic name").hasSameSizeAs(topics);
		return byName;
	}

	private GenericKubernetesResource kafka() {
		return single(this.prod.custom("kafka.strimzi.io", "Kafka"));
	}

	private Map<String, String> config() {
		return this.prod.generatedConfigMap("waplatform-config").getData();
	}

	@SuppressWarnings("unchecked")
	private <T> T field(GenericKubernetesResource resource, Object... path) {
		return (T) Objects.requireNonNull(resource.get(path),
				() -> resource.getMetadata().getName() + " has no " + List.of(path));
	}

	static GenericKubernetesResource single(List<GenericKubernetesResource> resources) {
		assertThat(resources).hasSize(1);
		return resources.get(0);
	}

	/** A number of a custom resource (YAML ints, longs or strings such as "2"). */
	static long number(Object value) {
		assertThat(value).as("a number").isNotNull();
		return Long.parseLong(value.toString());
	}

}
