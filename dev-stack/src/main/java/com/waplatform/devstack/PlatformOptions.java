package com.waplatform.devstack;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How to start the local platform. Port 0 means any free port.
 *
 * @param kafkaPort where the Kafka broker listens for every client ({@code localhost}); 0
 * for any free port
 * @param apiKey the demo organization's API key, or null for a random one
 * @param adminToken the bearer token of the gateway's admin API, or null for a random one
 * @param overrides extra properties given to every application
 * @param prometheus whether to start a Prometheus server scraping every service (when the
 * binary is installed, see {@link LocalPrometheus})
 */
public record PlatformOptions(Map<LocalPlatform.Service, Integer> ports, int kafkaPort, int postgresPort,
		@Nullable String apiKey, @Nullable String adminToken, Map<String, Object> overrides, boolean prometheus) {

	/** Everything on free ports: for tests. */
	public static PlatformOptions randomPorts() {
		return new PlatformOptions(Map.of(), 0, 0, null, null, Map.of(), false);
	}

	public int port(LocalPlatform.Service service) {
		return this.ports.getOrDefault(service, 0);
	}

	public PlatformOptions withOverrides(Map<String, Object> overrides) {
		return new PlatformOptions(this.ports, this.kafkaPort, this.postgresPort, this.apiKey, this.adminToken,
				overrides, this.prometheus);
	}

	public PlatformOptions withPrometheus(boolean prometheus) {
		return new PlatformOptions(this.ports, this.kafkaPort, this.postgresPort, this.apiKey, this.adminToken,
				this.overrides, prometheus);
	}

}
