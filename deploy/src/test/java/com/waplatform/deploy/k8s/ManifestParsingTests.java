package com.waplatform.deploy.k8s;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Every kustomization of {@code deploy/k8s} renders with {@code kubectl kustomize} and
 * every rendered document parses with fabric8's model, unknown fields failing; and the
 * parser does refuse what it should (misspelt fields at any depth, unknown kinds).
 */
class ManifestParsingTests {

	private static final String DEPLOYMENT = """
			apiVersion: apps/v1
			kind: Deployment
			metadata:
			  name: app
			spec:
			  selector:
			    matchLabels:
			      app: app
			  template:
			    metadata:
			      labels:
			        app: app
			    spec:
			      containers:
			        - name: app
			          image: example/app:1
			          securityContext:
			            runAsNonRoot: true
			          readinessProbe:
			            httpGet:
			              path: /readyz
			              port: 8080
			""";

	static Stream<Path> kustomizations() {
		Path k8s = RenderedManifests.k8sDirectory();
		return Stream.of(k8s.resolve("base"), RenderedManifests.overlay("dev"), RenderedManifests.overlay("prod"));
	}

	@ParameterizedTest
	@MethodSource("kustomizations")
	void everyRenderedDocumentParsesWithTheKubernetesModel(Path kustomization) {
		List<HasMetadata> resources = RenderedManifests.render(kustomization).all();
		assertThat(resources).isNotEmpty();
		assertThat(resources).allSatisfy((resource) -> {
			assertThat(resource.getMetadata().getName()).isNotBlank();
			if (resource instanceof GenericKubernetesResource custom) {
				assertThat(StrictKubernetesModel.CUSTOM_GROUPS)
					.contains(custom.getApiVersion().substring(0, custom.getApiVersion().indexOf('/')));
			}
		});
	}

	@Test
	void aCorrectDocumentParsesIntoTheTypedModel() {
		List<HasMetadata> resources = RenderedManifests.parse(DEPLOYMENT).all();

		assertThat(resources).singleElement().isInstanceOf(Deployment.class);
		Deployment deployment = (Deployment) resources.get(0);
		assertThat(deployment.getSpec()
			.getTemplate()
			.getSpec()
			.getContainers()
			.get(0)
			.getReadinessProbe()
			.getHttpGet()
			.getPath()).isEqualTo("/readyz");
	}

	@Test
	void aMisspeltFieldOfAContainerIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RenderedManifests.parse(DEPLOYMENT.replace("readinessProbe:", "readinesProbe:")))
			.withMessageContaining("Deployment app")
			.withMessageContaining("readinesProbe");
	}

	@Test
	void aMisspeltFieldDeepInsideIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RenderedManifests.parse(DEPLOYMENT.replace("runAsNonRoot:", "runAsNonroot:")))
			.withMessageContaining("runAsNonroot");
	}

	@Test
	void aMisspeltFieldOfTheMetadataIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RenderedManifests.parse(DEPLOYMENT.replace("  name: app", "  name: app\n  label: {}")))
			.withMessageContaining("label");
	}

	@Test
	void aMisspeltFieldOfACustomResourcesMetadataIsRefused() {
		String topic = """
				apiVersion: kafka.strimzi.io/v1beta2
				kind: KafkaTopic
				metadata:
				  name: t
				  lables:
				    strimzi.io/cluster: c
				spec:
				  partitions: 1
				""";
		assertThatIllegalArgumentException().isThrownBy(() -> RenderedManifests.parse(topic))
			.withMessageContaining("lables");
		assertThat(RenderedManifests.parse(topic.replace("lables", "labels")).custom("kafka.strimzi.io", "KafkaTopic"))
			.singleElement()
			.satisfies((resource) -> assertThat(resource.get("spec", "partitions").toString()).isEqualTo("1"));
	}

	@Test
	void aKindWithoutModelIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RenderedManifests.parse(DEPLOYMENT.replace("kind: Deployment", "kind: Deploymnet")))
			.withMessageContaining("no class for apps/v1 Deploymnet");
	}

	@Test
	void withoutKubectlTheBuildSaysWhereToGetIt(@TempDir Path empty) {
		assertThatIllegalStateException().isThrownBy(() -> RenderedManifests.kubectl(empty.toString()))
			.withMessageContaining("kubectl is not on the PATH")
			.withMessageContaining(".ci/run installs it");
	}

	@Test
	void aMisspeltFieldInAKustomizationIsRefusedAfterRenderingWithKubectl() {
		Path fixture = Path.of("src/test/resources/k8s-fixtures/misspelt-field");

		assertThatIllegalArgumentException().isThrownBy(() -> RenderedManifests.render(fixture))
			.withMessageContaining("Deployment misspelt")
			.withMessageContaining("readinesProbe");
	}

}
