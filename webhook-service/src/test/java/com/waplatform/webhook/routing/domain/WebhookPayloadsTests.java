package com.waplatform.webhook.routing.domain;

import com.waplatform.common.meta.WebhookPayload;
import com.waplatform.webhook.WebhookSamples;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebhookPayloadsTests {

	@Test
	void readsTheEnvelopeOfAnyField() {
		WebhookPayload payload = WebhookSamples.payload("pywa_template_status_update_approved");
		assertThat(payload.entry()).singleElement().satisfies((entry) -> {
			assertThat(entry.id()).isEqualTo("102290129340398");
			assertThat(entry.changes()).extracting(WebhookPayload.Change::field)
				.containsExactly("message_template_status_update");
		});
	}

	@Test
	void unparseablePayloadsAreInvalid() {
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookPayloads.parse("{not json"))
			.withMessageStartingWith("Unparseable webhook payload");
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookPayloads.parse("null"));
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookPayloads.parse("{\"object\":\"x\"}"))
			.withMessageContaining("'entry'");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> WebhookPayloads.parse("{\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\"}]}]}"))
			.withMessageContaining("'value'");
	}

	@Test
	void customerNumbersBecomeE164() {
		assertThat(CustomerNumbers.e164("16505551234")).isEqualTo("+16505551234");
		assertThat(CustomerNumbers.e164("+16505551234")).isEqualTo("+16505551234");
		assertThat(CustomerNumbers.e164("")).isNull();
		assertThat(CustomerNumbers.e164(null)).isNull();
		// Meta's id is authoritative: digits libphonenumber does not know are kept
		assertThat(CustomerNumbers.e164("1111111111111")).isEqualTo("+1111111111111");
	}

	@Test
	void textThatIsNoPhoneNumberIsRefusedOrDroppedWhereItOnlyInforms() {
		assertThatIllegalArgumentException().isThrownBy(() -> CustomerNumbers.e164("PHONE_NUMBER"))
			.withMessage("'PHONE_NUMBER' is not a phone number");
		assertThatIllegalArgumentException().isThrownBy(() -> CustomerNumbers.e164("12345"));
		assertThatIllegalArgumentException().isThrownBy(() -> CustomerNumbers.e164("1234567890123456"));
		assertThat(CustomerNumbers.phoneOrNull("fowefinoewcnw")).isNull();
		assertThat(CustomerNumbers.phoneOrNull("972987654321")).isEqualTo("+972987654321");
	}

	@Test
	void businessScopedUserIds() {
		assertThat(UserIds.of("US.13491208655302741918")).isEqualTo("US.13491208655302741918");
		assertThat(UserIds.of("user." + "ab12".repeat(16))).isEqualTo("user." + "ab12".repeat(16));
		assertThat(UserIds.of(" ")).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> UserIds.of("<BSUID>"))
			.withMessage("'<BSUID>' is not a business-scoped user id");
		assertThatIllegalArgumentException().isThrownBy(() -> UserIds.of("US 1"));
	}

	@Test
	void numericTimestampsAreReadAsTheSameInstant() {
		// Meta's messages carry strings, its user_preferences numbers
		WebhookPayload.MessagesValue value = WebhookPayloads.value(
				WebhookSamples.payload("pywa_status_read").entry().get(0).changes().get(0),
				WebhookPayload.MessagesValue.class);
		assertThat(value.statuses()).isNotEmpty();
		assertThat(
				MetaTimestamps.epochSeconds(tools.jackson.databind.node.JsonNodeFactory.instance.numberNode(17L), "x"))
			.isEqualTo(java.time.Instant.ofEpochSecond(17));
		assertThat(WebhookPayloads
			.value(WebhookPayloads.parse(WebhookSamples.realRaw("netflie__a_notification"))
				.entry()
				.get(0)
				.changes()
				.get(0), WebhookPayload.MessagesValue.class)
			.messages()
			.get(0)
			.timestamp()).isEqualTo("1669233778");
	}

}
