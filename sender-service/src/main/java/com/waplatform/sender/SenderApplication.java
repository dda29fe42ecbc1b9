package com.waplatform.sender;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The sender's entry point. It reads {@code sender-service.yml} rather than
 * {@code application.yml} so that it can run in-process next to the other services
 * sharing one classpath.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SenderApplication {

	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(SenderApplication.class).properties("spring.config.name=sender-service");
	}

	public static void main(String[] args) {
		builder().run(args);
	}

}
