package com.waplatform.gateway.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.waplatform.common.account.OrganizationSettings;
import com.waplatform.gateway.admin.domain.ConversationSettingsWriter;
import com.waplatform.gateway.admin.domain.SettingsRequestReader;
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
			Settings settings, List<PhoneNumber> phoneNumbers, List<ApiKey> apiKeys) {
	}

	/**
	 * An organization's messaging settings, exactly the body {@code PUT .../settings}
	 * takes ({@code quietHours} and {@code timeZone} are {@code null} when not set).
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record Settings(boolean automationEnabled, boolean marketingEnabled, @Nullable QuietHours quietHours,
			@Nullable String timeZone, Map<String, Object> conversations) {

		static Settings of(OrganizationSettings settings) {
			com.waplatform.common.account.QuietHours hours = settings.quietHours();
			return new Settings(settings.automationEnabled(), settings.marketingEnabled(),
					(hours != null) ? new QuietHours(SettingsRequestReader.format(hours.start()),
							SettingsRequestReader.format(hours.end())) : null,
					settings.timeZone(), ConversationSettingsWriter.write(settings.conversations()));
		}

	}

	/** Local times of day as {@code HH:mm}. */
	record QuietHours(String start, String end) {
	}

}
