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
	}

}
