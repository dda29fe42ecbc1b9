package com.waplatform.deploy.k8s;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import org.junit.jupiter.api.Test;

import static com.waplatform.deploy.k8s.KafkaTopicsTests.number;
import static com.waplatform.deploy.k8s.KafkaTopicsTests.single;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prod overlay's PostgreSQL (a CloudNativePG Cluster the services reach at its
 * read-write Service, bootstrapped with the services' database, user and Secret, backed
 * up to S3) and its ServiceMonitor (every service's management port).
 */
class PostgresAndMonitoringTests {

	private final RenderedManifests prod = DeploymentRulesTests.render("prod");

	@Test
	void theServicesUseTheClustersReadWriteServiceDatabaseAndOwnerSecret() {
		GenericKubernetesResource cluster = cluster();
		Map<String, String> config = this.prod.generatedConfigMap("waplatform-config").getData();

		assertThat(cluster.getApiVersion()).isEqualTo("postgresql.cnpg.io/v1");
		assertThat(number(cluster.get("spec", "instances"))).as("a primary and replicas").isGreaterThanOrEqualTo(2);
		assertThat(config).containsEntry("DB_HOST", cluster.getMetadata().getName() + "-rw")
			.containsEntry("DB_PORT", "5432")
			.containsEntry("DB_NAME", cluster.get("spec", "bootstrap", "initdb", "database"));
		// the owner's password is the one the services read: one Secret for both
		String ownerSecret = cluster.get("spec", "bootstrap", "initdb", "secret", "name");
		Map<String, Set<String>> secretKeys = ConfigurationTests.secretKeys(this.prod);
		assertThat(secretKeys).containsEntry(ownerSecret, Set.of("username", "password"));
		assertThat(ConfigurationTests.kubernetesSection())
			.contains("create secret generic " + ownerSecret + " --type=kubernetes.io/basic-auth")
			.contains("--from-literal=username=" + cluster.get("spec", "bootstrap", "initdb", "owner"));
	}

	@Test
	void theClusterArchivesToAnObjectStoreAndIsBackedUpEveryDay() {
		GenericKubernetesResource cluster = cluster();
		Map<String, Object> store = cluster.get("spec", "backup", "barmanObjectStore");

		assertThat(store).isNotNull();
		assertThat((String) store.get("destinationPath")).startsWith("s3://");
		assertThat((Object) cluster.get("spec", "backup", "retentionPolicy")).isNotNull();
		for (String key : List.of("accessKeyId", "secretAccessKey")) {
			String secret = cluster.get("spec", "backup", "barmanObjectStore", "s3Credentials", key, "name");
			String secretKey = cluster.get("spec", "backup", "barmanObjectStore", "s3Credentials", key, "key");
			assertThat(ConfigurationTests.kubernetesSection()).as(key)
				.contains("create secret generic " + secret + " ")
				.contains("--from-literal=" + secretKey + "=");
		}
		assertThat(this.prod.custom("postgresql.cnpg.io", "ScheduledBackup")).anySatisfy((backup) -> {
			assertThat((String) backup.get("spec", "cluster", "name")).isEqualTo(cluster.getMetadata().getName());
			assertThat((String) backup.get("spec", "method")).isEqualTo("barmanObjectStore");
			// CloudNativePG's schedule has six fields, seconds first
			assertThat(((String) backup.get("spec", "schedule")).split(" ")).hasSize(6);
		});
	}

	@Test
	void prometheusScrapesEveryServicesManagementPortThroughTheServiceMonitor() {
		GenericKubernetesResource monitor = single(this.prod.custom("monitoring.coreos.com", "ServiceMonitor"));
		Map<String, Object> selector = monitor.get("spec", "selector");
		@SuppressWarnings("unchecked")
		LabelSelector labels = new LabelSelector(List.of(), (Map<String, String>) selector.get("matchLabels"));
		List<Map<String, Object>> endpoints = monitor.get("spec", "endpoints");

		assertThat(endpoints).singleElement().satisfies((endpoint) -> {
			assertThat(endpoint).containsEntry("port", "management").containsEntry("path", "/actuator/prometheus");
		});
		for (PlatformServices.PlatformService platformService : PlatformServices.ALL) {
			Service service = this.prod.named(Service.class, platformService.name()).orElseThrow();
			assertThat(NetworkPolicyEvaluator.matches(labels, service.getMetadata().getLabels()))
				.as(platformService.name())
				.isTrue();
			assertThat(service.getSpec().getPorts()).as(platformService.name())
				.anySatisfy((port) -> assertThat(port.getName()).isEqualTo("management"));
		}
	}

	private GenericKubernetesResource cluster() {
		return single(this.prod.custom("postgresql.cnpg.io", "Cluster"));
	}

}
