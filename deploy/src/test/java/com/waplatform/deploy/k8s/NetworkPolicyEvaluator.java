package com.waplatform.deploy.k8s;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * Answers "may this connection happen?" for a set of NetworkPolicies of one namespace, by
 * the rules of the Kubernetes API: a pod selected by no policy of a direction allows
 * everything in it; otherwise a connection is allowed when some rule of some selecting
 * policy matches both its peer and its port. Enough for the manifests' policies (IPv4
 * blocks, numeric ports); what it cannot decide (named ports) fails.
 */
final class NetworkPolicyEvaluator {

	/**
	 * A pod (namespace, the namespace's labels, the pod's labels) or an address outside.
	 */
	record Endpoint(String namespace, Map<String, String> namespaceLabels, Map<String, String> labels, String ip) {

		static Endpoint pod(String namespace, Map<String, String> labels) {
			return new Endpoint(namespace, Map.of("kubernetes.io/metadata.name", namespace), labels, null);
		}

		static Endpoint address(String ip) {
			return new Endpoint(null, Map.of(), Map.of(), ip);
		}

		boolean isPod() {
			return this.ip == null;
		}

		@Override
		public String toString() {
			return isPod() ? this.namespace + "/" + this.labels : this.ip;
		}

	}

	private final String namespace;

	private final List<NetworkPolicy> policies;

	NetworkPolicyEvaluator(String namespace, List<NetworkPolicy> policies) {
		this.namespace = namespace;
		this.policies = policies;
	}

	boolean ingressAllowed(Endpoint from, Endpoint to, String protocol, int port) {
		return allowed(to, "Ingress",
				(policy) -> (policy.getSpec().getIngress() == null) ? List.of()
						: policy.getSpec()
							.getIngress()
							.stream()
							.filter((rule) -> ports(rule.getPorts(), protocol, port) && peers(rule.getFrom(), from))
							.toList());
	}

	boolean egressAllowed(Endpoint from, Endpoint to, String protocol, int port) {
		return allowed(from, "Egress",
				(policy) -> (policy.getSpec().getEgress() == null) ? List.of()
						: policy.getSpec()
							.getEgress()
							.stream()
							.filter((rule) -> ports(rule.getPorts(), protocol, port) && peers(rule.getTo(), to))
							.toList());
	}

	/** Whether any policy restricts this pod's traffic in that direction. */
	boolean isolated(Endpoint pod, String direction) {
		return this.policies.stream().anyMatch((policy) -> selects(policy, pod, direction));
	}

	private boolean allowed(Endpoint pod, String direction, Function<NetworkPolicy, List<?>> matchingRules) {
		if (!pod.isPod() || !pod.namespace().equals(this.namespace)) {
			// outside this namespace's policies: not ours to decide
			return true;
		}
		List<NetworkPolicy> selecting = this.policies.stream()
			.filter((policy) -> selects(policy, pod, direction))
			.toList();
		return selecting.isEmpty() || selecting.stream().anyMatch((policy) -> !matchingRules.apply(policy).isEmpty());
	}

	private boolean selects(NetworkPolicy policy, Endpoint pod, String direction) {
		return pod.isPod() && pod.namespace().equals(this.namespace) && types(policy).contains(direction)
				&& matches(policy.getSpec().getPodSelector(), pod.labels());
	}

	private static List<String> types(NetworkPolicy policy) {
		List<String> types = policy.getSpec().getPolicyTypes();
		if (types != null && !types.isEmpty()) {
			return types;
		}
		return (policy.getSpec().getEgress() != null && !policy.getSpec().getEgress().isEmpty())
				? List.of("Ingress", "Egress") : List.of("Ingress");
	}

	private boolean peers(List<NetworkPolicyPeer> peers, Endpoint endpoint) {
		return peers == null || peers.isEmpty() || peers.stream().anyMatch((peer) -> peer(peer, endpoint));
	}

	private boolean peer(NetworkPolicyPeer peer, Endpoint endpoint) {
		if (peer.getIpBlock() != null) {
			return !endpoint.isPod() && contains(peer.getIpBlock(), endpoint.ip());
		}
		if (!endpoint.isPod()) {
			return false;
		}
		boolean namespaceMatches = (peer.getNamespaceSelector() != null)
				? matches(peer.getNamespaceSelector(), endpoint.namespaceLabels())
				: endpoint.namespace().equals(this.namespace);
		boolean podMatches = peer.getPodSelector() == null || matches(peer.getPodSelector(), endpoint.labels());
		return namespaceMatches && podMatches;
	}

	private static boolean ports(List<NetworkPolicyPort> ports, String protocol, int port) {
		if (ports == null || ports.isEmpty()) {
			return true;
		}
		return ports.stream().anyMatch((candidate) -> {
			String candidateProtocol = (candidate.getProtocol() != null) ? candidate.getProtocol() : "TCP";
			if (!candidateProtocol.equals(protocol)) {
				return false;
			}
			if (candidate.getPort() == null) {
				return true;
			}
			if (candidate.getPort().getIntVal() == null) {
				throw new IllegalStateException("Named port in a NetworkPolicy: " + candidate);
			}
			int from = candidate.getPort().getIntVal();
			int to = (candidate.getEndPort() != null) ? candidate.getEndPort() : from;
			return port >= from && port <= to;
		});
	}

	static boolean matches(LabelSelector selector, Map<String, String> labels) {
		if (selector == null) {
			return false;
		}
		if (selector.getMatchLabels() != null && !labels.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
			return false;
		}
		if (selector.getMatchExpressions() != null) {
			for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
				String value = labels.get(requirement.getKey());
				boolean ok = switch (requirement.getOperator()) {
					case "In" -> value != null && requirement.getValues().contains(value);
					case "NotIn" -> value == null || !requirement.getValues().contains(value);
					case "Exists" -> value != null;
					case "DoesNotExist" -> value == null;
					default -> throw new IllegalStateException("Unknown operator " + requirement.getOperator());
				};
				if (!ok) {
					return false;
				}
			}
		}
		return true;
	}

	private static boolean contains(IPBlock block, String ip) {
		if (!inCidr(block.getCidr(), ip)) {
			return false;
		}
		return block.getExcept() == null || block.getExcept().stream().noneMatch((except) -> inCidr(except, ip));
	}

	private static boolean inCidr(String cidr, String ip) {
		if (cidr.contains(":") != ip.contains(":")) {
			return false;
		}
		if (ip.contains(":")) {
			throw new IllegalStateException("IPv6 addresses are not evaluated: " + ip);
		}
		String[] parts = cidr.split("/");
		int bits = Integer.parseInt(parts[1]);
		long mask = (bits == 0) ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
		return (ipv4(parts[0]) & mask) == (ipv4(ip) & mask);
	}

	private static long ipv4(String address) {
		long value = 0;
		for (String octet : address.split("\\.")) {
			value = (value << 8) | Integer.parseInt(octet);
		}
		return value;
	}

}
