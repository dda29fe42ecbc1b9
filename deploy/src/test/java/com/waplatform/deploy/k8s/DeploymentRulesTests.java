package com.waplatform.deploy.k8s;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.waplatform.deploy.k8s.PlatformServices.PlatformService;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every Deployment of each overlay runs one of the platform's services the way
 * docs/operations.md says: probes on the management port, requests and limits, a non-root
 * read-only container without privileges, a writable {@code /tmp}, Prometheus
 * annotations, and a Service, an autoscaler and a disruption budget of its own.
 */
class DeploymentRulesTests {

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void theSixServicesRunAsDeploymentsOfTheirImage(String overlay) {
		RenderedManifests manifests = render(overlay);

		assertThat(manifests.deployments()).extracting((deployment) -> deployment.getMetadata().getName())
			.containsExactlyInAnyOrderElementsOf(PlatformServices.ALL.stream().map(PlatformService::name).toList());
		assertThat(manifests.deployments()).allSatisfy((deployment) -> {
			String name = deployment.getMetadata().getName();
			assertThat(podSpec(deployment).getContainers()).as(name).singleElement().satisfies((container) -> {
				assertThat(container.getImage()).as(name).matches("waplatform/" + name + ":[A-Za-z0-9._-]+");
				assertThat(container.getImage()).as(name).doesNotEndWith(":latest");
				assertThat(port(container, "http")).as(name).isEqualTo(PlatformServices.named(name).port());
				assertThat(port(container, "management")).as(name)
					.isEqualTo(PlatformServices.named(name).managementPort());
			});
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyContainerHasStartupLivenessAndReadinessProbesOnTheManagementPort(String overlay) {
		for (Deployment deployment : render(overlay).deployments()) {
			PlatformService service = PlatformServices.named(deployment.getMetadata().getName());
			for (Container container : podSpec(deployment).getContainers()) {
				String what = overlay + " " + container.getName();
				assertProbe(what + " startup", container, container.getStartupProbe(), "/actuator/health/liveness",
						service.managementPort());
				assertProbe(what + " liveness", container, container.getLivenessProbe(), "/actuator/health/liveness",
						service.managementPort());
				assertProbe(what + " readiness", container, container.getReadinessProbe(), "/actuator/health/readiness",
						service.managementPort());
				assertThat(env(container, "MANAGEMENT_PORT")).as(what)
					.contains(Integer.toString(service.managementPort()));
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyContainerHasRequestsAndLimitsAndAJvmSizedToThem(String overlay) {
		for (Deployment deployment : render(overlay).deployments()) {
			for (Container container : podSpec(deployment).getContainers()) {
				String what = overlay + " " + container.getName();
				Map<String, Quantity> requests = container.getResources().getRequests();
				Map<String, Quantity> limits = container.getResources().getLimits();
				assertThat(requests).as(what + " requests").containsKeys("cpu", "memory");
				assertThat(limits).as(what + " limits").containsKeys("cpu", "memory");
				for (String resource : List.of("cpu", "memory")) {
					assertThat(amount(requests.get(resource))).as(what + " " + resource + " request")
						.isPositive()
						.isLessThanOrEqualTo(amount(limits.get(resource)));
				}
				assertThat(env(container, "JAVA_TOOL_OPTIONS")).as(what)
					.hasValueSatisfying((options) -> assertThat(options).contains("-XX:MaxRAMPercentage="));
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyContainerRunsAsNonRootOnAReadOnlyFilesystemWithoutPrivileges(String overlay) {
		for (Deployment deployment : render(overlay).deployments()) {
			PodSpec pod = podSpec(deployment);
			PodSecurityContext podContext = Optional.ofNullable(pod.getSecurityContext())
				.orElseGet(PodSecurityContext::new);
			assertThat(pod.getAutomountServiceAccountToken()).as(deployment.getMetadata().getName()).isFalse();
			for (Container container : pod.getContainers()) {
				String what = overlay + " " + container.getName();
				SecurityContext context = container.getSecurityContext();
				assertThat(context).as(what).isNotNull();
				assertThat(firstNonNull(context.getRunAsNonRoot(), podContext.getRunAsNonRoot())).as(what).isTrue();
				assertThat(firstNonNull(context.getRunAsUser(), podContext.getRunAsUser())).as(what).isEqualTo(1000L);
				assertThat(context.getReadOnlyRootFilesystem()).as(what).isTrue();
				assertThat(context.getAllowPrivilegeEscalation()).as(what).isFalse();
				assertThat(context.getPrivileged()).as(what).isNotEqualTo(Boolean.TRUE);
				assertThat(context.getCapabilities().getDrop()).as(what).contains("ALL");
				assertThat(context.getCapabilities().getAdd()).as(what).isNullOrEmpty();
				assertThat(firstNonNull(context.getSeccompProfile(), podContext.getSeccompProfile()).getType()).as(what)
					.isEqualTo("RuntimeDefault");
				// the JVM needs a writable /tmp
				assertThat(container.getVolumeMounts()).as(what)
					.anySatisfy((mount) -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
				String tmp = container.getVolumeMounts()
					.stream()
					.filter((mount) -> mount.getMountPath().equals("/tmp"))
					.findFirst()
					.orElseThrow()
					.getName();
				assertThat(pod.getVolumes()).as(what)
					.filteredOn((volume) -> volume.getName().equals(tmp))
					.singleElement()
					.extracting(Volume::getEmptyDir)
					.isNotNull();
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyPodAsksPrometheusToScrapeItsManagementPort(String overlay) {
		for (Deployment deployment : render(overlay).deployments()) {
			PlatformService service = PlatformServices.named(deployment.getMetadata().getName());
			assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations()).as(service.name())
				.containsEntry("prometheus.io/scrape", "true")
				.containsEntry("prometheus.io/port", Integer.toString(service.managementPort()))
				.containsEntry("prometheus.io/path", "/actuator/prometheus");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyDeploymentHasAServiceAnAutoscalerAndADisruptionBudget(String overlay) {
		RenderedManifests manifests = render(overlay);
		for (Deployment deployment : manifests.deployments()) {
			String name = deployment.getMetadata().getName();
			PlatformService platformService = PlatformServices.named(name);
			Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
			Container container = podSpec(deployment).getContainers().get(0);

			Service service = manifests.named(Service.class, name).orElseThrow(() -> new AssertionError(name));
			assertThat(service.getSpec().getType()).as(name).isEqualTo("ClusterIP");
			assertThat(podLabels).as(name).containsAllEntriesOf(service.getSpec().getSelector());
			assertThat(service.getSpec().getPorts()).as(name)
				.extracting(ServicePort::getPort, (port) -> containerPort(container, port.getTargetPort()))
				.contains(tuple(platformService.port(), platformService.port()),
						tuple(platformService.managementPort(), platformService.managementPort()));

			assertThat(manifests.ofType(HorizontalPodAutoscaler.class)).as(name)
				.filteredOn((hpa) -> hpa.getSpec().getScaleTargetRef().getName().equals(name))
				.singleElement()
				.satisfies((hpa) -> {
					assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
					assertThat(hpa.getSpec().getMinReplicas()).isPositive()
						.isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
					assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(overlay.equals("prod") ? 2 : 1);
					assertThat(hpa.getSpec().getMetrics()).isNotEmpty();
				});
			// the autoscaler owns the count: a replicas field would fight it at every
			// apply
			assertThat(deployment.getSpec().getReplicas()).as(name).isNull();

			assertThat(manifests.ofType(PodDisruptionBudget.class)).as(name)
				.filteredOn((pdb) -> podLabels.entrySet()
					.containsAll(pdb.getSpec().getSelector().getMatchLabels().entrySet()))
				.singleElement()
				.satisfies((pdb) -> assertThat(pdb.getSpec().getMaxUnavailable()).isNotNull());
		}
	}

	static RenderedManifests render(String overlay) {
		return RenderedManifests.render(RenderedManifests.overlay(overlay));
	}

	static PodSpec podSpec(Deployment deployment) {
		return deployment.getSpec().getTemplate().getSpec();
	}

	static Optional<String> env(Container container, String name) {
		return container.getEnv()
			.stream()
			.filter((variable) -> variable.getName().equals(name))
			.map(EnvVar::getValue)
			.findFirst();
	}

	/** The container port a probe or Service names, by number or by name. */
	static int containerPort(Container container, IntOrString port) {
		if (port.getIntVal() != null) {
			return port.getIntVal();
		}
		return port(container, port.getStrVal());
	}

	private static int port(Container container, String name) {
		return container.getPorts()
			.stream()
			.filter((port) -> name.equals(port.getName()))
			.map(ContainerPort::getContainerPort)
			.findFirst()
			.orElseThrow(() -> new AssertionError(container.getName() + " has no port named " + name));
	}

	private static void assertProbe(String what, Container container, Probe probe, String path, int managementPort) {
		assertThat(probe).as(what).isNotNull();
		assertThat(probe.getHttpGet()).as(what).isNotNull();
		assertThat(probe.getHttpGet().getPath()).as(what).isEqualTo(path);
		assertThat(containerPort(container, probe.getHttpGet().getPort())).as(what).isEqualTo(managementPort);
	}

	private static BigDecimal amount(Quantity quantity) {
		return Quantity.getAmountInBytes(quantity);
	}

	private static <T> T firstNonNull(T first, T second) {
		return (first != null) ? first : second;
	}

}
