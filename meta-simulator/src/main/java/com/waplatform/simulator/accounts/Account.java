package com.waplatform.simulator.accounts;

import java.net.URI;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

/**
 * A simulated WhatsApp Business account with one phone number: the ids Meta gives it, the
 * token Graph calls must carry, the app secret that signs its webhooks and where they go
 * ({@code null}: the global {@code simulator.webhook-url}), plus its limits
 * ({@code null}: the {@code simulator.limits.*} defaults).
 *
 * @param throughputPerSecond messages per second of this number (Meta: 80 by default,
 * 1000 after an upgrade, 20 for coexistence numbers)
 * @param enforceServiceWindow whether free-form messages need an open 24-hour customer
 * service window (131047); {@code null} means yes
 * @param pairBurst the burst of messages to one recipient ({@code null}: global
 * {@code simulator.limits.pair-burst})
 */
public record Account(@NotBlank String wabaId, @NotBlank String phoneNumberId, @NotBlank String displayPhoneNumber,
		@NotBlank String accessToken, @NotBlank String appSecret, @Nullable URI webhookUrl,
		@Nullable @Min(1) Integer throughputPerSecond, @Nullable Boolean enforceServiceWindow,
		@Nullable @Min(1) Integer pairBurst) {

	/** Whether free-form sends need an open customer-service window. */
	public boolean serviceWindowEnforced() {
		return this.enforceServiceWindow == null || this.enforceServiceWindow;
	}

	/** This account with other limits ({@code null} arguments keep the current value). */
	public Account withLimits(@Nullable Integer throughputPerSecond, @Nullable Boolean enforceServiceWindow,
			@Nullable Integer pairBurst) {
		return new Account(this.wabaId, this.phoneNumberId, this.displayPhoneNumber, this.accessToken, this.appSecret,
				this.webhookUrl, (throughputPerSecond != null) ? throughputPerSecond : this.throughputPerSecond,
				(enforceServiceWindow != null) ? enforceServiceWindow : this.enforceServiceWindow,
				(pairBurst != null) ? pairBurst : this.pairBurst);
	}

	@Override
	public String toString() {
		return "Account[wabaId=" + this.wabaId + ", phoneNumberId=" + this.phoneNumberId + ", displayPhoneNumber="
				+ this.displayPhoneNumber + ", webhookUrl=" + this.webhookUrl + ", throughputPerSecond="
				+ this.throughputPerSecond + ", enforceServiceWindow=" + this.enforceServiceWindow + ", pairBurst="
				+ this.pairBurst + "]";
	}

}
