package com.waplatform.gateway.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** Responses of the admin API: never a secret, except a new API key once. */
final class AdminViews {

	private AdminViews() {
	}

	record OrganizationCreated(String id, String name) {
	}

	record PhoneNumber(String phoneNumberId, String wabaId, String displayPhoneNumber, int throughputPerSecond,
			@JsonProperty("default") boolean defaultNumber) {
	}

	record ApiKeyCreated(String id, String key) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ApiKey(String id, String prefix, Instant createdAt, @Nullable Instant revokedAt) {
	}

	record Organization(String id, String name, Instant createdAt, Map<String, String> languageFallbacks,
			List<PhoneNumber> phoneNumbers, List<ApiKey> apiKeys) {
	}

}
