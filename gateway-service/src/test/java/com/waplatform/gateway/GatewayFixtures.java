package com.waplatform.gateway;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Sets up organizations through the real admin API, each with unique ids so that tests
 * sharing one database do not see each other.
 */
public final class GatewayFixtures {

	public static final String ADMIN_TOKEN = "test-admin-token";

	private GatewayFixtures() {
	}

	/** A new organization with one default number and an API key. */
	public static Tenant aTenantWithADefaultNumber(WebTestClient client, String appSecret) {
		Map<?, ?> organization = client.post()
			.uri("/v1/admin/organizations")
			.headers((headers) -> headers.setBearerAuth(ADMIN_TOKEN))
			.bodyValue(Map.of("name", "Acme Tours", "appSecret", appSecret))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String organizationId = (String) organization.get("id");
		String phoneNumberId = digits(15);
		String wabaId = digits(16);
		client.post()
			.uri("/v1/admin/organizations/{id}/phone-numbers", organizationId)
			.headers((headers) -> headers.setBearerAuth(ADMIN_TOKEN))
			.bodyValue(Map.of("phoneNumberId", phoneNumberId, "wabaId", wabaId, "displayPhoneNumber", "+15550783881",
					"accessToken", "EAAG-secret-token", "throughputPerSecond", 80, "default", true))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CREATED);
		Map<?, ?> key = client.post()
			.uri("/v1/admin/organizations/{id}/api-keys", organizationId)
			.headers((headers) -> headers.setBearerAuth(ADMIN_TOKEN))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return new Tenant(organizationId, phoneNumberId, wabaId, (String) key.get("key"));
	}

	static String digits(int count) {
		StringBuilder digits = new StringBuilder("1");
		for (int i = 1; i < count; i++) {
			digits.append(ThreadLocalRandom.current().nextInt(10));
		}
		return digits.toString();
	}

	public record Tenant(String organizationId, String phoneNumberId, String wabaId, String apiKey) {
	}

}
