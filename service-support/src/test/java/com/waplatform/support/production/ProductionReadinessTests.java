package com.waplatform.support.production;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.waplatform.testsupport.Infrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ProductionReadinessTests {

	static final String GOOD_KEY = Base64.getEncoder()
		.encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

	static final String GOOD_TOKEN = "Zr8-q2Vx_hK3mWb9TnY4cL6pDs1aGe7uJf0oRi5kXw";

	/** Settings fit for production: every case below spoils one of them. */
	static Map<String, String> good() {
		Map<String, String> properties = new HashMap<>();
		properties.put("spring.application.name", "gateway-service");
		properties.put("spring.r2dbc.password", "s3cret-db-pa55");
		properties.put("spring.flyway.password", "s3cret-db-pa55");
		properties.put("platform.credential-key", GOOD_KEY);
		properties.put("platform.kafka.replication-factor", "3");
		properties.put("gateway.admin-token", GOOD_TOKEN);
		return properties;
	}

	static List<String> problems(Map<String, String> properties) {
		return ProductionReadiness.problems(properties::get, properties.keySet());
	}

	@Test
	void productionSettingsHaveNoProblem() {
		assertThat(problems(good())).isEmpty();
		Map<String, String> sender = good();
		sender.put("spring.application.name", "sender-service");
		sender.remove("gateway.admin-token");
		assertThat(problems(sender)).isEmpty();
	}

	@Test
	void theCopiedTestKeyIsTestSupportsKey() {
		assertThat(ProductionReadiness.TEST_CREDENTIAL_KEY).isEqualTo(Infrastructure.TEST_CREDENTIAL_KEY);
	}

	static Stream<Arguments> spoiled() {
		return Stream.of(
				// property, value (null: removed), expected problem
				arguments("spring.r2dbc.password", "waplatform",
						"spring.r2dbc.password is the development default of platform-defaults.yml"),
				arguments("spring.r2dbc.password", null, "spring.r2dbc.password is not set or blank"),
				arguments("spring.r2dbc.password", "  ", "spring.r2dbc.password is not set or blank"),
				arguments("spring.flyway.password", "waplatform",
						"spring.flyway.password is the development default of platform-defaults.yml"),
				arguments("spring.flyway.password", "", "spring.flyway.password is not set or blank"),
				arguments("platform.credential-key", null, "platform.credential-key is not set or blank"),
				arguments("platform.credential-key", " ", "platform.credential-key is not set or blank"),
				arguments("platform.credential-key", Infrastructure.TEST_CREDENTIAL_KEY,
						"platform.credential-key is the published test key of test-support"),
				arguments("platform.credential-key", "not base64!", "platform.credential-key is not valid Base64"),
				arguments("platform.credential-key",
						Base64.getEncoder()
							.encodeToString(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 }),
						"platform.credential-key decodes to 16 bytes, not 32"),
				arguments("platform.kafka.replication-factor", "1", "platform.kafka.replication-factor is 1"),
				arguments("platform.kafka.replication-factor", null,
						"platform.kafka.replication-factor is not set: topics would be created with 1 replica"),
				arguments("platform.kafka.replication-factor", "three",
						"platform.kafka.replication-factor is not a number"),
				arguments("gateway.admin-token", null, "gateway.admin-token is not set or blank"),
				arguments("gateway.admin-token", "", "gateway.admin-token is not set or blank"),
				arguments("gateway.admin-token", "test-admin-token", "gateway.admin-token is shorter than 32 bytes"),
				arguments("gateway.admin-token", "a".repeat(31), "gateway.admin-token is shorter than 32 bytes"),
				arguments("devstack.api-key", "wak_something",
						"dev-stack/simulator-only settings are set: " + "devstack.api-key"),
				arguments("DEVSTACK_KAFKA_PORT", "9092",
						"dev-stack/simulator-only settings are set: " + "DEVSTACK_KAFKA_PORT"),
				arguments("platform.demo.app-secret", "x",
						"dev-stack/simulator-only settings are set: " + "platform.demo.app-secret"),
				arguments("simulator.accounts[0].app-secret", "x",
						"dev-stack/simulator-only settings are set: " + "simulator.accounts[0].app-secret"),
				arguments("gateway.webhook.verify-token", "demo-verify-token",
						"gateway.webhook.verify-token holds one of the dev stack's published demo credentials"),
				arguments("meta.app-secret", "demo-app-secret",
						"meta.app-secret holds one of the dev stack's published demo credentials"));
	}

	@ParameterizedTest(name = "{0}={1}")
	@MethodSource("spoiled")
	void eachDevelopmentSettingIsOneProblem(String property, String value, String expected) {
		Map<String, String> properties = good();
		if (value == null) {
			properties.remove(property);
		}
		else {
			properties.put(property, value);
		}
		List<String> problems = problems(properties);
		assertThat(problems).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING).startsWith(expected);
		if (value != null && !value.isBlank() && value.length() > 2) {
			assertThat(problems.get(0)).as("never prints the value").doesNotContain(value);
		}
	}

	@Test
	void theAdminTokenIsOnlyTheGatewaysConcern() {
		Map<String, String> properties = good();
		properties.put("spring.application.name", "workflow-service");
		properties.put("gateway.admin-token", "short");
		assertThat(problems(properties)).isEmpty();
	}

	@Test
	void flywayPasswordIsIrrelevantWhenFlywayIsOff() {
		Map<String, String> properties = good();
		properties.put("spring.flyway.enabled", "false");
		properties.remove("spring.flyway.password");
		assertThat(problems(properties)).isEmpty();
	}

	@Test
	void everyProblemIsListedAtOnce() {
		Map<String, String> properties = new HashMap<>();
		properties.put("spring.application.name", "gateway-service");
		properties.put("spring.r2dbc.password", "waplatform");
		properties.put("spring.flyway.password", "waplatform");
		properties.put("platform.credential-key", Infrastructure.TEST_CREDENTIAL_KEY);
		properties.put("platform.kafka.replication-factor", "1");
		properties.put("gateway.admin-token", "test-admin-token");
		properties.put("devstack.kafka.port", "9092");
		assertThat(problems(properties)).hasSize(6)
			.noneMatch((problem) -> problem.contains(Infrastructure.TEST_CREDENTIAL_KEY))
			.noneMatch((problem) -> problem.contains("test-admin-token"));
	}

}
