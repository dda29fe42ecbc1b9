package com.waplatform.systemtests;

import java.time.Duration;

import tools.jackson.databind.JsonNode;

import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Waits, through {@code GET /v1/messages/{id}}, until a message reaches a status. */
final class MessageStatuses {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private MessageStatuses() {
	}

	/**
	 * @param gateway the gateway
	 * @param apiKey an API key of the message's organization
	 * @param id the message
	 * @param anyOf the statuses that end the wait
	 */
	static void awaitAny(WebTestClient gateway, String apiKey, String id, String... anyOf) {
		await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			JsonNode message = gateway.get()
				.uri("/v1/messages/{id}", id)
				.header("Authorization", "Bearer " + apiKey)
				.exchange()
				.expectBody(JsonNode.class)
				.returnResult()
				.getResponseBody();
			assertThat(message).isNotNull();
			assertThat(message.path("status").asString()).isIn((Object[]) anyOf);
		});
	}

}
