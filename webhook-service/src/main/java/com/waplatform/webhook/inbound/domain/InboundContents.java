package com.waplatform.webhook.inbound.domain;

import java.util.List;

import com.waplatform.common.inbound.InboundContent;
import com.waplatform.common.message.ErrorInfo;
import com.waplatform.webhook.routing.domain.CustomerNumbers;
import com.waplatform.webhook.routing.domain.JsonFields;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The typed content of one of Meta's message objects, by its {@code type}. A known type
 * whose body is missing or malformed is an {@link IllegalArgumentException} (the webhook
 * is dead-lettered with the reason); a type this platform does not know, an interactive
 * reply it does not know, and Meta's own {@code unsupported}/{@code unknown} messages
 * become {@link InboundContent.Unsupported} with Meta's errors: never dropped.
 */
final class InboundContents {

	private InboundContents() {
	}

	static InboundContent of(String type, JsonNode message) {
		String what = "'" + type + "' message";
		switch (type) {
			case "text":
				return new InboundContent.Text(body(JsonFields.object(message, "text", what)));
			case "image":
			case "video":
			case "audio":
			case "document":
			case "sticker":
				return media(type, JsonFields.object(message, type, what));
			case "location":
				return location(JsonFields.object(message, "location", what));
			case "contacts":
				return contacts(message);
			case "interactive":
				return interactive(JsonFields.object(message, "interactive", what), message);
			case "button":
				JsonNode button = JsonFields.object(message, "button", what);
				return new InboundContent.Reply("button", JsonFields.text(button, "payload"),
						JsonFields.text(button, "text"), null, null);
			case "reaction":
				JsonNode reaction = JsonFields.object(message, "reaction", what);
				// an emoji missing or empty: the customer took the reaction back
				return new InboundContent.Reaction(JsonFields.required(reaction, "message_id", "Reaction"),
						JsonFields.text(reaction, "emoji"));
			case "order":
				return order(JsonFields.object(message, "order", what));
			case "system":
				return system(JsonFields.object(message, "system", what), message);
			case "edit":
				return edit(JsonFields.object(message, "edit", what));
			case "revoke":
				return new InboundContent.Revoke(JsonFields.required(JsonFields.object(message, "revoke", what),
						"original_message_id", "Revoke"));
			default:
				// unsupported, unknown, request_welcome and types newer than this code
				String detail = JsonFields.text(message.path("unsupported"), "type");
				return new InboundContent.Unsupported((detail != null) ? detail : type, errors(message));
		}
	}

	/**
	 * Meta's errors of a message ({@code errors[]}), e.g. 131051 for unsupported types.
	 */
	static List<ErrorInfo> errors(JsonNode message) {
		return JsonFields.array(message, "errors").stream().map(InboundContents::error).toList();
	}

	private static ErrorInfo error(JsonNode error) {
		Integer code = error.path("code").canConvertToInt() ? error.path("code").intValue() : null;
		String title = JsonFields.text(error, "title");
		if (title == null) {
			title = JsonFields.text(error, "message");
		}
		String details = JsonFields.text(error.path("error_data"), "details");
		return new ErrorInfo(code, (title != null) ? title : "Meta error " + code,
				(details != null) ? details : JsonFields.text(error, "details"));
	}

	private static String body(JsonNode text) {
		JsonNode body = text.path("body");
		if (!body.isString()) {
			throw new IllegalArgumentException("'text' message without 'text.body'");
		}
		return body.stringValue();
	}

	private static InboundContent.Media media(String type, JsonNode media) {
		return new InboundContent.Media(type, JsonFields.text(media, "id"), JsonFields.text(media, "mime_type"),
				JsonFields.text(media, "sha256"), JsonFields.text(media, "caption"), JsonFields.text(media, "filename"),
				JsonFields.flag(media, "voice"), JsonFields.flag(media, "animated"), JsonFields.text(media, "url"));
	}

	private static InboundContent.Location location(JsonNode location) {
		return new InboundContent.Location(JsonFields.number(location, "latitude", "Location"),
				JsonFields.number(location, "longitude", "Location"), JsonFields.text(location, "name"),
				JsonFields.text(location, "address"), JsonFields.text(location, "url"));
	}

	private static InboundContent.Contacts contacts(JsonNode message) {
		if (!message.path("contacts").isArray()) {
			throw new IllegalArgumentException("'contacts' message without its 'contacts' list");
		}
		return new InboundContent.Contacts(JsonFields.array(message, "contacts")
			.stream()
			.map((card) -> new InboundContent.ContactCard(JsonFields.text(card.path("name"), "formatted_name"),
					JsonFields.array(card, "phones")
						.stream()
						.map((phone) -> new InboundContent.ContactPhone(JsonFields.text(phone, "phone"),
								JsonFields.text(phone, "wa_id"), JsonFields.text(phone, "type")))
						.toList(),
					JsonFields.array(card, "emails")
						.stream()
						.map((email) -> JsonFields.text(email, "email"))
						.filter((email) -> email != null)
						.toList(),
					JsonFields.text(card.path("org"), "company")))
			.toList());
	}

	private static InboundContent interactive(JsonNode interactive, JsonNode message) {
		String kind = JsonFields.required(interactive, "type", "Interactive message");
		JsonNode reply = interactive.path(kind);
		switch (kind) {
			case "button_reply":
			case "list_reply":
				return new InboundContent.Reply(kind, JsonFields.text(reply, "id"), JsonFields.text(reply, "title"),
						JsonFields.text(reply, "description"), null);
			case "nfm_reply":
				return new InboundContent.Reply(kind, null, JsonFields.text(reply, "body"), null,
						JsonFields.text(reply, "response_json"));
			default:
				// e.g. call_permission_reply: kept under its own name
				return new InboundContent.Unsupported(kind, errors(message));
		}
	}

	private static InboundContent.Order order(JsonNode order) {
		return new InboundContent.Order(JsonFields.text(order, "catalog_id"), JsonFields.text(order, "text"), JsonFields
			.array(order, "product_items")
			.stream()
			.map((item) -> new InboundContent.OrderItem(JsonFields.required(item, "product_retailer_id", "Order item"),
					JsonFields.integer(item, "quantity", "Order item"), JsonFields.text(item, "item_price"),
					JsonFields.text(item, "currency")))
			.toList());
	}

	private static InboundContent.SystemNotice system(JsonNode system, JsonNode message) {
		// the identity hash travels in the message's 'identity' object (older payloads:
		// in 'system.identity')
		String identity = JsonFields.text(message.path("identity"), "hash");
		return new InboundContent.SystemNotice(JsonFields.text(system, "type"), JsonFields.text(system, "body"),
				CustomerNumbers.e164(JsonFields.text(system, "wa_id")),
				(identity != null) ? identity : JsonFields.text(system, "identity"));
	}

	private static InboundContent.Edit edit(JsonNode edit) {
		String original = JsonFields.required(edit, "original_message_id", "Edit");
		JsonNode edited = edit.path("message");
		@Nullable InboundContent content = null;
		if (edited.isObject()) {
			content = of(JsonFields.required(edited, "type", "Edited message"), edited);
		}
		return new InboundContent.Edit(original, content);
	}

}
