package com.waplatform.webhook.inbound.domain;

import java.time.Instant;
import java.util.List;

import com.waplatform.common.inbound.InboundContent;
import com.waplatform.common.inbound.InboundContext;
import com.waplatform.common.inbound.InboundMessage;
import com.waplatform.webhook.routing.domain.CustomerNumbers;
import com.waplatform.webhook.routing.domain.JsonFields;
import com.waplatform.webhook.routing.domain.LogText;
import com.waplatform.webhook.routing.domain.MetaTimestamps;
import com.waplatform.webhook.routing.domain.UserIds;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Maps a customer's message from a {@code messages} webhook ({@code value.messages[]},
 * read as JSON so that nothing Meta sends is lost on the way) to an
 * {@link InboundMessage} with typed content ({@link InboundContents}) and its context.
 *
 * <p>
 * The sender is {@code from} (a phone number, as E.164) and/or a business-scoped user id
 * ({@code from_user_id}, else the {@code user_id} of the sender's entry in
 * {@code value.contacts}); a customer Meta names only by a user id is published with
 * {@code from} null. Text in {@code from} that is no phone number, or a user id that is
 * no id, is refused ({@link IllegalArgumentException}: the webhook goes to the
 * dead-letter topic with the reason), as is a message naming no sender at all.
 */
public final class InboundMapping {

	private InboundMapping() {
	}

	/**
	 * @param contacts {@code value.contacts} (missing node when absent)
	 * @param message one element of {@code value.messages}
	 */
	public static InboundMessage map(String organizationId, String phoneNumberId, JsonNode contacts, JsonNode message) {
		String wamid = JsonFields.text(message, "id");
		String type = JsonFields.text(message, "type");
		if (wamid == null || type == null) {
			throw new IllegalArgumentException("Inbound message without 'id' or 'type'");
		}
		String what = "Inbound message " + LogText.of(wamid);
		Instant sentAt = MetaTimestamps.epochSeconds(message.path("timestamp"), what);
		String from = JsonFields.text(message, "from");
		String userId = JsonFields.text(message, "from_user_id");
		JsonNode contact = contactOf(contacts, from, userId);
		if (from == null) {
			from = JsonFields.text(contact, "wa_id");
		}
		if (userId == null) {
			userId = JsonFields.text(contact, "user_id");
		}
		String number;
		String bsuid;
		try {
			number = CustomerNumbers.e164(from);
			bsuid = UserIds.of(userId);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(what + ": sender " + ex.getMessage(), ex);
		}
		if (number == null && bsuid == null) {
			throw new IllegalArgumentException(what + " names no sender: no 'from', 'from_user_id', "
					+ "nor a contact with a 'wa_id' or 'user_id'");
		}
		InboundContent content;
		try {
			content = InboundContents.of(type, message);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(what + ": " + ex.getMessage(), ex);
		}
		return InboundMessage.of(organizationId, phoneNumberId, number, bsuid,
				JsonFields.text(contact.path("profile"), "name"), wamid, type, sentAt, content, context(message));
	}

	/**
	 * The sender's entry in {@code value.contacts}: the one with the sender's
	 * {@code wa_id} or {@code user_id}, else the only one, unless it names someone else.
	 */
	private static JsonNode contactOf(JsonNode contacts, @Nullable String from, @Nullable String userId) {
		List<JsonNode> all = JsonFields.elements(contacts);
		for (JsonNode contact : all) {
			if ((from != null && sameNumber(from, JsonFields.text(contact, "wa_id")))
					|| (userId != null && userId.equals(JsonFields.text(contact, "user_id")))) {
				return contact;
			}
		}
		if (all.size() == 1 && !namesSomeoneElse(all.get(0), from, userId)) {
			return all.get(0);
		}
		return MissingNode.getInstance();
	}

	private static boolean namesSomeoneElse(JsonNode contact, @Nullable String from, @Nullable String userId) {
		String waId = JsonFields.text(contact, "wa_id");
		String contactUserId = JsonFields.text(contact, "user_id");
		return (from != null && waId != null && !sameNumber(from, waId))
				|| (userId != null && contactUserId != null && !userId.equals(contactUserId));
	}

	private static boolean sameNumber(String from, @Nullable String waId) {
		return waId != null && strip(from).equals(strip(waId));
	}

	private static String strip(String number) {
		String text = number.strip();
		return text.startsWith("+") ? text.substring(1) : text;
	}

	/**
	 * Reply-to, forwarding, referred product ({@code context}) and ad ({@code referral}).
	 */
	static InboundContext context(JsonNode message) {
		JsonNode context = message.path("context");
		JsonNode product = context.path("referred_product");
		JsonNode referral = message.path("referral");
		return new InboundContext(JsonFields.text(context, "id"), JsonFields.text(context, "from"),
				JsonFields.flag(context, "forwarded"), JsonFields.flag(context, "frequently_forwarded"),
				product.isObject() ? new InboundContext.ReferredProduct(JsonFields.text(product, "catalog_id"),
						JsonFields.text(product, "product_retailer_id")) : null,
				referral.isObject() ? new InboundContext.Referral(JsonFields.text(referral, "source_url"),
						JsonFields.text(referral, "source_id"), JsonFields.text(referral, "source_type"),
						JsonFields.text(referral, "headline"), JsonFields.text(referral, "body"),
						JsonFields.text(referral, "media_type"), JsonFields.text(referral, "image_url"),
						JsonFields.text(referral, "video_url"), JsonFields.text(referral, "thumbnail_url"),
						JsonFields.text(referral, "ctwa_clid")) : null);
	}

}
