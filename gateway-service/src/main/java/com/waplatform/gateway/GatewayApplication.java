package com.waplatform.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The gateway, the platform's only public HTTP surface. It reads
 * {@code gateway-service.yml} so that it can share one classpath with the other services.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(GatewayApplication.class).properties("spring.config.name=gateway-service");
	}

	public static void main(String[] args) {
		builder().run(args);
	}

}
