package com.waplatform.support.production;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.PropertySource;

/**
 * Fails the start of a service in production when its settings are development ones
 * (default database password, test or missing credential key, one Kafka replica, short or
 * missing gateway admin token, dev-stack settings or demo credentials): one
 * {@link IllegalStateException} listing every problem, never a secret's value.
 * <p>
 * Production is the Spring profile {@value #PROFILE} or {@code platform.production=true}.
 * Registered in {@code META-INF/spring.factories}; runs once the environment is prepared,
 * after every {@code EnvironmentPostProcessor} (configuration files, profiles,
 * {@code platform-defaults.yml}), before any bean is created.
 */
public class ProductionReadinessCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	/** The Spring profile that marks a production deployment. */
	public static final String PROFILE = "prod";

	/** Also marks a production deployment when {@code true}. */
	public static final String SWITCH = "platform.production";

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		check(event.getEnvironment());
	}

	/**
	 * Checks the environment when it is a production one.
	 * @param environment the prepared environment
	 * @throws IllegalStateException listing every problem
	 */
	static void check(ConfigurableEnvironment environment) {
		if (!isProduction(environment)) {
			return;
		}
		List<String> problems = ProductionReadiness.problems((name) -> value(environment, name),
				propertyNames(environment));
		if (!problems.isEmpty()) {
			String application = environment.getProperty("spring.application.name", "this application");
			throw new IllegalStateException(
					"Refusing to start " + application + " in production (profile '" + PROFILE + "' or " + SWITCH
							+ "=true): " + problems.size() + " problem(s):\n - " + String.join("\n - ", problems));
		}
	}

	static boolean isProduction(ConfigurableEnvironment environment) {
		return environment.acceptsProfiles(Profiles.of(PROFILE)) || "true".equalsIgnoreCase(value(environment, SWITCH));
	}

	private static @Nullable String value(ConfigurableEnvironment environment, String name) {
		try {
			return environment.getProperty(name);
		}
		catch (IllegalArgumentException ex) {
			// an unresolvable placeholder: the property is as good as not set
			return null;
		}
	}

	private static Set<String> propertyNames(ConfigurableEnvironment environment) {
		Set<String> names = new LinkedHashSet<>();
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (source instanceof EnumerablePropertySource<?> enumerable) {
				names.addAll(List.of(enumerable.getPropertyNames()));
			}
		}
		return names;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
