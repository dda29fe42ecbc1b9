package com.waplatform.support.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code platform-defaults.yml} (Kafka serdes and safety settings, actuator
 * exposure, metric tags) with the lowest precedence, so every service shares them and can
 * override any.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if ("false".equals(environment.getProperty("platform.enabled"))) {
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
