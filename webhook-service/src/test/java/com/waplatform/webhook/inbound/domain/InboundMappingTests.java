package com.waplatform.webhook.inbound.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.waplatform.common.inbound.InboundContent;
import com.waplatform.common.inbound.InboundContext;
import com.waplatform.common.inbound.InboundMessage;
import com.waplatform.common.json.Json;
import com.waplatform.common.message.ErrorInfo;
import com.waplatform.webhook.WebhookSamples;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Mapping of customers' messages to typed content, against real samples (ours in
 * {@code samples/}, other projects' in {@code webhooks-real/}), with exact values.
 */
class InboundMappingTests {

	@Test
	void text() {
		InboundMessage message = sample("spec_inbound_text");
		assertThat(message.organizationId()).isEqualTo("org-1");
		assertThat(message.phoneNumberId()).isEqualTo("106540352242922");
		assertThat(message.from()).isEqualTo("+16505551234");
		assertThat(message.fromUserId()).isNull();
		assertThat(message.profileName()).isEqualTo("Sheena Nelson");
		assertThat(message.wamid()).isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=");
		assertThat(message.type()).isEqualTo("text");
		assertThat(message.sentAt()).isEqualTo(Instant.ofEpochSecond(1749416383));
		assertThat(message.content()).isEqualTo(new InboundContent.Text("Does it come in another color?"));
		assertThat(message.text()).isEqualTo("Does it come in another color?");
		assertThat(message.payload()).isNull();
		assertThat(message.contextWamid()).isNull();
		assertThat(message.context()).isEqualTo(InboundContext.NONE);
		assertThat(message.key()).isEqualTo("106540352242922:+16505551234");
	}

	@Test
	void eventIdIsDerivedFromTheWamid() {
		assertThat(sample("spec_inbound_text").eventId()).isEqualTo(sample("spec_inbound_text").eventId())
			.isEqualTo(UUID.nameUUIDFromBytes(
					"inbound|wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=".getBytes()));
	}

	@Test
	void senderWithNumberAndUserIdKeepsBoth() {
		InboundMessage message = real("david-lev__callback_button__quick_reply_without_context");
		assertThat(message.from()).isEqualTo("+972987654321");
		assertThat(message.fromUserId()).isEqualTo("US.13491208655302741918");
		assertThat(message.customer()).isEqualTo("+972987654321");
		// the user id also comes from the sender's contact entry
		assertThat(real("david-lev__message__text").fromUserId()).isEqualTo("US.13491208655302741918");
	}

	@Test
	void senderKnownOnlyByABusinessScopedUserIdIsPublishedUnderIt() {
		InboundMessage message = real("netflie__a_notification_with_bsuid_only_and_no_from");
		assertThat(message.from()).isNull();
		assertThat(message.fromUserId()).isEqualTo("BSUID_123");
		assertThat(message.customer()).isEqualTo("BSUID_123");
		assertThat(message.profileName()).isEqualTo("NAME");
		assertThat(message.key()).isEqualTo("PHONE_NUMBER_ID:BSUID_123");

		InboundMessage fromUserId = map("""
				{"from_user_id":"US.13491208655302741918","id":"wamid.b","timestamp":"1700000000","type":"text",
				"text":{"body":"hi"}}""",
				"[{\"profile\":{\"name\":\"Ana\"},\"wa_id\":\"\",\"user_id\":\"US.13491208655302741918\"}]");
		assertThat(fromUserId.from()).isNull();
		assertThat(fromUserId.fromUserId()).isEqualTo("US.13491208655302741918");
		assertThat(fromUserId.profileName()).isEqualTo("Ana");
	}

