package com.waplatform.support.production;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The settings a service must not run with in production, framework-free: given a
 * property lookup (resolved values) and the names of the properties that are set, lists
 * every problem found. A problem names the property and what is wrong with it, never its
 * value.
 */
final class ProductionReadiness {

	/** The database password of {@code platform-defaults.yml} ({@code DB_PASSWORD}). */
	static final String DEFAULT_DATABASE_PASSWORD = "waplatform";

	/**
	 * test-support's {@code Infrastructure.TEST_CREDENTIAL_KEY}, public in the sources.
	 */
	static final String TEST_CREDENTIAL_KEY = "dGVzdC1rZXktdGVzdC1rZXktdGVzdC1rZXktMzJieXQ=";

	/**
	 * The demo organization's credentials that dev-stack hands to the gateway and the
	 * simulator ({@code DemoAccount.defaults}).
	 */
	static final Set<String> DEMO_CREDENTIALS = Set.of("demo-app-secret", "demo-access-token", "demo-verify-token");

	/** Settings only the dev stack or the Meta simulator read. */
	static final List<String> DEVELOPMENT_ONLY_PREFIXES = List.of("devstack.", "platform.demo.", "simulator.");

	static final int MIN_ADMIN_TOKEN_BYTES = 32;

	static final int MIN_REPLICATION_FACTOR = 2;

	static final String GATEWAY = "gateway-service";

	private final Function<String, @Nullable String> properties;

	private final Collection<String> propertyNames;

	private final List<String> problems = new ArrayList<>();

	private ProductionReadiness(Function<String, @Nullable String> properties, Collection<String> propertyNames) {
		this.properties = properties;
		this.propertyNames = propertyNames;
	}

	/**
	 * Every reason not to start in production.
	 * @param properties the resolved value of a property, or null when it is not set
	 * @param propertyNames the names of every property set (environment variables as they
	 * are spelled, e.g. {@code DEVSTACK_API_KEY})
	 * @return the problems, in a stable order; empty when the settings are fit for
	 * production
	 */
	static List<String> problems(Function<String, @Nullable String> properties, Collection<String> propertyNames) {
		ProductionReadiness readiness = new ProductionReadiness(properties, propertyNames);
		readiness.databasePasswords();
		readiness.credentialKey();
		readiness.replicationFactor();
		if (GATEWAY.equals(readiness.value("spring.application.name"))) {
			readiness.gatewayAdminToken();
		}
		readiness.developmentSettings();
		return List.copyOf(readiness.problems);
	}

	private void databasePasswords() {
		databasePassword("spring.r2dbc.password");
		if (!"false".equalsIgnoreCase(value("spring.flyway.enabled"))) {
			databasePassword("spring.flyway.password");
		}
	}

	private void databasePassword(String property) {
		String password = value(property);
		if (isBlank(password)) {
			problem(property + " is not set or blank (set DB_PASSWORD)");
		}
		else if (DEFAULT_DATABASE_PASSWORD.equals(password)) {
			problem(property + " is the development default of platform-defaults.yml (set DB_PASSWORD)");
		}
	}

	private void credentialKey() {
		String property = "platform.credential-key";
		String key = value(property);
		if (isBlank(key)) {
			problem(property + " is not set or blank (set PLATFORM_CREDENTIAL_KEY to Base64 of 32 random bytes)");
			return;
		}
		if (TEST_CREDENTIAL_KEY.equals(key.strip())) {
			problem(property + " is the published test key of test-support (generate a fresh one)");
			return;
		}
		try {
			int length = Base64.getDecoder().decode(key.strip()).length;
			if (length != 32) {
				problem(property + " decodes to " + length + " bytes, not 32 (a 256-bit AES key)");
			}
		}
		catch (IllegalArgumentException ex) {
			problem(property + " is not valid Base64 (expected Base64 of 32 random bytes)");
		}
	}

	private void replicationFactor() {
		String property = "platform.kafka.replication-factor";
		String factor = value(property);
		if (isBlank(factor)) {
			problem(property + " is not set: topics would be created with 1 replica (set it to "
					+ MIN_REPLICATION_FACTOR + " or more)");
			return;
		}
		try {
			int replicas = Integer.parseInt(factor.strip());
			if (replicas < MIN_REPLICATION_FACTOR) {
				problem(property + " is " + replicas + ": one broker's loss would lose events (set it to "
						+ MIN_REPLICATION_FACTOR + " or more)");
			}
		}
		catch (NumberFormatException ex) {
			problem(property + " is not a number");
		}
	}

	private void gatewayAdminToken() {
		String property = "gateway.admin-token";
		String token = value(property);
		if (isBlank(token)) {
			problem(property + " is not set or blank (set GATEWAY_ADMIN_TOKEN to at least " + MIN_ADMIN_TOKEN_BYTES
					+ " random bytes)");
		}
		else if (token.getBytes(StandardCharsets.UTF_8).length < MIN_ADMIN_TOKEN_BYTES) {
			problem(property + " is shorter than " + MIN_ADMIN_TOKEN_BYTES + " bytes");
		}
	}

	private void developmentSettings() {
		Set<String> developmentOnly = new TreeSet<>();
		Set<String> demoCredentials = new TreeSet<>();
		for (String name : this.propertyNames) {
			String normalized = name.toLowerCase(Locale.ROOT).replace('_', '.');
			if (DEVELOPMENT_ONLY_PREFIXES.stream().anyMatch(normalized::startsWith)) {
				developmentOnly.add(name);
			}
			String value = value(name);
			if (value != null && DEMO_CREDENTIALS.contains(value.strip())) {
				demoCredentials.add(name);
			}
		}
		if (!developmentOnly.isEmpty()) {
			problem("dev-stack/simulator-only settings are set: " + String.join(", ", developmentOnly));
		}
		for (String name : demoCredentials) {
			problem(name + " holds one of the dev stack's published demo credentials");
		}
	}

	private @Nullable String value(String name) {
		return this.properties.apply(name);
	}

	private void problem(String problem) {
		this.problems.add(problem);
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
