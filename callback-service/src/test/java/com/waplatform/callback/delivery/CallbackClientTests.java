package com.waplatform.callback.delivery;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import com.waplatform.callback.endpoints.UrlPolicyProperties;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The address is judged again when a callback is posted: a host that resolves to a
 * loopback address (as a rebound DNS name would) is refused before any connection, in
 * production.
 */
class CallbackClientTests {

	private final DeliveryProperties properties = Binder.get(new org.springframework.core.env.StandardEnvironment())
		.bindOrCreate("callbacks.delivery", Bindable.of(DeliveryProperties.class));

	@Test
	void aHostResolvingToAnInternalAddressIsRefusedAtDeliveryTime() {
		CallbackClient client = new CallbackClient(WebClient.builder(), this.properties, new UrlPolicyProperties(false),
				Clock.systemUTC());
		StepVerifier.create(client.post(URI.create("http://localhost:1/hook"), "whsec_x", UUID.randomUUID(), "{}"))
			.assertNext((attempt) -> {
				assertThat(attempt.delivered()).isFalse();
				assertThat(attempt.statusCode()).isZero();
				assertThat(attempt.failure()).contains("loopback-address");
			})
			.expectComplete()
			.verify(Duration.ofSeconds(30));
	}

}
