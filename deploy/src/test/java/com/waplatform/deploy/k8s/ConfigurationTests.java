package com.waplatform.deploy.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services get their configuration only as the environment variables they read
 * ({@link PlatformServices#VARIABLES_READ}), every reference resolves, secrets come from
 * Secrets (never committed for prod), and the prod overlay turns the production checks
 * on.
 */
class ConfigurationTests {

	/** Variables whose values are secrets: only ever from a Secret. */
	private static final Set<String> SECRET_VARIABLES = Set.of("DB_PASSWORD", "PLATFORM_CREDENTIAL_KEY",
			"PLATFORM_INTERNAL_TOKEN", "GATEWAY_ADMIN_TOKEN", "META_WEBHOOK_VERIFY_TOKEN");

	/**
	 * The Secrets the prod overlay expects to exist (docs/operations.md creates them).
	 */
	private static final Set<String> PROD_SECRETS = Set.of("waplatform-secrets", "waplatform-db");

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyVariableSetInAContainerIsOneItsServiceReads(String overlay) {
		for (Deployment deployment : DeploymentRulesTests.render(overlay).deployments()) {
			String service = deployment.getMetadata().getName();
			// service links would add <SERVICE>_PORT, <SERVICE>_SERVICE_HOST... of every
			// Service
			assertThat(DeploymentRulesTests.podSpec(deployment).getEnableServiceLinks())
				.as(overlay + " " + service + ": enableServiceLinks")
				.isFalse();
			for (Container container : DeploymentRulesTests.podSpec(deployment).getContainers()) {
				assertThat(container.getEnvFrom()).as(overlay + " " + service + ": envFrom hides the variables")
					.isNullOrEmpty();
				assertThat(names(container)).as(overlay + " " + service + ": variables the service does not read")
					.isSubsetOf(PlatformServices.VARIABLES_READ.get(service));
				assertThat(names(container)).as(overlay + " " + service + ": variables the service requires")
					.containsAll(PlatformServices.REQUIRED.get(service));
				assertThat(names(container)).as(overlay + " " + service + ": duplicates").doesNotHaveDuplicates();
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void secretValuesComeOnlyFromSecrets(String overlay) {
		for (Deployment deployment : DeploymentRulesTests.render(overlay).deployments()) {
			for (EnvVar variable : env(deployment)) {
				if (SECRET_VARIABLES.contains(variable.getName())) {
					assertThat(variable.getValue()).as(overlay + " " + variable.getName()).isNull();
					assertThat(variable.getValueFrom().getSecretKeyRef()).as(overlay + " " + variable.getName())
						.isNotNull();
				}
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyConfigMapReferenceResolves(String overlay) {
		RenderedManifests manifests = DeploymentRulesTests.render(overlay);
		for (Deployment deployment : manifests.deployments()) {
			for (EnvVar variable : env(deployment)) {
				ConfigMapKeySelector ref = (variable.getValueFrom() != null)
						? variable.getValueFrom().getConfigMapKeyRef() : null;
				if (ref == null) {
					continue;
				}
				String what = overlay + " " + deployment.getMetadata().getName() + " " + variable.getName();
				ConfigMap map = manifests.named(ConfigMap.class, ref.getName())
					.orElseThrow(() -> new AssertionError(what + ": no ConfigMap " + ref.getName()));
				// optional keys (the profile, the replication factor) may be left out
				// only in dev
				if (overlay.equals("prod") || !Boolean.TRUE.equals(ref.getOptional())) {
					assertThat(map.getData()).as(what).containsKey(ref.getKey());
				}
			}
		}
	}

	@Test
	void devSecretReferencesResolveToGeneratedSecretsOfFakeValuesMarkedDevOnly() {
		RenderedManifests dev = DeploymentRulesTests.render("dev");
		for (Deployment deployment : dev.deployments()) {
			for (EnvVar variable : env(deployment)) {
				SecretKeySelector ref = (variable.getValueFrom() != null) ? variable.getValueFrom().getSecretKeyRef()
						: null;
				if (ref != null) {
					Secret secret = dev.named(Secret.class, ref.getName())
						.orElseThrow(() -> new AssertionError("dev: no Secret " + ref.getName()));
					assertThat(secret.getData()).as(ref.getName()).containsKey(ref.getKey());
				}
			}
		}
		assertThat(dev.ofType(Secret.class)).isNotEmpty().allSatisfy((secret) -> {
			assertThat(secret.getMetadata().getLabels()).containsEntry("waplatform.io/dev-only", "true");
			secret.getData().forEach((key, value) -> {
				if (!key.equals("username")) {
					assertThat(decodedAtMostTwice(value)).as(secret.getMetadata().getName() + " " + key)
						.contains("dev-only");
				}
			});
		});
	}

	@Test
	void prodCommitsNoSecretAndReferencesOnlyTheDocumentedOnes() {
		RenderedManifests prod = DeploymentRulesTests.render("prod");

		assertThat(prod.ofType(Secret.class)).as("Secrets rendered by the prod overlay").isEmpty();
		Map<String, Set<String>> keys = secretKeys(prod);
		assertThat(keys.keySet()).isEqualTo(PROD_SECRETS);
		String guide = kubernetesSection();
		keys.forEach((secret, secretKeys) -> {
			assertThat(guide).as("docs/operations.md creates " + secret)
				.contains("create secret generic " + secret + " ");
			for (String key : secretKeys) {
				assertThat(guide).as("docs/operations.md gives " + secret + " the key " + key)
					.contains("--from-literal=" + key + "=");
			}
		});
	}

	@Test
	void prodTurnsTheProductionChecksOnAndReplicatesTopics() {
		Map<String, String> config = DeploymentRulesTests.render("prod")
			.generatedConfigMap("waplatform-config")
			.getData();

		assertThat(config).containsEntry("SPRING_PROFILES_ACTIVE", "prod")
			.containsEntry("KAFKA_REPLICATION_FACTOR", "3");
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void callbacksNeverGoToLocalPlainHttpAndTheGatewayFindsTheInternalApis(String overlay) {
		RenderedManifests manifests = DeploymentRulesTests.render(overlay);
		Map<String, String> config = manifests.generatedConfigMap("waplatform-config").getData();

		assertThat(config).containsEntry("CALLBACKS_ALLOW_LOCAL_HTTP", "false");
		for (String variable : List.of("TEMPLATE_SERVICE_URL", "WORKFLOW_SERVICE_URL", "CALLBACK_SERVICE_URL")) {
			String url = config.get(variable);
			String name = variable.replace("_SERVICE_URL", "").toLowerCase(Locale.ROOT) + "-service";
			Service service = manifests.named(Service.class, name).orElseThrow();
			assertThat(url).as(variable)
				.isEqualTo("http://" + name + ":" + PlatformServices.named(name).port())
				.isEqualTo("http://" + service.getMetadata().getName() + ":"
						+ service.getSpec()
							.getPorts()
							.stream()
							.filter((port) -> port.getName().equals("http"))
							.findFirst()
							.orElseThrow()
							.getPort());
		}
	}

	/** Secret name to the keys the Deployments read from it. */
	static Map<String, Set<String>> secretKeys(RenderedManifests manifests) {
		Map<String, Set<String>> keys = new TreeMap<>();
		for (Deployment deployment : manifests.deployments()) {
			for (EnvVar variable : env(deployment)) {
				if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
					SecretKeySelector ref = variable.getValueFrom().getSecretKeyRef();
					keys.computeIfAbsent(ref.getName(), (name) -> new TreeSet<>()).add(ref.getKey());
				}
			}
		}
		return keys;
	}

	/** The section "Deploying on Kubernetes (kustomize)" of docs/operations.md. */
	static String kubernetesSection() {
		Path page = RenderedManifests.k8sDirectory().resolve("../../docs/operations.md").normalize();
		try {
			String text = Files.readString(page, StandardCharsets.UTF_8);
			int start = text.indexOf("## Deploying on Kubernetes (kustomize)");
			assertThat(start).as(page + " has the section").isNotNegative();
			int end = text.indexOf("\n## ", start + 1);
			return text.substring(start, (end < 0) ? text.length() : end);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<EnvVar> env(Deployment deployment) {
		return DeploymentRulesTests.podSpec(deployment)
			.getContainers()
			.stream()
			.flatMap((container) -> container.getEnv().stream())
			.toList();
	}

	private static List<String> names(Container container) {
		return container.getEnv().stream().map(EnvVar::getName).toList();
	}

	/** A Secret's value, Base64-decoded once, and once more when it is Base64 itself. */
	private static String decodedAtMostTwice(String data) {
		String once = new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8);
		try {
			return once + " " + new String(Base64.getDecoder().decode(once), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException notBase64) {
			return once;
		}
	}

}
