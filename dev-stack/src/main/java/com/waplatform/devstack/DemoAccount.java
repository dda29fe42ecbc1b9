package com.waplatform.devstack;

import org.jspecify.annotations.Nullable;

/**
 * The demo organization the local platform seeds: one WhatsApp Business Account with one
 * business number, known to the simulator with the same token and app secret.
 */
public record DemoAccount(@Nullable String organizationId, @Nullable String apiKey, String phoneNumberId, String wabaId,
		String displayPhoneNumber, String accessToken, String appSecret, String verifyToken) {

	static DemoAccount defaults(@Nullable String apiKey) {
		return new DemoAccount(null, apiKey, "106540352242922", "102290129340398", "+15550783881", "demo-access-token",
				"demo-app-secret", "demo-verify-token");
	}

	DemoAccount seeded(String organizationId, String apiKey) {
		return new DemoAccount(organizationId, apiKey, this.phoneNumberId, this.wabaId, this.displayPhoneNumber,
				this.accessToken, this.appSecret, this.verifyToken);
	}

}
