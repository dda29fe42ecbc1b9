package com.waplatform.gateway.admin;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Bodies of the admin API. */
final class AdminRequests {

	private AdminRequests() {
	}

	/**
	 * @param appSecret the Meta app secret that signs this organization's webhooks
	 * @param languageFallbacks template language fallbacks, e.g. {@code {"en": "en_US"}}
	 */
	record CreateOrganization(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 500) String appSecret,
			@Nullable Map<String, String> languageFallbacks) {
	}

	/**
	 * @param languageFallbacks replaces the organization's template language fallbacks
	 * ({@code {}} removes them all); unchanged when absent
	 */
	record UpdateOrganization(@Nullable Map<String, String> languageFallbacks) {
	}

	/**
	 * @param throughputPerSecond Meta's messages-per-second limit of the number (80 when
	 * absent)
	 * @param defaultNumber whether the number sends the messages that name no
	 * {@code from}
	 */
	record ConfigurePhoneNumber(@NotBlank @Size(max = 64) String phoneNumberId, @NotBlank @Size(max = 64) String wabaId,
			@NotBlank @Size(max = 32) String displayPhoneNumber, @NotBlank @Size(max = 4096) String accessToken,
			@Nullable @Min(1) @Max(10_000) Integer throughputPerSecond,
			@JsonProperty("default") @Nullable Boolean defaultNumber) {

		static final int DEFAULT_THROUGHPUT = 80;

		int throughput() {
			return (this.throughputPerSecond != null) ? this.throughputPerSecond : DEFAULT_THROUGHPUT;
		}

		boolean isDefault() {
			return Boolean.TRUE.equals(this.defaultNumber);
		}

	}

	/**
	 * @param key a key chosen by the operator (e.g. a fixed key for a local stack); it
	 * must have the shape and entropy of a generated one, because keys are stored with a
	 * fast hash
	 */
	record IssueKey(@Nullable @Pattern(regexp = "wak_[A-Za-z0-9_-]{43}",
			message = "must be wak_ followed by 43 Base64url characters (32 random bytes)") String key) {
	}

}
