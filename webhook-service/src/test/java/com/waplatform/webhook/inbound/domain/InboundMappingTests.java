package com.waplatform.webhook.inbound.domain;

import java.time.Instant;
import java.util.UUID;

import com.waplatform.common.inbound.InboundMessage;
import com.waplatform.common.meta.WebhookPayload;
import com.waplatform.webhook.WebhookSamples;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Mapping of customers' messages, against real samples. */
class InboundMappingTests {

	@Test
	void text() {
		InboundMessage message = only("spec_inbound_text");
		assertThat(message.organizationId()).isEqualTo("org-1");
		assertThat(message.phoneNumberId()).isEqualTo("106540352242922");
		assertThat(message.from()).isEqualTo("+16505551234");
		assertThat(message.profileName()).isEqualTo("Sheena Nelson");
		assertThat(message.wamid()).isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=");
		assertThat(message.type()).isEqualTo("text");
		assertThat(message.sentAt()).isEqualTo(Instant.ofEpochSecond(1749416383));
		assertThat(message.text()).isEqualTo("Does it come in another color?");
		assertThat(message.payload()).isNull();
		assertThat(message.contextWamid()).isNull();
		assertThat(message.key()).isEqualTo("106540352242922:+16505551234");
	}

	@Test
	void eventIdIsDerivedFromTheWamid() {
		assertThat(only("spec_inbound_text").eventId()).isEqualTo(only("spec_inbound_text").eventId())
			.isEqualTo(UUID.nameUUIDFromBytes(
					"inbound|wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=".getBytes()));
	}

	@Test
	void interactiveButtonReply() {
		InboundMessage message = only("spec_inbound_interactive_button_reply");
		assertThat(message.type()).isEqualTo("interactive");
		assertThat(message.text()).isEqualTo("Cancel");
		assertThat(message.payload()).isEqualTo("cancel-button");
		assertThat(message.contextWamid()).isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MEM2RUJFNkI0RENGQTVDRjUA");
	}

	@Test
	void interactiveListReply() {
		InboundMessage message = only("spec_inbound_interactive_list_reply");
		assertThat(message.text()).isEqualTo("Priority Mail Express");
		assertThat(message.payload()).isEqualTo("priority_express");
	}

	@Test
	void templateQuickReplyButton() {
		InboundMessage message = only("pywa_inbound_button_quick_reply");
		assertThat(message.type()).isEqualTo("button");
		assertThat(message.text()).isEqualTo("title");
		assertThat(message.payload()).isEqualTo("callback_data");
		assertThat(message.contextWamid()).isEqualTo("wamid.xyzxyz==");
		assertThat(message.from()).isEqualTo("+972987654321");
		assertThat(message.profileName()).isEqualTo("Test Name");
	}

	@Test
	void removedReactionRefersToTheReactedMessage() {
		InboundMessage message = only("pywa_inbound_reaction_removed");
		assertThat(message.type()).isEqualTo("reaction");
		assertThat(message.text()).isNull();
		assertThat(message.contextWamid()).isEqualTo("wamid.yzxyzx=");
	}

	@Test
	void imageCaption() {
		InboundMessage message = only("spec_inbound_image");
		assertThat(message.type()).isEqualTo("image");
		assertThat(message.text()).isEqualTo("Taj Mahal");
	}

	@Test
	void messagesWithoutASenderNumberAreSkipped() {
		WebhookPayload.InboundMessageDto message = new WebhookPayload.InboundMessageDto(null, "wamid.1", "1700000000",
				"text", new WebhookPayload.TextBody("hi"), null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null, null, null, null);
		assertThat(InboundMapping.map("org-1", "pn-1", null, message)).isEmpty();
	}

	@Test
	void messagesWithoutIdAreInvalid() {
		WebhookPayload.InboundMessageDto message = new WebhookPayload.InboundMessageDto("14155550123", null,
				"1700000000", "text", null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null, null);
		assertThatIllegalArgumentException().isThrownBy(() -> InboundMapping.map("org-1", "pn-1", null, message));
	}

	private static InboundMessage only(String sample) {
		WebhookPayload.MessagesValue value = WebhookSamples.messagesValue(sample);
		assertThat(value.messages()).hasSize(1);
		return InboundMapping.map("org-1", value.metadata().phoneNumberId(), value.contacts(), value.messages().get(0))
			.orElseThrow();
	}

}
