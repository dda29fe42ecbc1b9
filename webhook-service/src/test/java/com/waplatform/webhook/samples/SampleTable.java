package com.waplatform.webhook.samples;

import java.util.LinkedHashMap;
import java.util.Map;

import com.waplatform.common.inbound.InboundContent;
import com.waplatform.common.message.MessageStatus;

import static com.waplatform.webhook.samples.Expected.health;
import static com.waplatform.webhook.samples.Expected.ignored;
import static com.waplatform.webhook.samples.Expected.inbound;
import static com.waplatform.webhook.samples.Expected.informational;
import static com.waplatform.webhook.samples.Expected.preference;
import static com.waplatform.webhook.samples.Expected.refused;
import static com.waplatform.webhook.samples.Expected.status;
import static com.waplatform.webhook.samples.Expected.template;
import static com.waplatform.webhook.samples.Expected.untracked;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One row per file of {@code src/test/resources/webhooks-real/}: what the service does
 * with it. The refused ones are the files whose sender or number is a placeholder of the
 * library that wrote them ({@code PHONE_NUMBER}, {@code <WHATSAPP_USER_PHONE_NUMBER>}) or
 * whose JSON is broken: never a customer key, never an unhandled error.
 */
final class SampleTable {

	static final String NOT_A_PHONE = "is not a phone number";

	static final Map<String, Expected> ROWS = new LinkedHashMap<>();

	private static final Class<InboundContent.Text> TEXT = InboundContent.Text.class;

	private static final Class<InboundContent.Media> MEDIA = InboundContent.Media.class;

	private static final Class<InboundContent.Reply> REPLY = InboundContent.Reply.class;

	private static final Class<InboundContent.Unsupported> UNSUPPORTED = InboundContent.Unsupported.class;

	private static final String ACCOUNT = "account_status";

