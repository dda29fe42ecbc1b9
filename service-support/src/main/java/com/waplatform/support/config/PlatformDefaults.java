package com.waplatform.support.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code platform-defaults.yml} (Kafka serdes and safety settings, actuator
 * exposure, metric tags) with the lowest precedence, so every service shares them and can
 * override any.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

	private static final List<String> SECURITY_AUTO_CONFIGURATIONS = List.of(
			"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if ("false".equals(environment.getProperty("platform.enabled"))) {
			// an application that only shares the classpath (the simulator in the dev
			// stack) keeps its own open HTTP API: Spring Security's defaults would
			// otherwise lock it behind a generated password; nor does it serve the
			// gateway's API document
			environment.getPropertySources()
				.addLast(new MapPropertySource("platform-disabled",
						Map.of("spring.autoconfigure.exclude", String.join(",", SECURITY_AUTO_CONFIGURATIONS),
								"springdoc.api-docs.enabled", "false", "springdoc.swagger-ui.enabled", "false")));
			return;
		}
		try {
			for (PropertySource<?> source : new YamlPropertySourceLoader().load("platform-defaults",
					new ClassPathResource("platform-defaults.yml"))) {
				environment.getPropertySources().addLast(source);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
