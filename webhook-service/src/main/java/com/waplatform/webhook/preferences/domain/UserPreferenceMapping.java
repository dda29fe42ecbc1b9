package com.waplatform.webhook.preferences.domain;

import java.util.List;

import com.waplatform.common.inbound.UserPreference;
import com.waplatform.webhook.routing.domain.CustomerNumbers;
import com.waplatform.webhook.routing.domain.JsonFields;
import com.waplatform.webhook.routing.domain.MetaTimestamps;
import com.waplatform.webhook.routing.domain.UserIds;
import tools.jackson.databind.JsonNode;

/**
 * Meta's {@code user_preferences} webhook: one {@link UserPreference} per element of
 * {@code value.user_preferences} (a customer stopped, resumed or signed up for marketing
 * messages in WhatsApp itself). The customer is {@code wa_id} (E.164) and/or
 * {@code user_id} (a business-scoped user id); an element naming neither, a {@code wa_id}
 * that is no phone number, or one without {@code category}, {@code value} or a readable
 * {@code timestamp} is an {@link IllegalArgumentException}.
 */
public final class UserPreferenceMapping {

	private UserPreferenceMapping() {
	}

	public static List<UserPreference> map(String organizationId, JsonNode value) {
		String phoneNumberId = JsonFields.text(value.path("metadata"), "phone_number_id");
		if (phoneNumberId == null) {
			throw new IllegalArgumentException("user_preferences change without 'metadata.phone_number_id'");
		}
		if (!value.path("user_preferences").isArray()) {
			throw new IllegalArgumentException("user_preferences change without its 'user_preferences' list");
		}
		return JsonFields.array(value, "user_preferences")
			.stream()
			.map((item) -> preference(organizationId, phoneNumberId, item))
			.toList();
	}

	private static UserPreference preference(String organizationId, String phoneNumberId, JsonNode item) {
		String what = "User preference";
		String from;
		String userId;
		try {
			from = CustomerNumbers.e164(JsonFields.text(item, "wa_id"));
			userId = UserIds.of(JsonFields.text(item, "user_id"));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(what + ": customer " + ex.getMessage(), ex);
		}
		if (from == null && userId == null) {
			throw new IllegalArgumentException(what + " names no customer: no 'wa_id' or 'user_id'");
		}
		return UserPreference.of(organizationId, phoneNumberId, from, userId,
				JsonFields.required(item, "category", what), JsonFields.required(item, "value", what),
				JsonFields.text(item, "detail"), MetaTimestamps.epochSeconds(item.path("timestamp"), what));
	}

}