	static {
		// pywa (david-lev): account updates
		row("david-lev__account_update__account_deleted", health(ACCOUNT, "ACCOUNT_DELETED"));
		row("david-lev__account_update__account_disabled", health(ACCOUNT, "DISABLED_UPDATE"));
		row("david-lev__account_update__account_offboarded", health(ACCOUNT, "ACCOUNT_OFFBOARDED"));
		row("david-lev__account_update__account_reconnected", health(ACCOUNT, "ACCOUNT_RECONNECTED"));
		row("david-lev__account_update__ad_account_linked", informational());
		row("david-lev__account_update__authentication_international_eligibility", informational());
		row("david-lev__account_update__mm_api_for_wa_terms_of_service", informational());
		row("david-lev__account_update__partner_added", informational());
		row("david-lev__account_update__partner_app_installed", informational());
		row("david-lev__account_update__partner_app_uninstalled", health(ACCOUNT, "PARTNER_APP_UNINSTALLED"));
		row("david-lev__account_update__partner_led_business_verification_status", informational());
		row("david-lev__account_update__partner_removed", health(ACCOUNT, "PARTNER_REMOVED"));
		row("david-lev__account_update__partner_removed_wa_app_disconnection", health(ACCOUNT, "PARTNER_REMOVED"));
		row("david-lev__account_update__pricing_tiering_update", informational());
		row("david-lev__account_update__primary_business_location_set", informational());
		// pywa: calls, and the customer's answer to a call permission request
		row("david-lev__call_connect__business_initiated", ignored("calls"));
		row("david-lev__call_connect__user_initiated", ignored("calls"));
		row("david-lev__call_permission_update__accept",
				inbound("interactive", UNSUPPORTED,
						(m) -> assertThat(((InboundContent.Unsupported) m.content()).messageType())
							.isEqualTo("call_permission_reply")));
		row("david-lev__call_permission_update__reject", inbound("interactive", UNSUPPORTED));
		row("david-lev__call_status__call_status", ignored("calls"));
		row("david-lev__call_terminate__call_terminate", ignored("calls"));
		// pywa: customers' messages
		row("david-lev__callback_button__button", inbound("interactive", REPLY,
				(m) -> assertThat(((InboundContent.Reply) m.content()).replyKind()).isEqualTo("button_reply")));
		row("david-lev__callback_button__quick_reply_without_context",
				inbound("button", REPLY, (m) -> assertThat(m.fromUserId()).isEqualTo("US.13491208655302741918")));
		row("david-lev__callback_selection__callback", inbound("interactive", REPLY));
		row("david-lev__callback_selection__description", inbound("interactive", REPLY,
				(m) -> assertThat(((InboundContent.Reply) m.content()).description()).isEqualTo("description")));
		row("david-lev__deleted_message__revoke", refused("'<WHATSAPP_USER_PHONE_NUMBER>' " + NOT_A_PHONE));
		row("david-lev__edited_message__image", inbound("edit", InboundContent.Edit.class,
				(m) -> assertThat(((InboundContent.Edit) m.content()).content()).isInstanceOf(MEDIA)));
		row("david-lev__flow_completion__completion", inbound("interactive", REPLY,
				(m) -> assertThat(((InboundContent.Reply) m.content()).responseJson()).contains("flow_token")));
		row("david-lev__flow_completion__without_flow_token", inbound("interactive", REPLY));
		row("david-lev__message__animated_sticker",
				inbound("sticker", MEDIA, (m) -> assertThat(((InboundContent.Media) m.content()).animated()).isTrue()));
		row("david-lev__message__chosen_location", inbound("location", InboundContent.Location.class));
		row("david-lev__message__contacts", inbound("contacts", InboundContent.Contacts.class));
		row("david-lev__message__current_location", inbound("location", InboundContent.Location.class));
		row("david-lev__message__forwarded",
				inbound("text", TEXT, (m) -> assertThat(m.context().forwarded()).isTrue()));
		row("david-lev__message__forwarded_many_times",
				inbound("text", TEXT, (m) -> assertThat(m.context().frequentlyForwarded()).isTrue()));
		row("david-lev__message__image", inbound("image", MEDIA));
		row("david-lev__message__media_with_url", inbound("image", MEDIA));
		row("david-lev__message__order", inbound("order", InboundContent.Order.class));
		row("david-lev__message__reaction", inbound("reaction", InboundContent.Reaction.class));
		row("david-lev__message__referral",
				inbound("text", TEXT, (m) -> assertThat(m.context().referral().ctwaClid()).isEqualTo("CTWA_CLID")));
		row("david-lev__message__static_sticker", inbound("sticker", MEDIA));
		row("david-lev__message__text", inbound("text", TEXT));
		row("david-lev__message__unreaction_no_emoji", inbound("reaction", InboundContent.Reaction.class,
				(m) -> assertThat(((InboundContent.Reaction) m.content()).removed()).isTrue()));
		row("david-lev__message__unsupported", inbound("unsupported", UNSUPPORTED));
		row("david-lev__message__unsupported_with_type", inbound("unsupported", UNSUPPORTED,
				(m) -> assertThat(((InboundContent.Unsupported) m.content()).errors()).isNotEmpty()));
		row("david-lev__message__video", inbound("video", MEDIA));
		row("david-lev__message__voice",
				inbound("audio", MEDIA, (m) -> assertThat(((InboundContent.Media) m.content()).voice()).isTrue()));
		// pywa: statuses, echoes of the business's own app, system notices, templates
		row("david-lev__message_status__group", status(MessageStatus.READ));
		row("david-lev__message_status__played", untracked("played"));
		row("david-lev__message_status__sent", status(MessageStatus.SENT));
		row("david-lev__outgoing_message__delete", ignored("smb_message_echoes"));
		row("david-lev__outgoing_message__edit", ignored("smb_message_echoes"));
		row("david-lev__outgoing_message__text", ignored("smb_message_echoes"));
		row("david-lev__system__identity_change", inbound("system", InboundContent.SystemNotice.class));
		row("david-lev__system__phone_number_change", inbound("system", InboundContent.SystemNotice.class,
				(m) -> assertThat(((InboundContent.SystemNotice) m.content()).newWaId()).isEqualTo("+972912345678")));
		// an extra top-level key ("all") is ignored, as any unknown field of Meta's
		row("david-lev__template_components_update__element", template("message_template_components_update"));
		row("david-lev__user_marketing_preferences__resume", preference("resume"));
		row("david-lev__user_marketing_preferences__signup", preference("signup"));
		row("david-lev__v18_message_status__failed", status(MessageStatus.FAILED));
		row("david-lev__v18_message_status__sent", status(MessageStatus.SENT));
		// Bindambc/whatsapp-business-java-api
		row("Bindambc__accountRestricted", refused("'<PHONE_NUMBER>' " + NOT_A_PHONE));
		row("Bindambc__accountReview", ignored("account_review_update"));
		row("Bindambc__audioMessage", inbound("audio", MEDIA));
		row("Bindambc__buttonMessage", inbound("button", REPLY));
		row("Bindambc__contactMessage", inbound("contacts", InboundContent.Contacts.class));
		row("Bindambc__documentMessage", inbound("document", MEDIA));
		row("Bindambc__imageMessage", inbound("image", MEDIA));
		row("Bindambc__locationMessage", inbound("location", InboundContent.Location.class));
		row("Bindambc__messageDeleted", inbound("unsupported", UNSUPPORTED));
		row("Bindambc__reactMessage", inbound("reaction", InboundContent.Reaction.class));
		row("Bindambc__stickerMessage", inbound("sticker", MEDIA));
		row("Bindambc__textMessage", inbound("text", TEXT));
		row("Bindambc__textMessage2", inbound("text", TEXT));
		row("Bindambc__textMessageStatusDelivered", status(MessageStatus.DELIVERED));
		row("Bindambc__textMessageStatusRead", refused("Unparseable webhook payload"));
		row("Bindambc__textMessageStatusSent", status(MessageStatus.SENT));
		row("Bindambc__verifiedAccount", health(ACCOUNT, "VERIFIED_ACCOUNT"));
		row("Bindambc__videoMessage", inbound("video", MEDIA));
		// netflie/whatsapp-cloud-api: most senders are placeholders
		row("netflie__a_button_notification", inbound("button", REPLY));
		row("netflie__a_button_reply_notification", refused("'PHONE_NUMBER_ID' " + NOT_A_PHONE));
		row("netflie__a_contact_notification", refused("'PHONE_NUMBER' " + NOT_A_PHONE));
		row("netflie__a_flow_notification", refused("'PHONE_NUMBER_ID' " + NOT_A_PHONE));
		row("netflie__a_forwarded_notification", inbound("text", TEXT));
		row("netflie__a_list_notification", refused("'PHONE_NUMBER_ID' " + NOT_A_PHONE));
		row("netflie__a_location_notification", refused("'PHONE_NUMBER' " + NOT_A_PHONE));
		row("netflie__a_marketing_status_notification", status(MessageStatus.DELIVERED));
		row("netflie__a_notification", inbound("button", REPLY,
				(m) -> assertThat(m.context().referredProduct().productRetailerId()).isEqualTo("PRODUCT_ID")));
		row("netflie__a_notification_with_bsuid_only_and_no_from", inbound("text", TEXT, (m) -> {
			assertThat(m.from()).isNull();
			assertThat(m.fromUserId()).isEqualTo("BSUID_123");
		}));
		row("netflie__a_reaction_notification", refused("'PHONE_NUMBER' " + NOT_A_PHONE));
		row("netflie__a_removed_reaction_notification", refused("'PHONE_NUMBER' " + NOT_A_PHONE));
		row("netflie__a_service_status_notification", status(MessageStatus.DELIVERED));
		row("netflie__a_status_conversation_initiated_notification", status(MessageStatus.READ));
		row("netflie__a_status_notification", status(MessageStatus.READ));
		row("netflie__a_status_notification_with_errors", status(MessageStatus.FAILED));
		row("netflie__a_status_notification_without_expiration_time", status(MessageStatus.DELIVERED));
		row("netflie__a_status_with_pricing_notification", status(MessageStatus.DELIVERED));
		row("netflie__a_sticker_notification", refused("'SENDER_PHONE_NUMBER' " + NOT_A_PHONE));
		row("netflie__a_system_notification", refused("'PHONE_NUMBER' " + NOT_A_PHONE));
		row("netflie__a_text_notification", refused("'PHONE_NUMBER' " + NOT_A_PHONE));
		row("netflie__an_authentication_status_notification", status(MessageStatus.DELIVERED));
		row("netflie__an_document_notification", refused("'PHONE_NUMBER' " + NOT_A_PHONE));
		row("netflie__an_image_notification", refused("'PHONE_NUMBER' " + NOT_A_PHONE));
		row("netflie__an_order_notification", refused("'PHONE_NUMBER_ID' " + NOT_A_PHONE));
		row("netflie__an_unknown_notification", refused("'PHONE_NUMBER' " + NOT_A_PHONE));
		row("netflie__an_utility_status_notification", status(MessageStatus.DELIVERED));
		row("netflie__can_keep_wa_id_priority_when_user_id_is_present", refused("'PHONE_NUMBER' " + NOT_A_PHONE));
		row("netflie__multiple_text_notification", refused("'PHONE_NUMBER' " + NOT_A_PHONE));
		row("netflie__without_contact_profile_a_notification", refused("'PHONE_NUMBER' " + NOT_A_PHONE));
		// dgadelha/whaloc
		row("dgadelha__account-restriction", health(ACCOUNT, "ACCOUNT_RESTRICTION"));
		row("dgadelha__account-update", health(ACCOUNT, "VERIFIED_ACCOUNT"));
		row("dgadelha__image-message", inbound("image", MEDIA));
		row("dgadelha__referral-message", inbound("text", TEXT));
		row("dgadelha__template-quality", template("message_template_quality_update"));
		row("dgadelha__unsupported-message", inbound("unsupported", UNSUPPORTED));
		// Softlivery/whatsapp-cloud-api-client
		row("Softlivery__WebhookMessageEvent", inbound("image", MEDIA));
		row("Softlivery__WebhookStatusEvent", status(MessageStatus.SENT));
		// Meta's dashboard test and deliveries captured in production
		row("playnow__captured_status_sent_utility_cbp", status(MessageStatus.SENT));
		row("playnow__captured_text", inbound("text", TEXT));
		row("playnow__dashboard_test_text", inbound("text", TEXT));
	}

	private SampleTable() {
	}

	private static void row(String file, Expected expected) {
		assertThat(ROWS.put(file, expected)).as("one row per file: %s", file).isNull();
	}

}
