package com.waplatform.webhook.health.domain;

import java.util.List;
import java.util.UUID;

import com.waplatform.common.account.NumberHealth;
import com.waplatform.common.json.Json;
import com.waplatform.webhook.WebhookSamples;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

class AccountHealthMappingTests {

	private static final UUID WEBHOOK = UUID.fromString("00000000-0000-0000-0000-000000000001");

	@Test
	void qualityUpdateGivesQualityAndMessagingLimit() {
		List<NumberHealth> facts = map("phone_number_quality_update",
				"{\"display_phone_number\":\"16505551111\",\"event\":\"FLAGGED\",\"current_limit\":\"TIER_10K\"}");
		assertThat(facts).extracting(NumberHealth::aspect, NumberHealth::value, NumberHealth::displayPhoneNumber)
			.containsExactly(tuple(NumberHealth.QUALITY, "FLAGGED", "16505551111"),
					tuple(NumberHealth.MESSAGING_LIMIT, "TIER_10K", "16505551111"));
		assertThat(facts.get(0).organizationId()).isEqualTo("org-1");
		assertThat(facts.get(0).wabaId()).isEqualTo("waba-1");
		assertThat(facts.get(0).key()).isEqualTo("health:waba-1:16505551111:quality");
	}

	@Test
	void throughputUpgrade() {
		List<NumberHealth> facts = map("phone_number_quality_update", "{\"display_phone_number\":\"15550783881\","
				+ "\"event\":\"THROUGHPUT_UPGRADE\",\"current_limit\":\"TIER_UNLIMITED\",\"old_limit\":\"TIER_100K\"}");
		assertThat(facts).extracting(NumberHealth::aspect, NumberHealth::value, NumberHealth::detail)
			.containsExactly(tuple(NumberHealth.QUALITY, "THROUGHPUT_UPGRADE", null),
					tuple(NumberHealth.MESSAGING_LIMIT, "TIER_UNLIMITED", "old_limit=TIER_100K"),
					tuple(NumberHealth.THROUGHPUT, "HIGH", "THROUGHPUT_UPGRADE"));
	}

	@Test
	void nameDecisionWithTheRejectionReason() {
		assertThat(map("phone_number_name_update", "{\"display_phone_number\":\"16505551111\",\"decision\":"
				+ "\"REJECTED\",\"requested_verified_name\":\"WhatsApp\",\"rejection_reason\":\"NAME_FORMAT\"}"))
			.extracting(NumberHealth::aspect, NumberHealth::value, NumberHealth::detail)
			.containsExactly(tuple(NumberHealth.NAME_STATUS, "REJECTED", "NAME_FORMAT"));
		assertThat(map("phone_number_name_update",
				"{\"display_phone_number\":\"16505551111\",\"decision\":" + "\"APPROVED\",\"rejection_reason\":null}"))
			.extracting(NumberHealth::detail)
			.containsExactly((String) null);
	}

	@Test
	void businessCapability() {
		assertThat(map("business_capability_update",
				"{\"max_daily_conversation_per_phone\":1000,\"max_phone_numbers_per_business\":25}"))
			.extracting(NumberHealth::aspect, NumberHealth::value, NumberHealth::detail,
					NumberHealth::displayPhoneNumber)
			.containsExactly(
					tuple(NumberHealth.DAILY_CONVERSATIONS, "1000", "max_phone_numbers_per_business=25", null));
		assertThat(map("business_capability_update", "{\"max_phone_numbers_per_business\":25}")).isEmpty();
	}

	@Test
	void accountUpdatesWithTheirInfoAsDetail() {
		NumberHealth restriction = map("account_update", WebhookSamples.realValue("dgadelha__account-restriction"))
			.get(0);
		assertThat(restriction.aspect()).isEqualTo(NumberHealth.ACCOUNT_STATUS);
		assertThat(restriction.value()).isEqualTo("ACCOUNT_RESTRICTION");
		assertThat(restriction.displayPhoneNumber()).isNull();
		assertThat(restriction.detail()).isEqualTo("{\"restriction_info\":[{\"restriction_type\":"
				+ "\"RESTRICTED_BIZ_INITIATED_MESSAGING\",\"expiration\":\"1748540794\"}]}");
		assertThat(map("account_update", WebhookSamples.realValue("david-lev__account_update__account_disabled")))
			.extracting(NumberHealth::value, NumberHealth::detail)
			.containsExactly(tuple("DISABLED_UPDATE",
					"{\"ban_info\":{\"waba_ban_state\":\"REINSTATE\",\"waba_ban_date\":\"April 17, 2025\"}}"));
		NumberHealth verified = map("account_update", WebhookSamples.realValue("dgadelha__account-update")).get(0);
		assertThat(verified.value()).isEqualTo("VERIFIED_ACCOUNT");
		assertThat(verified.displayPhoneNumber()).isEqualTo("15550783881");
		assertThat(verified.detail()).isNull();
		assertThat(map("account_update",
				"{\"event\":\"ACCOUNT_VIOLATION\",\"violation_info\":" + "{\"violation_type\":\"ADULT\"}}"))
			.extracting(NumberHealth::detail)
			.containsExactly("{\"violation_info\":{\"violation_type\":\"ADULT\"}}");
	}

	@Test
	void informationalAccountEventsAreNoHealthFacts() {
		assertThat(map("account_update", WebhookSamples.realValue("david-lev__account_update__partner_added")))
			.isEmpty();
		assertThat(map("account_update", WebhookSamples.realValue("david-lev__account_update__pricing_tiering_update")))
			.isEmpty();
	}

	@Test
	void sameWebhookSameEventIds() {
		String value = "{\"display_phone_number\":\"16505551111\",\"event\":\"FLAGGED\",\"current_limit\":\"TIER_1K\"}";
		assertThat(map("phone_number_quality_update", value)).extracting(NumberHealth::eventId)
			.isEqualTo(map("phone_number_quality_update", value).stream().map(NumberHealth::eventId).toList())
			.doesNotHaveDuplicates();
	}

	@Test
	void malformedValuesAreRefusedWithTheReason() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> map("account_update", WebhookSamples.realValue("Bindambc__accountRestricted")))
			.withMessage("account_update: '<PHONE_NUMBER>' is not a phone number");
		assertThatIllegalArgumentException().isThrownBy(() -> map("account_update", "{\"phone_number\":\"1555\"}"))
			.withMessageContaining("is not a phone number");
		assertThatIllegalArgumentException().isThrownBy(() -> map("account_update", "{}"))
			.withMessage("account_update without 'event'");
		assertThatIllegalArgumentException().isThrownBy(() -> map("phone_number_name_update", "{}"))
			.withMessage("phone_number_name_update without 'decision'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> map("phone_number_quality_update", "{\"display_phone_number\":\"16505551111\"}"))
			.withMessage("phone_number_quality_update without 'event' or 'current_limit'");
	}

	private static List<NumberHealth> map(String field, String value) {
		return map(field, Json.mapper().readTree(value));
	}

	private static List<NumberHealth> map(String field, JsonNode value) {
		return AccountHealthMapping.map(WEBHOOK, "org-1", "waba-1", field, value);
	}

}
