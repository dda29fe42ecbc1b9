package com.waplatform.deploy.environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment variables an application reads: the {@code ${NAME:default}}
 * placeholders of its configuration files (its own {@code <module>.yml} and, for the
 * platform's services, service-support's {@code platform-defaults.yml}), plus the JVM's
 * and Spring's own. They are the only variables the deployment files (docker-compose.yml,
 * the Kubernetes manifests) may set, and the configuration reference of
 * docs/operations.md lists them.
 *
 * <p>
 * A variable is <em>required</em> in a deployment when its default works only on a
 * developer's machine: blank (a secret, or an address nobody can guess) or naming
 * {@code localhost}.
 */
public final class ServiceEnvironment {

	/** The platform's services, by module name; each reads platform-defaults.yml too. */
	public static final List<String> SERVICES = List.of("gateway-service", "sender-service", "template-service",
			"webhook-service", "workflow-service", "callback-service");

	/** Our stand-in for Meta: not built on service-support. */
	public static final String SIMULATOR = "meta-simulator";

	/** Read by the JVM and by Spring Boot itself, in every application. */
	public static final Set<String> STANDARD = Set.of("JAVA_TOOL_OPTIONS", "SPRING_PROFILES_ACTIVE");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

	private final Map<String, String> defaults;

	private ServiceEnvironment(Map<String, String> defaults) {
		this.defaults = defaults;
	}

	/**
	 * The variables of one application.
	 * @param repository the repository's root directory
	 * @param module the application's module name, e.g. {@code gateway-service}
	 */
	public static ServiceEnvironment of(Path repository, String module) {
		Map<String, String> defaults = new TreeMap<>();
		List<Path> files = SIMULATOR.equals(module) ? List.of(configuration(repository, module))
				: List.of(repository.resolve("service-support/src/main/resources/platform-defaults.yml"),
						configuration(repository, module));
		for (Path file : files) {
			Matcher placeholder = PLACEHOLDER.matcher(read(file));
			while (placeholder.find()) {
				String fallback = (placeholder.group(2) != null) ? placeholder.group(2) : "";
				defaults.merge(placeholder.group(1), fallback, (first, second) -> first.isEmpty() ? first : second);
			}
		}
		return new ServiceEnvironment(defaults);
	}

	/**
	 * Every application that runs in a deployment: the six services and the simulator.
	 */
	public static Map<String, ServiceEnvironment> all(Path repository) {
		Map<String, ServiceEnvironment> all = new LinkedHashMap<>();
		SERVICES.forEach((module) -> all.put(module, of(repository, module)));
		all.put(SIMULATOR, of(repository, SIMULATOR));
		return all;
	}

	private static Path configuration(Path repository, String module) {
		return repository.resolve(module).resolve("src/main/resources").resolve(module + ".yml");
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The variables this application reads, its placeholders and the standard ones. */
	public Set<String> read() {
		Set<String> read = new TreeSet<>(this.defaults.keySet());
		read.addAll(STANDARD);
		return read;
	}

	/** The variables a deployment must set: blank or localhost defaults. */
	public Set<String> required() {
		Set<String> required = new TreeSet<>();
		this.defaults.forEach((name, fallback) -> {
			if (fallback.isBlank() || fallback.contains("localhost")) {
				required.add(name);
			}
		});
		return required;
	}

	/** The default of a placeholder, blank for none. */
	public String defaultOf(String name) {
		return this.defaults.getOrDefault(name, "");
	}

}
