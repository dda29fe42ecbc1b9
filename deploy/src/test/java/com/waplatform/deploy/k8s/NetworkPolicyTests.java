package com.waplatform.deploy.k8s;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.waplatform.deploy.k8s.NetworkPolicyEvaluator.Endpoint;
import com.waplatform.deploy.k8s.PlatformServices.PlatformService;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The network policies of each overlay, evaluated for sample sources and destinations
 * (the outside, another namespace, Prometheus' namespace, each service, DNS, Kafka,
 * PostgreSQL, the internet): only the gateway's public port is reachable from outside,
 * the gateway reaches the internal APIs it proxies, Prometheus the management ports, and
 * the services reach only DNS, Kafka, PostgreSQL and (those that call Meta or customers)
 * HTTPS on the internet.
 */
class NetworkPolicyTests {

	private static final Endpoint OUTSIDE = Endpoint.address("203.0.113.10");

	private static final Endpoint OTHER_NAMESPACE = Endpoint.pod("other", Map.of("app", "anything"));

	private static final Endpoint PROMETHEUS = Endpoint.pod("monitoring",
			Map.of("app.kubernetes.io/name", "prometheus"));

	private static final Endpoint DNS = Endpoint.pod("kube-system", Map.of("k8s-app", "kube-dns"));

	/** An address of Meta's Graph API (any public address would do). */
	private static final Endpoint INTERNET = Endpoint.address("157.240.22.35");

	private static final Set<String> CALLING_OUT = Set.of("gateway-service", "sender-service", "template-service",
			"callback-service");

