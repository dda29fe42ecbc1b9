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

	/**
	 * The auto-configurations the simulator must not pick up when it runs in a JVM with
	 * the platform's classpath (dev stack, system tests, services' tests): the platform's
	 * Kafka, database and security. Its API is Meta's stand-in: open, as Meta's own is to
	 * the holder of a token.
	 */
	public static final String EMBEDDED_EXCLUDES = String.join(",",
			"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
			"org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
			"org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
			"org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcRepositoriesAutoConfiguration",
			"org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration",
			"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
			"com.waplatform.support.config.PlatformAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
			"com.waplatform.support.security.PlatformSecurityAutoConfiguration");

	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(MetaSimulatorApplication.class)
			.properties("spring.config.name=meta-simulator");
	}

	public static void main(String[] args) {
		builder().run(args);
	}

}
