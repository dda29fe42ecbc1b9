package com.waplatform.webhook;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The webhook service: turns raw Meta webhooks into status events and inbound messages.
 * It reads {@code webhook-service.yml} rather than {@code application.yml} so that it can
 * share one classpath with the other services.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebhookApplication {

	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(WebhookApplication.class).properties("spring.config.name=webhook-service");
	}

	public static void main(String[] args) {
		builder().run(args);
	}

}
