package com.waplatform.callback;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The callback service: pushes status events and inbound messages to the organizations'
 * own systems as signed HTTPS callbacks. It reads {@code callback-service.yml} rather
 * than {@code application.yml} so that it can share one classpath with the other
 * services.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CallbackApplication {

	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(CallbackApplication.class)
			.properties("spring.config.name=callback-service");
	}

	public static void main(String[] args) {
		builder().run(args);
	}

}
