package com.waplatform.webhook.preferences.domain;

import java.time.Instant;
import java.util.List;

import com.waplatform.common.inbound.UserPreference;
import com.waplatform.common.json.Json;
import com.waplatform.webhook.WebhookSamples;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UserPreferenceMappingTests {

	@Test
	void resumeOfMarketingMessages() {
		List<UserPreference> preferences = UserPreferenceMapping.map("org-1",
				WebhookSamples.realValue("david-lev__user_marketing_preferences__resume"));
		assertThat(preferences).singleElement().satisfies((preference) -> {
			assertThat(preference.organizationId()).isEqualTo("org-1");
			assertThat(preference.phoneNumberId()).isEqualTo("106540352242922");
			assertThat(preference.from()).isEqualTo("+16505551234");
			assertThat(preference.fromUserId()).isNull();
			assertThat(preference.category()).isEqualTo(UserPreference.MARKETING);
			assertThat(preference.value()).isEqualTo("resume");
			assertThat(preference.detail()).isEqualTo("User requested to resume marketing messages");
			assertThat(preference.at()).isEqualTo(Instant.ofEpochSecond(1731705721));
			assertThat(preference.resumesMarketing()).isTrue();
			assertThat(preference.key()).isEqualTo("106540352242922:+16505551234");
		});
	}

	@Test
	void signupIsKeptAsMetaSaidIt() {
		UserPreference signup = UserPreferenceMapping
			.map("org-1", WebhookSamples.realValue("david-lev__user_marketing_preferences__signup"))
			.get(0);
		assertThat(signup.value()).isEqualTo("signup");
		assertThat(signup.stopsMarketing()).isFalse();
		assertThat(signup.resumesMarketing()).isFalse();
	}

	@Test
	void stopByABusinessScopedUserAndTheSameChoiceHasTheSameEventId() {
		String value = """
				{"messaging_product":"whatsapp","metadata":{"phone_number_id":"pn-1"},
				"user_preferences":[{"user_id":"US.1","category":"marketing_messages","value":"stop",
				"timestamp":"1731705721"}]}""";
		UserPreference stop = UserPreferenceMapping.map("org-1", Json.mapper().readTree(value)).get(0);
		assertThat(stop.from()).isNull();
		assertThat(stop.fromUserId()).isEqualTo("US.1");
		assertThat(stop.stopsMarketing()).isTrue();
		assertThat(UserPreferenceMapping.map("org-1", Json.mapper().readTree(value)).get(0).eventId())
			.isEqualTo(stop.eventId());
	}

	@Test
	void itemsNamingNoCustomerAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> UserPreferenceMapping.map("org-1", Json.mapper()
				.readTree("{\"metadata\":{\"phone_number_id\":\"pn\"},\"user_preferences\":[{\"category\":\"c\","
						+ "\"value\":\"stop\",\"timestamp\":1}]}")))
			.withMessage("User preference names no customer: no 'wa_id' or 'user_id'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> UserPreferenceMapping.map("org-1", Json.mapper().readTree("{\"user_preferences\":[]}")))
			.withMessage("user_preferences change without 'metadata.phone_number_id'");
	}

}
