package com.waplatform.support.production;

import java.util.HashMap;
import java.util.Map;

import com.waplatform.testsupport.Infrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class ProductionReadinessCheckTests {

	private static StandardEnvironment environment(Map<String, String> properties, String... profiles) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", new HashMap<>(properties)));
		environment.setActiveProfiles(profiles);
		return environment;
	}

	private static void fire(StandardEnvironment environment) {
		new ProductionReadinessCheck().onApplicationEvent(new ApplicationEnvironmentPreparedEvent(
				new DefaultBootstrapContext(), new SpringApplication(), new String[0], environment));
	}

	private static Map<String, String> bad() {
		Map<String, String> properties = ProductionReadinessTests.good();
		properties.put("spring.r2dbc.password", "waplatform");
		properties.put("platform.credential-key", Infrastructure.TEST_CREDENTIAL_KEY);
		properties.put("gateway.admin-token", "test-admin-token");
		return properties;
	}

	@Test
	void refusesDevelopmentSettingsInTheProdProfile() {
		assertThatIllegalStateException().isThrownBy(() -> fire(environment(bad(), "prod")))
			.withMessageStartingWith("Refusing to start gateway-service in production")
			.withMessageContaining("3 problem(s)")
			.withMessageContaining("spring.r2dbc.password is the development default")
			.withMessageContaining("platform.credential-key is the published test key")
			.withMessageContaining("gateway.admin-token is shorter than 32 bytes")
			.withMessageNotContaining(Infrastructure.TEST_CREDENTIAL_KEY)
			.withMessageNotContaining("test-admin-token");
	}

	@Test
	void platformProductionIsTheOtherSwitch() {
		Map<String, String> properties = bad();
		properties.put("platform.production", "true");
		assertThatIllegalStateException().isThrownBy(() -> fire(environment(properties)))
			.withMessageContaining("3 problem(s)");
	}

	@Test
	void productionSettingsPass() {
		assertThatNoException().isThrownBy(() -> fire(environment(ProductionReadinessTests.good(), "prod")));
	}

	@Test
	void outsideProductionNothingIsChecked() {
		assertThatNoException().isThrownBy(() -> fire(environment(bad())));
		assertThatNoException().isThrownBy(() -> fire(environment(bad(), "dev", "production")));
		Map<String, String> off = bad();
		off.put("platform.production", "false");
		assertThatNoException().isThrownBy(() -> fire(environment(off)));
	}

	/**
	 * The real start-up: registered through spring.factories and run after
	 * platform-defaults.yml is in the environment (DB_PASSWORD's default is seen).
	 */
	@Test
	void aRealApplicationRefusesToStartInProduction() {
		SpringApplicationBuilder application = new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE)
			.profiles("prod");
		assertThatIllegalStateException()
			.isThrownBy(() -> application.run("--spring.application.name=sender-service",
					"--platform.credential-key=" + ProductionReadinessTests.GOOD_KEY,
					"--platform.kafka.replication-factor=3"))
			.withMessageStartingWith("Refusing to start sender-service in production")
			.withMessageContaining("2 problem(s)")
			.withMessageContaining("spring.r2dbc.password is the development default of platform-defaults.yml")
			.withMessageContaining("spring.flyway.password is the development default of platform-defaults.yml");

		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Empty.class)
			.web(WebApplicationType.NONE)
			.profiles("prod")
			.run("--spring.application.name=sender-service",
					"--platform.credential-key=" + ProductionReadinessTests.GOOD_KEY,
					"--platform.kafka.replication-factor=3", "--DB_PASSWORD=s3cret-db-pa55")) {
			assertThat(context.isActive()).isTrue();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

}
