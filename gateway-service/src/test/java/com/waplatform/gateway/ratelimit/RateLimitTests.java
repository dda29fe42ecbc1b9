package com.waplatform.gateway.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.waplatform.gateway.GatewayApplication;
import com.waplatform.gateway.GatewayFixtures;
import com.waplatform.gateway.GatewayFixtures.Tenant;
import com.waplatform.testsupport.Infrastructure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request limits with small numbers and a long period, so that nothing refills during
 * the test: a burst over an API key's limit gets 429s with {@code Retry-After} and is not
 * processed, another key is unaffected, and one client address is limited whatever key it
 * uses.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=gateway-service", "gateway.admin-token=" + GatewayFixtures.ADMIN_TOKEN,
				// free-form messages to customers who never wrote: the window is not what
				// these test
				"gateway.conversations.enforce-service-window=false", "gateway.rate-limits.per-api-key=5",
				"gateway.rate-limits.per-client-address=40", "gateway.rate-limits.period=10m" })
@AutoConfigureWebTestClient
@DirtiesContext
class RateLimitTests {

	private final WebTestClient client;

	private final MeterRegistry meters;

	@Autowired
	RateLimitTests(WebTestClient client, MeterRegistry meters) {
		this.client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
		this.meters = meters;
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
	}

	@Test
	void aBurstOverTheKeysLimitIsRefusedWithRetryAfterAndTheOtherKeyIsUnaffected() {
		Tenant a = GatewayFixtures.aTenantWithADefaultNumber(this.client, "secret-" + UUID.randomUUID());
		Tenant b = GatewayFixtures.aTenantWithADefaultNumber(this.client, "secret-" + UUID.randomUUID());
		double refusedBefore = refused("api-key");
		List<EntityExchangeResult<String>> burst = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			burst.add(send(a));
		}
		assertThat(burst).extracting((result) -> result.getStatus().value())
			.containsExactly(202, 202, 202, 202, 202, 429, 429, 429);
		EntityExchangeResult<String> refused = burst.get(7);
		assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(Long.parseLong(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 600L);
		assertThat(refused.getResponseBody()).contains("urn:waplatform:problem:rate-limited");
		assertThat(refused("api-key")).isEqualTo(refusedBefore + 3);
		assertThat(send(b).getStatus()).isEqualTo(HttpStatus.ACCEPTED);

		// one address is limited whatever credential it sends, or none (40 in all)
		double byAddressBefore = refused("client-address");
		int answered = 0;
		for (int i = 0; i < 40; i++) {
			if (this.client.get()
				.uri("/v1/messages")
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.value() == 429) {
				answered++;
			}
		}
		assertThat(answered).isPositive();
		assertThat(refused("client-address")).isEqualTo(byAddressBefore + answered);
	}

	private EntityExchangeResult<String> send(Tenant tenant) {
		return this.client.post()
			.uri("/v1/messages")
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"to\": \"+14155550123\", \"type\": \"text\", \"text\": {\"body\": \"Hi\"}}")
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

	private double refused(String limit) {
		Counter counter = this.meters.find("gateway.requests.rate-limited").tag("limit", limit).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
