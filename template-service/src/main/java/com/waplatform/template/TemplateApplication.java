package com.waplatform.template;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The template service: syncs WhatsApp message templates from Meta into its schema and
 * publishes their snapshots on {@code wa.template-sync}. It reads
 * {@code template-service.yml} rather than {@code application.yml} so it can share one
 * classpath with the other services.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TemplateApplication {

	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(TemplateApplication.class)
			.properties("spring.config.name=template-service");
	}

	public static void main(String[] args) {
		builder().run(args);
	}

}
