package com.waplatform.common.inbound;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

/**
 * A message a customer sent to a business number, with its typed content.
 *
 * @param from the customer's number in E.164, null for a customer Meta names only by a
 * business-scoped user id
 * @param text the text body, caption, button text or reply title, when the type has one
 * (a plain-text view of {@code content} for readers that need no more)
 * @param payload a quick-reply payload, interactive reply id or flow response JSON
 * @param contextWamid the business message this one replies or reacts to
 * @param fromUserId the business-scoped user id (BSUID) Meta gives, when it gives one
 * @param content what the message carries, typed
 * @param context reply-to, forwarding, referred product and ad referral
 */
public record InboundMessage(UUID eventId, Instant occurredAt, String organizationId, String phoneNumberId,
		@Nullable String from, @Nullable String profileName, String wamid, String type, Instant sentAt,
		@Nullable String text, @Nullable String payload, @Nullable String contextWamid, @Nullable String fromUserId,
		InboundContent content, InboundContext context) implements InboundEvent {

	public InboundMessage {
		if (from == null && fromUserId == null) {
			throw new IllegalArgumentException("An inbound message needs a sender number or user id");
		}
		if (context == null) {
			context = InboundContext.NONE;
		}
	}

	/**
	 * A customer message with its typed content; the event id is derived from the wamid,
	 * so a webhook delivered twice yields the same event id.
	 */
	public static InboundMessage of(String organizationId, String phoneNumberId, @Nullable String from,
			@Nullable String fromUserId, @Nullable String profileName, String wamid, String type, Instant sentAt,
			InboundContent content, InboundContext context) {
		return new InboundMessage(eventIdOf(wamid), Instant.now(), organizationId, phoneNumberId, from, profileName,
				wamid, type, sentAt, InboundText.of(content), InboundText.payloadOf(content),
				(context.repliedTo() != null) ? context.repliedTo() : InboundText.reactedTo(content), fromUserId,
				content, context);
	}

	/** A plain text message from a phone number (tests, the simulator's customers). */
	public static InboundMessage text(String organizationId, String phoneNumberId, String from,
			@Nullable String profileName, String wamid, Instant sentAt, String body, @Nullable String contextWamid) {
		return of(organizationId, phoneNumberId, from, null, profileName, wamid, "text", sentAt,
				new InboundContent.Text(body), new InboundContext(contextWamid, null, false, false, null, null));
	}

	public static UUID eventIdOf(String wamid) {
		return UUID.nameUUIDFromBytes(("inbound|" + wamid).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Who the customer is for this platform: the E.164 number, else the business-scoped
	 * user id. Conversations, windows and suppressions are keyed by it.
	 */
	@JsonIgnore
	public String customer() {
		return (this.from != null) ? this.from : this.fromUserId;
	}

	@Override
	public String key() {
		return this.phoneNumberId + ":" + customer();
	}

}
