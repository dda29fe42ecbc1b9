package com.waplatform.webhook.inbound.domain;

import java.util.List;
import java.util.Optional;

import com.waplatform.common.inbound.InboundMessage;
import com.waplatform.common.meta.WebhookPayload;
import com.waplatform.webhook.routing.domain.CustomerNumbers;
import com.waplatform.webhook.routing.domain.MetaTimestamps;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Maps a customer's message from a {@code messages} webhook to an {@link InboundMessage}:
 * the text of text messages, the text and payload of template quick-reply buttons, the
 * title and id of interactive replies, the emoji of reactions and the captions of media.
 */
public final class InboundMapping {

	private InboundMapping() {
	}

	/**
	 * The inbound message; empty when Meta names no sender number (users known only by a
	 * business-scoped user id).
	 */
	public static Optional<InboundMessage> map(String organizationId, String phoneNumberId,
			@Nullable List<WebhookPayload.Contact> contacts, WebhookPayload.InboundMessageDto message) {
		if (message.id() == null || message.id().isBlank() || message.type() == null) {
			throw new IllegalArgumentException("Inbound message without 'id' or 'type'");
		}
		String from = CustomerNumbers.e164(message.from());
		if (from == null) {
			return Optional.empty();
		}
		Content content = content(message);
		String contextWamid = (message.context() != null && message.context().id() != null) ? message.context().id()
				: content.reactedTo();
		// interim: the typed content of every inbound type replaces this mapping
		com.waplatform.common.inbound.InboundContent typed = (content.text() != null)
				? new com.waplatform.common.inbound.InboundContent.Text(content.text())
				: new com.waplatform.common.inbound.InboundContent.Unsupported(message.type(), List.of());
		return Optional.of(InboundMessage.of(organizationId, phoneNumberId, from, null,
				profileName(contacts, message.from()), message.id(), message.type(),
				MetaTimestamps.epochSeconds(message.timestamp(), "Inbound message"), typed,
				new com.waplatform.common.inbound.InboundContext(contextWamid, null, false, false, null, null)));
	}

	private static Content content(WebhookPayload.InboundMessageDto message) {
		if (message.text() != null) {
			return new Content(message.text().body(), null, null);
		}
		if (message.button() != null) {
			return new Content(message.button().text(), message.button().payload(), null);
		}
		if (message.interactive() != null) {
			return interactive(message.interactive());
		}
		if (message.reaction() != null) {
			return new Content(blankToNull(message.reaction().emoji()), null, message.reaction().messageId());
		}
		if (message.system() != null) {
			return new Content(string(message.system().path("body")), null, null);
		}
		for (JsonNode media : new JsonNode[] { message.image(), message.video(), message.document() }) {
			if (media != null) {
				return new Content(string(media.path("caption")), null, null);
			}
		}
		return new Content(null, null, null);
	}

	/** {@code button_reply} and {@code list_reply} carry {id, title}; flows a JSON. */
	private static Content interactive(JsonNode interactive) {
		String type = string(interactive.path("type"));
		JsonNode reply = interactive.path((type != null) ? type : "");
		if ("nfm_reply".equals(type)) {
			return new Content(string(reply.path("body")), string(reply.path("response_json")), null);
		}
		return new Content(string(reply.path("title")), string(reply.path("id")), null);
	}

	private static @Nullable String profileName(@Nullable List<WebhookPayload.Contact> contacts,
			@Nullable String waId) {
		if (contacts == null) {
			return null;
		}
		return contacts.stream()
			.filter((contact) -> contact.profile() != null
					&& (contacts.size() == 1 || contact.waId() == null || contact.waId().equals(waId)))
			.map((contact) -> contact.profile().name())
			.filter((name) -> name != null)
			.findFirst()
			.orElse(null);
	}

	private static @Nullable String string(JsonNode node) {
		return node.isString() ? blankToNull(node.stringValue()) : null;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private record Content(@Nullable String text, @Nullable String payload, @Nullable String reactedTo) {
	}

}
