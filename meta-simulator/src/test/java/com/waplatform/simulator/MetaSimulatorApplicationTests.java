package com.waplatform.simulator;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SimulatorTest
class MetaSimulatorApplicationTests {

	private final WebTestClient client;

	MetaSimulatorApplicationTests(@Autowired WebTestClient client) {
		this.client = client;
	}

	@Test
	void exposesHealthProbesAndPrometheus() {
		this.client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk().expectBody().returnResult();
		this.client.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
		this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("application=\"meta-simulator\""));
	}

	@Test
	void builderReadsMetaSimulatorYml() {
		try (ConfigurableApplicationContext context = MetaSimulatorApplication.builder()
			.run("--server.port=0", "--management.server.port=", "--simulator.webhooks.enabled=false")) {
			assertThat(context.getEnvironment().getProperty("spring.application.name")).isEqualTo("meta-simulator");
			assertThat(context.getBean(SimulatorProperties.class).accounts()).extracting("phoneNumberId")
				.containsExactly("100000000000002");
			assertThat(context.getBean(SimulatorProperties.class).webhooks().sentDelay())
				.isEqualTo(Duration.ofMillis(100));
		}
	}

	@Test
	void accountsCanBeAddedAtRuntime() {
		this.client.post()
			.uri("/admin/accounts")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"wabaId":"400000000000001","phoneNumberId":"400000000000011","displayPhoneNumber":"15550104011",
					 "accessToken":"runtime-token","appSecret":"runtime-secret","enforceServiceWindow":false}""")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
		this.client.get()
			.uri("/admin/accounts")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.phoneNumberId == '400000000000011')].wabaId")
			.isEqualTo("400000000000001");
		this.client.post()
			.uri("/v23.0/400000000000011/messages")
			.headers((headers) -> headers.setBearerAuth("runtime-token"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"messaging_product":"whatsapp","to":"16505551234","type":"text","text":{"body":"hi"}}""")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
		this.client.post()
			.uri("/admin/accounts")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"wabaId\":\"\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.returnResult();
	}

}
