package com.waplatform.simulator.accounts;

import java.net.URI;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

/**
 * A simulated WhatsApp Business account with one phone number: the ids Meta gives it, the
 * token Graph calls must carry, the app secret that signs its webhooks and where they go
 * ({@code null}: the global {@code simulator.webhook-url}).
 */
public record Account(@NotBlank String wabaId, @NotBlank String phoneNumberId, @NotBlank String displayPhoneNumber,
		@NotBlank String accessToken, @NotBlank String appSecret, @Nullable URI webhookUrl) {

	@Override
	public String toString() {
		return "Account[wabaId=" + this.wabaId + ", phoneNumberId=" + this.phoneNumberId + ", displayPhoneNumber="
				+ this.displayPhoneNumber + ", webhookUrl=" + this.webhookUrl + "]";
	}

}
