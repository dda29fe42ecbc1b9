package com.waplatform.workflow;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The workflow service: turns business events into messages. It reads
 * {@code workflow-service.yml} rather than {@code application.yml} so that it can share
 * one classpath with the other services.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WorkflowApplication {

	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(WorkflowApplication.class)
			.properties("spring.config.name=workflow-service");
	}

	public static void main(String[] args) {
		builder().run(args);
	}

}