	private static final Set<String> BEHIND_THE_GATEWAY = Set.of("template-service", "workflow-service",
			"callback-service");

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void ingressIsDeniedForEveryPodOfTheNamespaceUnlessAllowed(String overlay) {
		assertThat(policies(overlay)).anySatisfy((policy) -> {
			assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
			assertThat(policy.getSpec().getPodSelector().getMatchExpressions()).isNullOrEmpty();
			assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
			assertThat(policy.getSpec().getIngress()).isNullOrEmpty();
		});
		NetworkPolicyEvaluator evaluator = evaluator(overlay);
		for (Endpoint pod : pods(overlay).values()) {
			assertThat(evaluator.isolated(pod, "Ingress")).as(pod.toString()).isTrue();
			assertThat(evaluator.isolated(pod, "Egress")).as(pod.toString()).isTrue();
		}
		// any other pod of the namespace (Kafka's, PostgreSQL's) too
		assertThat(evaluator.isolated(Endpoint.pod(namespace(overlay), Map.of("app", "x")), "Ingress")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void onlyTheGatewaysPublicPortIsReachableFromOutsideTheNamespace(String overlay) {
		NetworkPolicyEvaluator evaluator = evaluator(overlay);
		pods(overlay).forEach((name, pod) -> {
			PlatformService service = PlatformServices.named(name);
			boolean gateway = name.equals("gateway-service");
			for (Endpoint source : List.of(OUTSIDE, OTHER_NAMESPACE)) {
				assertThat(evaluator.ingressAllowed(source, pod, "TCP", service.port()))
					.as(overlay + ": " + source + " -> " + name + ":" + service.port())
					.isEqualTo(gateway);
				assertThat(evaluator.ingressAllowed(source, pod, "TCP", service.managementPort()))
					.as(overlay + ": " + source + " -> " + name + ":" + service.managementPort())
					.isFalse();
			}
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void prometheusReachesEveryManagementPortAndNoOtherPort(String overlay) {
		NetworkPolicyEvaluator evaluator = evaluator(overlay);
		pods(overlay).forEach((name, pod) -> {
			PlatformService service = PlatformServices.named(name);
			assertThat(evaluator.ingressAllowed(PROMETHEUS, pod, "TCP", service.managementPort()))
				.as(overlay + " " + name)
				.isTrue();
			if (!name.equals("gateway-service")) {
				assertThat(evaluator.ingressAllowed(PROMETHEUS, pod, "TCP", service.port())).as(overlay + " " + name)
					.isFalse();
			}
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void onlyTheGatewayReachesTheInternalApisItProxies(String overlay) {
		NetworkPolicyEvaluator evaluator = evaluator(overlay);
		Map<String, Endpoint> pods = pods(overlay);
		for (PlatformService target : PlatformServices.ALL) {
			if (target.name().equals("gateway-service")) {
				continue;
			}
			for (PlatformService source : PlatformServices.ALL) {
				if (source == target) {
					continue;
				}
				boolean expected = source.name().equals("gateway-service")
						&& BEHIND_THE_GATEWAY.contains(target.name());
				String what = overlay + ": " + source.name() + " -> " + target.name() + ":" + target.port();
				Endpoint from = pods.get(source.name());
				Endpoint to = pods.get(target.name());
				assertThat(evaluator.ingressAllowed(from, to, "TCP", target.port())
						&& evaluator.egressAllowed(from, to, "TCP", target.port()))
					.as(what)
					.isEqualTo(expected);
				assertThat(evaluator.ingressAllowed(from, to, "TCP", target.managementPort())).as(what + " management")
					.isFalse();
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyServiceReachesDnsKafkaAndPostgresql(String overlay) {
		NetworkPolicyEvaluator evaluator = evaluator(overlay);
		Endpoint kafka = kafka(overlay);
		Endpoint postgres = postgres(overlay);
		pods(overlay).forEach((name, pod) -> {
			assertThat(evaluator.egressAllowed(pod, DNS, "UDP", 53)).as(overlay + " " + name + " DNS").isTrue();
			assertThat(evaluator.egressAllowed(pod, DNS, "TCP", 53)).as(overlay + " " + name + " DNS").isTrue();
			assertThat(evaluator.egressAllowed(pod, kafka, "TCP", 9092)).as(overlay + " " + name + " Kafka").isTrue();
			assertThat(evaluator.egressAllowed(pod, postgres, "TCP", 5432)).as(overlay + " " + name + " PostgreSQL")
				.isTrue();
			assertThat(evaluator.egressAllowed(pod, OTHER_NAMESPACE, "TCP", 8080)).as(overlay + " " + name).isFalse();
		});
	}

	@Test
	void inProdKafkaAndPostgresqlAreReachedOnlyAtTheOperatorsPods() {
		NetworkPolicyEvaluator evaluator = evaluator("prod");
		Endpoint elsewhere = Endpoint.address("10.20.30.40");
		pods("prod").forEach((name, pod) -> {
			assertThat(evaluator.egressAllowed(pod, elsewhere, "TCP", 9092)).as(name).isFalse();
			assertThat(evaluator.egressAllowed(pod, elsewhere, "TCP", 5432)).as(name).isFalse();
			assertThat(evaluator.egressAllowed(pod, OTHER_NAMESPACE, "TCP", 5432)).as(name).isFalse();
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void onlyTheServicesThatCallMetaOrCustomersReachTheInternetAndOnlyOverHttps(String overlay) {
		NetworkPolicyEvaluator evaluator = evaluator(overlay);
		pods(overlay).forEach((name, pod) -> {
			String what = overlay + " " + name;
			assertThat(evaluator.egressAllowed(pod, INTERNET, "TCP", 443)).as(what)
				.isEqualTo(CALLING_OUT.contains(name));
			assertThat(evaluator.egressAllowed(pod, INTERNET, "TCP", 80)).as(what).isFalse();
			// private networks and the cloud's metadata service are not "the internet"
			for (String address : List.of("10.0.0.5", "172.20.1.1", "192.168.1.1", "169.254.169.254")) {
				assertThat(evaluator.egressAllowed(pod, Endpoint.address(address), "TCP", 443))
					.as(what + " -> " + address)
					.isFalse();
			}
		});
	}

	@Test
	void inProdPostgresqlAcceptsTheServicesItsReplicasAndItsOperatorOnly() {
		NetworkPolicyEvaluator evaluator = evaluator("prod");
		Endpoint postgres = postgres("prod");
		pods("prod")
			.forEach((name, pod) -> assertThat(evaluator.ingressAllowed(pod, postgres, "TCP", 5432)).as(name).isTrue());
		assertThat(evaluator.ingressAllowed(postgres, postgres, "TCP", 5432)).as("replication").isTrue();
		assertThat(evaluator.ingressAllowed(Endpoint.pod("cnpg-system", Map.of("app", "cnpg")), postgres, "TCP", 8000))
			.as("operator")
			.isTrue();
		assertThat(evaluator.ingressAllowed(OTHER_NAMESPACE, postgres, "TCP", 5432)).isFalse();
		assertThat(evaluator.ingressAllowed(OUTSIDE, postgres, "TCP", 5432)).isFalse();
		// the operators' own pods are not held to the services' egress rules
		assertThat(evaluator.isolated(postgres, "Egress")).isFalse();
		assertThat(evaluator.isolated(kafka("prod"), "Egress")).isFalse();
	}

	private static List<NetworkPolicy> policies(String overlay) {
		return DeploymentRulesTests.render(overlay).ofType(NetworkPolicy.class);
	}

	private static NetworkPolicyEvaluator evaluator(String overlay) {
		List<NetworkPolicy> policies = policies(overlay);
		assertThat(policies)
			.allSatisfy((policy) -> assertThat(policy.getMetadata().getNamespace()).isEqualTo(namespace(overlay)));
		return new NetworkPolicyEvaluator(namespace(overlay), policies);
	}

	private static String namespace(String overlay) {
		return DeploymentRulesTests.render(overlay).deployments().get(0).getMetadata().getNamespace();
	}

	/** Each service's pod, with the labels of its Deployment's template. */
	private static Map<String, Endpoint> pods(String overlay) {
		RenderedManifests manifests = DeploymentRulesTests.render(overlay);
		Map<String, Endpoint> pods = new TreeMap<>();
		for (Deployment deployment : manifests.deployments()) {
			pods.put(deployment.getMetadata().getName(), Endpoint.pod(deployment.getMetadata().getNamespace(),
					deployment.getSpec().getTemplate().getMetadata().getLabels()));
		}
		assertThat(pods).hasSize(PlatformServices.ALL.size());
		return pods;
	}

	/**
	 * A Kafka broker: prod's Strimzi broker pod (labels as Strimzi sets them), dev's
	 * outside server.
	 */
	private static Endpoint kafka(String overlay) {
		if (overlay.equals("dev")) {
			return Endpoint.address("10.20.30.40");
		}
		GenericKubernetesResource cluster = DeploymentRulesTests.render(overlay)
			.custom("kafka.strimzi.io", "Kafka")
			.get(0);
		return Endpoint.pod(namespace(overlay), Map.of("strimzi.io/cluster", cluster.getMetadata().getName(),
				"strimzi.io/kind", "Kafka", "strimzi.io/broker-role", "true", "strimzi.io/controller-role", "true"));
	}

	/** A PostgreSQL instance: prod's CloudNativePG pod, dev's outside server. */
	private static Endpoint postgres(String overlay) {
		if (overlay.equals("dev")) {
			return Endpoint.address("10.20.30.41");
		}
		GenericKubernetesResource cluster = DeploymentRulesTests.render(overlay)
			.custom("postgresql.cnpg.io", "Cluster")
			.get(0);
		return Endpoint.pod(namespace(overlay),
				Map.of("cnpg.io/cluster", cluster.getMetadata().getName(), "cnpg.io/instanceRole", "primary"));
	}

}
