package com.waplatform.common.inbound;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.waplatform.common.message.ErrorInfo;
import org.jspecify.annotations.Nullable;

/**
 * What a customer's message carries, one record per kind of content Meta sends, with
 * Meta's facts kept (media ids and hashes, coordinates, contact cards, order lines, the
 * flow's response JSON, Meta's error on unsupported messages). Written with a
 * {@code kind} property so readers in other languages can switch on it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({ @JsonSubTypes.Type(value = InboundContent.Text.class, name = "text"),
		@JsonSubTypes.Type(value = InboundContent.Media.class, name = "media"),
		@JsonSubTypes.Type(value = InboundContent.Location.class, name = "location"),
		@JsonSubTypes.Type(value = InboundContent.Contacts.class, name = "contacts"),
		@JsonSubTypes.Type(value = InboundContent.Reply.class, name = "reply"),
		@JsonSubTypes.Type(value = InboundContent.Reaction.class, name = "reaction"),
		@JsonSubTypes.Type(value = InboundContent.Order.class, name = "order"),
		@JsonSubTypes.Type(value = InboundContent.SystemNotice.class, name = "system"),
		@JsonSubTypes.Type(value = InboundContent.Edit.class, name = "edit"),
		@JsonSubTypes.Type(value = InboundContent.Revoke.class, name = "revoke"),
		@JsonSubTypes.Type(value = InboundContent.Unsupported.class, name = "unsupported") })
public sealed interface InboundContent {

	/** A text message ({@code text.body}). */
	record Text(String body) implements InboundContent {
	}

	/**
	 * {@code image}, {@code video}, {@code audio} (with {@code voice} for voice notes),
	 * {@code document} or {@code sticker} (with {@code animated}).
	 *
	 * @param mediaKind Meta's type: image, video, audio, document or sticker
	 * @param mediaId the id to download it with ({@code GET /v1/media/{mediaId}})
	 */
	record Media(String mediaKind, @Nullable String mediaId, @Nullable String mimeType, @Nullable String sha256,
			@Nullable String caption, @Nullable String filename, boolean voice, boolean animated,
			@Nullable String url) implements InboundContent {
	}

	/** A shared location (current or chosen). */
	record Location(double latitude, double longitude, @Nullable String name, @Nullable String address,
			@Nullable String url) implements InboundContent {
	}

	/** Shared contact cards. */
	record Contacts(List<ContactCard> cards) implements InboundContent {

		public Contacts {
			cards = List.copyOf(cards);
		}

	}

	/**
	 * One contact card: the formatted name, its phone numbers (with the WhatsApp id when
	 * the number is on WhatsApp), e-mails and organization.
	 */
	record ContactCard(@Nullable String formattedName, List<ContactPhone> phones, List<String> emails,
			@Nullable String organization) {

		public ContactCard {
			phones = List.copyOf(phones);
			emails = List.copyOf(emails);
		}

	}

	record ContactPhone(@Nullable String phone, @Nullable String waId, @Nullable String type) {
	}

	/**
	 * A reply to something the business sent: a template quick-reply ({@code button}), an
	 * interactive {@code button_reply}, {@code list_reply} or a flow's {@code nfm_reply}.
	 *
	 * @param replyKind button, button_reply, list_reply or nfm_reply
	 * @param id the button payload or reply id (null for flows)
	 * @param title the button text or reply title (a flow's body)
	 * @param responseJson a flow's {@code response_json}, as Meta sent it
	 */
	record Reply(String replyKind, @Nullable String id, @Nullable String title, @Nullable String description,
			@Nullable String responseJson) implements InboundContent {
	}

	/**
	 * A reaction to a message; {@code emoji} null when the customer removed it.
	 */
	record Reaction(String messageId, @Nullable String emoji) implements InboundContent {

		public boolean removed() {
			return this.emoji == null;
		}

	}

	record Order(@Nullable String catalogId, @Nullable String text, List<OrderItem> items) implements InboundContent {

		public Order {
			items = List.copyOf(items);
		}

	}

	record OrderItem(String productRetailerId, int quantity, @Nullable String itemPrice, @Nullable String currency) {
	}

	/**
	 * Meta's own notices: {@code user_changed_number} (with the new WhatsApp id),
	 * {@code customer_identity_changed}.
	 */
	record SystemNotice(@Nullable String systemType, @Nullable String body, @Nullable String newWaId,
			@Nullable String identity) implements InboundContent {
	}

	/** The customer edited an earlier message; {@code content} is what it says now. */
	record Edit(String originalWamid, @Nullable InboundContent content) implements InboundContent {
	}

	/** The customer deleted an earlier message for everyone. */
	record Revoke(String originalWamid) implements InboundContent {
	}

	/**
	 * A message Meta could not pass on (type {@code unsupported} or {@code unknown}), or
	 * a type this platform does not know yet: kept with Meta's errors.
	 */
	record Unsupported(String messageType, List<ErrorInfo> errors) implements InboundContent {

		public Unsupported {
			errors = List.copyOf(errors);
		}

	}

}
