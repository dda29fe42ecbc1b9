package com.waplatform.simulator;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The simulator's entry point. It reads {@code meta-simulator.yml} rather than
 * {@code application.yml} so that it can run in-process next to other Spring Boot
 * applications sharing one classpath.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MetaSimulatorApplication {

	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(MetaSimulatorApplication.class)
			.properties("spring.config.name=meta-simulator");
	}

	public static void main(String[] args) {
		builder().run(args);
	}

}