	@Test
	void sendersThatAreNeitherNumbersNorUserIdsAreRefusedWithTheReason() {
		assertThatIllegalArgumentException().isThrownBy(() -> real("netflie__a_text_notification"))
			.withMessage("Inbound message wamid.ID: sender 'PHONE_NUMBER' is not a phone number");
		assertThatIllegalArgumentException().isThrownBy(() -> real("david-lev__deleted_message__revoke"))
			.withMessageContaining("'<WHATSAPP_USER_PHONE_NUMBER>' is not a phone number");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> map("{\"from_user_id\":\"<BSUID>\",\"id\":\"w\",\"timestamp\":\"1\",\"type\":\"text\","
					+ "\"text\":{\"body\":\"x\"}}", "[]"))
			.withMessageContaining("'<BSUID>' is not a business-scoped user id");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> map("{\"id\":\"w\",\"timestamp\":\"1\",\"type\":\"text\",\"text\":{\"body\":\"x\"}}", "[]"))
			.withMessageContaining("names no sender");
	}

	@Test
	void contactOfSomeoneElseGivesNoUserIdOrName() {
		// the sender is 16505551234, the only contact entry 972987654321
		InboundMessage message = real("david-lev__edited_message__image");
		assertThat(message.from()).isEqualTo("+16505551234");
		assertThat(message.fromUserId()).isNull();
		assertThat(message.profileName()).isNull();
	}

	@Test
	void media() {
		assertThat(real("david-lev__message__image").content()).isEqualTo(new InboundContent.Media("image", "65463453",
				"image/jpeg", "4654+8g=", null, null, false, false, null));
		assertThat(real("david-lev__message__media_with_url").content()).isEqualTo(new InboundContent.Media("image",
				"65463453", "image/jpeg", "4654+8g=", null, null, false, false,
				"https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=65463453&source=webhook&ext=487r9re&hash=heiwchueowbcew-dnedcw"));
		InboundMessage video = real("david-lev__message__video");
		assertThat(video.content()).isEqualTo(new InboundContent.Media("video", "765756756", "video/mp4",
				"Jh+2ij6PzUv/J2y+grrtegr/ZMzRxkEPwc24Oyib4s03w9Jc=", "caption", null, false, false, null));
		assertThat(video.text()).isEqualTo("caption");
		assertThat(video.context().forwarded()).isTrue();
		assertThat(real("david-lev__message__voice").content())
			.isEqualTo(new InboundContent.Media("audio", "1234567890987654321", "audio/ogg; codecs=opus",
					"m04pFf2ERdaopTyFkGPA0+bX3i+YY2dYgVFwOgDLSDI=", null, null, true, false, null));
		assertThat(real("Bindambc__documentMessage").content())
			.isEqualTo(new InboundContent.Media("document", "848704520347750", "application/pdf",
					"mu/J5jGsroQM3Tbn4c6StBJG4C4glbTi8gT4jhRHSt0=", null, "4_641947.pdf", false, false, null));
		assertThat(real("david-lev__message__animated_sticker").content())
			.isEqualTo(new InboundContent.Media("sticker", "1234567890987654321", "image/webp",
					"HcwyCKrTKXHk0a00ms4HWIA76GY0Du6q4Z/iuwevw=", null, null, false, true, null));
		assertThat(((InboundContent.Media) real("david-lev__message__static_sticker").content()).animated()).isFalse();
	}

	@Test
	void location() {
		assertThat(real("david-lev__message__chosen_location").content())
			.isEqualTo(new InboundContent.Location(37.4611978, -122.2164385, "Facebook HQ",
					"1 Hacker Way, Menlo Park, CA 94025", "https://maps.google.com/?cid=2000000000000000000"));
		assertThat(real("david-lev__message__current_location").content())
			.isEqualTo(new InboundContent.Location(12.25089, 43.90539, null, null, null));
	}

	@Test
	void contacts() {
		InboundContent.Contacts contacts = (InboundContent.Contacts) real("david-lev__message__contacts").content();
		assertThat(contacts.cards()).hasSize(3);
		assertThat(contacts.cards().get(0)).isEqualTo(new InboundContent.ContactCard("Chandler Bing",
				List.of(new InboundContent.ContactPhone("+1 555-555-5555", "972987654321", "CELL")), List.of(), null));
		InboundContent.ContactCard full = ((InboundContent.Contacts) InboundContents.of("contacts",
				WebhookSamples.realValue("netflie__a_contact_notification").path("messages").get(0)))
			.cards()
			.get(0);
		assertThat(full).isEqualTo(new InboundContent.ContactCard("CONTACT_FORMATTED_NAME",
				List.of(new InboundContent.ContactPhone("CONTACT_PHONE", "CONTACT_WA_ID", "HOME or WORK>")),
				List.of("CONTACT_EMAIL"), "CONTACT_ORG_COMPANY"));
	}

	@Test
	void interactiveReplies() {
		InboundMessage button = real("david-lev__callback_button__button");
		assertThat(button.content())
			.isEqualTo(new InboundContent.Reply("button_reply", "callback_data", "title", null, null));
		assertThat(button.text()).isEqualTo("title");
		assertThat(button.payload()).isEqualTo("callback_data");
		assertThat(button.contextWamid()).isEqualTo("wamid.xyzxyz");
		assertThat(button.context().repliedToFrom()).isEqualTo("1122334455667");
		assertThat(real("david-lev__callback_selection__description").content())
			.isEqualTo(new InboundContent.Reply("list_reply", "callback_data", "title", "description", null));
		InboundMessage flow = real("david-lev__flow_completion__completion");
		assertThat(flow.content()).isEqualTo(new InboundContent.Reply("nfm_reply", null, "Sent", null,
				"{\"comment_text\":\"Comment Text\",\"delivery_rating\":\"4\",\"flow_token\":\"AQAAAAACS5FpgQ_cAAAAAD0QI3s.\","
						+ "\"purchase_rating\":\"2\",\"recommend_radio\":\"0\",\"cs_rating\":\"0\"}"));
		assertThat(flow.payload()).startsWith("{\"comment_text\"");
		// an interactive reply this platform does not know is kept under its name
		assertThat(real("david-lev__call_permission_update__accept").content())
			.isEqualTo(new InboundContent.Unsupported("call_permission_reply", List.of()));
	}

	@Test
	void templateQuickReplyButton() {
		InboundMessage message = real("Bindambc__buttonMessage");
		assertThat(message.type()).isEqualTo("button");
		assertThat(message.content()).isEqualTo(new InboundContent.Reply("button", "SIM", "SIM", null, null));
		assertThat(message.text()).isEqualTo("SIM");
		assertThat(message.payload()).isEqualTo("SIM");
		assertThat(message.from()).isEqualTo("+1111111111111");
		assertThat(message.profileName()).isEqualTo("Mauricio Binda");
	}

	@Test
	void reactionAndItsRemoval() {
		InboundMessage reaction = real("david-lev__message__reaction");
		assertThat(reaction.content()).isEqualTo(new InboundContent.Reaction("wamid.yzxyzx=", "😮"));
		assertThat(reaction.contextWamid()).isEqualTo("wamid.yzxyzx=");
		InboundMessage removed = real("david-lev__message__unreaction_no_emoji");
		assertThat(removed.content()).isEqualTo(new InboundContent.Reaction("wamid.yzxyzx=", null));
		assertThat(((InboundContent.Reaction) removed.content()).removed()).isTrue();
		assertThat(removed.text()).isNull();
		assertThat(((InboundContent.Reaction) sample("pywa_inbound_reaction_removed").content()).removed()).isTrue();
	}

	@Test
	void order() {
		assertThat(real("david-lev__message__order").content())
			.isEqualTo(new InboundContent.Order("354160437058781", null,
					List.of(new InboundContent.OrderItem("HAMBURGER", 3, "30", "ILS"),
							new InboundContent.OrderItem("FRENCH_FRIES", 2, "35", "ILS"),
							new InboundContent.OrderItem("SODA", 2, "10", "ILS"))));
	}

	@Test
	void systemNotices() {
		InboundMessage changed = real("david-lev__system__phone_number_change");
		assertThat(changed.content()).isEqualTo(new InboundContent.SystemNotice("user_changed_number",
				"User A changed from 972987654321 to 972912345678", "+972912345678", null));
		assertThat(changed.profileName()).isNull();
		assertThat(real("david-lev__system__identity_change").content()).isEqualTo(
				new InboundContent.SystemNotice("customer_identity_changed", "User identity changed", null, "xyzxyz"));
	}

	@Test
	void editCarriesTheEditedContent() {
		InboundMessage edit = real("david-lev__edited_message__image");
		assertThat(edit.type()).isEqualTo("edit");
		assertThat(edit.content())
			.isEqualTo(new InboundContent.Edit("wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=",
					new InboundContent.Media("image", "1234567890", "image/jpeg", "a1b2c3d4e5f6...",
							"Updated image caption", null, false, false,
							"https://media.example.com/updated-image.jpg")));
		assertThat(edit.text()).isEqualTo("Updated image caption");
	}

	@Test
	void revoke() {
		InboundMessage revoke = map("""
				{"from":"972987654321","id":"wamid.r","timestamp":"1697043223","type":"revoke",
				"revoke":{"original_message_id":"wamid.original"}}""", "[]");
		assertThat(revoke.content()).isEqualTo(new InboundContent.Revoke("wamid.original"));
		assertThatIllegalArgumentException().isThrownBy(() -> map("""
				{"from":"972987654321","id":"wamid.r","timestamp":"1697043223","type":"revoke","revoke":{}}""", "[]"))
			.withMessage("Inbound message wamid.r: Revoke without 'original_message_id'");
	}

	@Test
	void unsupportedAndUnknownTypesAreKeptWithMetasErrors() {
		ErrorInfo unsupported = new ErrorInfo(131051, "Message type unknown",
				"Message type is currently not supported.");
		assertThat(real("david-lev__message__unsupported").content())
			.isEqualTo(new InboundContent.Unsupported("unsupported", List.of(unsupported)));
		assertThat(real("david-lev__message__unsupported_with_type").content())
			.isEqualTo(new InboundContent.Unsupported("pool", List.of(unsupported)));
		assertThat(real("dgadelha__unsupported-message").content())
			.isEqualTo(new InboundContent.Unsupported("poll_update", List.of(unsupported)));
		InboundMessage future = map("""
				{"from":"972987654321","id":"wamid.f","timestamp":"1697043223","type":"hologram",
				"hologram":{"id":"1"}}""", "[]");
		assertThat(future.type()).isEqualTo("hologram");
		assertThat(future.content()).isEqualTo(new InboundContent.Unsupported("hologram", List.of()));
	}

	@Test
	void contextAndAdReferral() {
		InboundMessage message = real("dgadelha__referral-message");
		assertThat(message.content()).isEqualTo(new InboundContent.Text("Is this still available?"));
		assertThat(message.context().referral()).isEqualTo(new InboundContext.Referral("https://fb.me/2Ax9kLm",
				"120210000000000000", "ad", "Autumn sale, 30% off", "Message us to reserve yours.", "image",
				"https://scontent.example/ad-image.jpg", "https://scontent.example/ad-video.mp4",
				"https://scontent.example/ad-thumb.jpg", "ARAxYzc1YzExMS0yNTIyLTQ4ZmEtYmM3Ng"));
		assertThat(real("david-lev__message__forwarded_many_times").context())
			.isEqualTo(new InboundContext(null, null, false, true, null, null));

		// a numeric timestamp (as in this library's fixture) is the same instant
		InboundMessage everything = real("netflie__a_notification");
		assertThat(everything.sentAt()).isEqualTo(Instant.ofEpochSecond(1669233778));
		assertThat(everything.context().repliedTo()).isEqualTo("wamid.ID");
		assertThat(everything.context().repliedToFrom()).isEqualTo("PHONE_NUMBER");
		assertThat(everything.context().forwarded()).isTrue();
		assertThat(everything.context().frequentlyForwarded()).isTrue();
		assertThat(everything.context().referredProduct())
			.isEqualTo(new InboundContext.ReferredProduct("CATALOG_ID", "PRODUCT_ID"));
		assertThat(everything.context().referral().ctwaClid()).isNull();
		assertThat(everything.context().referral().sourceType()).isEqualTo("ad or post");
	}

	@Test
	void malformedBodiesAreRefusedWithTheReason() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> map("{\"from\":\"14155550123\",\"timestamp\":\"1\",\"type\":\"text\"}", "[]"))
			.withMessage("Inbound message without 'id' or 'type'");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> map("{\"from\":\"14155550123\",\"id\":\"w\",\"timestamp\":\"1\",\"type\":\"image\"}", "[]"))
			.withMessage("Inbound message w: 'image' message without its 'image' object");
		assertThatIllegalArgumentException().isThrownBy(() -> real("netflie__a_location_notification"))
			.withMessageContaining("is not a phone number");
		assertThatIllegalArgumentException().isThrownBy(() -> map("""
				{"from":"14155550123","id":"w","timestamp":"1","type":"location",
				"location":{"latitude":"LOCATION_LATITUDE","longitude":1}}""", "[]"))
			.withMessage("Inbound message w: Location 'latitude' is not a number: \"LOCATION_LATITUDE\"");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> map("{\"from\":\"14155550123\",\"id\":\"w\",\"timestamp\":\"soon\",\"type\":\"text\","
					+ "\"text\":{\"body\":\"x\"}}", "[]"))
			.withMessage("Inbound message w timestamp is not epoch seconds: 'soon'");
	}

	private static InboundMessage sample(String name) {
		return only(WebhookSamples.payload(name).entry().get(0).changes().get(0).value());
	}

	private static InboundMessage real(String name) {
		return only(WebhookSamples.realValue(name));
	}

	private static InboundMessage only(JsonNode value) {
		assertThat(value.path("messages").size()).isEqualTo(1);
		return InboundMapping.map("org-1", value.path("metadata").path("phone_number_id").stringValue(),
				value.path("contacts"), value.path("messages").get(0));
	}

	private static InboundMessage map(String message, String contacts) {
		return InboundMapping.map("org-1", "pn-1", Json.mapper().readTree(contacts), Json.mapper().readTree(message));
	}

}
