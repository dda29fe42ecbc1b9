package com.waplatform.deploy.k8s;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.waplatform.deploy.environment.ServiceEnvironment;

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

	private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

	/**
	 * The environment variables each service reads (its configuration's placeholders,
	 * {@link ServiceEnvironment}): a container of the manifests may set only these.
	 */
	static final Map<String, Set<String>> VARIABLES_READ = ALL.stream()
		.collect(Collectors.toUnmodifiableMap(PlatformService::name,
				(service) -> ServiceEnvironment.of(REPOSITORY, service.name()).read()));

	/**
	 * What every container must set: the variables a service requires anywhere
	 * ({@link ServiceEnvironment#required()}), and what production adds: the real
	 * database password, the actuator's port the probes use, topics replicated, and the
	 * profile that turns on the production checks.
	 */
	static final Map<String, Set<String>> REQUIRED = ALL.stream()
		.collect(Collectors.toUnmodifiableMap(PlatformService::name,
				(service) -> Stream
					.concat(ServiceEnvironment.of(REPOSITORY, service.name()).required().stream(),
							Stream.of("DB_PORT", "DB_NAME", "DB_USER", "DB_PASSWORD", "MANAGEMENT_PORT",
									"KAFKA_REPLICATION_FACTOR", "SPRING_PROFILES_ACTIVE"))
					.collect(Collectors.toUnmodifiableSet())));

	private PlatformServices() {
	}

	static PlatformService named(String name) {
		return ALL.stream()
			.filter((service) -> service.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Not a service of the platform: " + name));
	}

}
