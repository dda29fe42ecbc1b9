package com.waplatform.deploy.k8s;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The platform's services as the manifests must run them: name (also the Deployment's,
 * the Service's and the image's {@code waplatform/<name>}), public port and management
 * port, and the environment variables each one reads.
 */
final class PlatformServices {

	/** Name, public port and actuator port (public + 1000) of each service. */
	record PlatformService(String name, int port) {

		int managementPort() {
			return this.port + 1000;
		}

	}

	static final List<PlatformService> ALL = List.of(new PlatformService("gateway-service", 8080),
			new PlatformService("sender-service", 8081), new PlatformService("template-service", 8082),
			new PlatformService("webhook-service", 8083), new PlatformService("workflow-service", 8084),
			new PlatformService("callback-service", 8085));

	/** What every service reads: service-support's platform-defaults.yml, and more. */
	private static final Set<String> SHARED = Set.of("KAFKA_BOOTSTRAP_SERVERS", "DB_HOST", "DB_PORT", "DB_NAME",
			"DB_USER", "DB_PASSWORD", "PLATFORM_INTERNAL_TOKEN",
			// platform.credential-key: required (@NotBlank) by service-support's
			// PlatformProperties in every service, bound from this variable by Spring's
			// relaxed binding; only gateway-service.yml and callback-service.yml name it
			"PLATFORM_CREDENTIAL_KEY",
			// platform.kafka.replication-factor (production requires >= 2)
			"KAFKA_REPLICATION_FACTOR",
			// each <service>.yml: management.server.port
			"MANAGEMENT_PORT",
			// read by Spring itself (the prod profile: docs/production.md) and by the JVM
			"SPRING_PROFILES_ACTIVE", "JAVA_TOOL_OPTIONS");

	/**
	 * The environment variables each service reads: the {@code ${VAR:default}}
	 * placeholders of its {@code src/main/resources/*.yml} and of platform-defaults.yml,
	 * plus the few read otherwise (commented in {@link #SHARED}). A container of the
	 * manifests may set only these. The one list to replace by a reader of the
	 * placeholders.
	 */
	static final Map<String, Set<String>> VARIABLES_READ = Map.of(
			// gateway-service.yml
			"gateway-service",
			with("GATEWAY_ADMIN_TOKEN", "META_WEBHOOK_VERIFY_TOKEN", "TEMPLATE_SERVICE_URL", "WORKFLOW_SERVICE_URL",
					"CALLBACK_SERVICE_URL", "META_GRAPH_URL"),
			// META_GRAPH_URL: being added to sender-service.yml and template-service.yml
			"sender-service", with("META_GRAPH_URL"), "template-service", with("META_GRAPH_URL"), "webhook-service",
			with(), "workflow-service", with(),
			// callback-service.yml
			"callback-service", with("CALLBACKS_ALLOW_LOCAL_HTTP"));

	/**
	 * The variables without which a service does not start in production (no default, or
	 * a development default the prod profile refuses): every container must set them.
	 */
	static final Map<String, Set<String>> REQUIRED = ALL.stream()
		.collect(Collectors.toUnmodifiableMap(PlatformService::name,
				(service) -> Stream
					.concat(Stream.of("KAFKA_BOOTSTRAP_SERVERS", "DB_HOST", "DB_PORT", "DB_NAME", "DB_USER",
							"DB_PASSWORD", "PLATFORM_CREDENTIAL_KEY", "PLATFORM_INTERNAL_TOKEN", "MANAGEMENT_PORT",
							"KAFKA_REPLICATION_FACTOR", "SPRING_PROFILES_ACTIVE"),
							service.name().equals("gateway-service")
									? Stream.of("GATEWAY_ADMIN_TOKEN", "META_WEBHOOK_VERIFY_TOKEN",
											"TEMPLATE_SERVICE_URL", "WORKFLOW_SERVICE_URL", "CALLBACK_SERVICE_URL")
									: Stream.empty())
					.collect(Collectors.toUnmodifiableSet())));

	private PlatformServices() {
	}

	static PlatformService named(String name) {
		return ALL.stream()
			.filter((service) -> service.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Not a service of the platform: " + name));
	}

	private static Set<String> with(String... own) {
		return Stream.concat(SHARED.stream(), Stream.of(own)).collect(Collectors.toUnmodifiableSet());
	}

}
