package com.waplatform.simulator.messages;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import com.waplatform.common.json.Json;
import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.common.phone.NormalizedPhone;
import com.waplatform.common.phone.PhoneNumbers;
import com.waplatform.simulator.graph.GraphErrors;
import com.waplatform.simulator.ledger.RenderedMessage;
import com.waplatform.simulator.templates.TemplateSendCheck;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Validates a send ({@code POST /{phone-number-id}/messages}) as Meta does, raising
 * Meta's error for the first problem found. Plain Java: the templates and the
 * undeliverable numbers come in as functions.
 */
final class MessageValidator {

	static final int MAX_TEXT_BODY = 4096;

	static final int MAX_CALLBACK_DATA = 512;

	private static final Set<String> MEDIA_TYPES = Set.of("image", "document", "audio", "video", "sticker");

	private static final Set<String> OTHER_INTERACTIVE_TYPES = Set.of("cta_url", "flow", "product", "product_list",
			"catalog_message", "location_request_message", "call_permission_request", "address_message");

	private final BiFunction<String, String, Optional<MessageTemplate>> templates;

	private final Predicate<String> undeliverable;

	/**
	 * @param templates the account's template by name and language
	 * @param undeliverable whether an E.164 number is not a WhatsApp user
	 */
	MessageValidator(BiFunction<String, String, Optional<MessageTemplate>> templates, Predicate<String> undeliverable) {
		this.templates = templates;
		this.undeliverable = undeliverable;
	}

	/** Whether the body is a mark-as-read (status "read", no type). */
	static boolean isMarkRead(JsonNode message) {
		return "read".equals(string(message, "status")) && !message.has("type");
	}

	/** Checks a mark-as-read (and typing indicator) request. */
	static void validateMarkRead(JsonNode message) {
		checkMessagingProduct(message);
		if (blank(string(message, "message_id"))) {
			throw GraphErrors.missingParameter("message_id is required");
		}
		JsonNode typing = message.get("typing_indicator");
		if (typing != null && !"text".equals(string(typing, "type"))) {
			throw GraphErrors.invalidValue("typing_indicator.type must be text");
		}
	}

	/** All of Meta's checks of a send, in Meta's order (less the limits). */
	AcceptedMessage validate(JsonNode message) {
		AcceptedMessage accepted = withTemplate(validateRequest(message));
		checkDeliverable(accepted);
		return accepted;
	}

	/**
	 * The request checks: shape, recipient, type-specific fields (no template lookup).
	 */
	ValidRequest validateRequest(JsonNode message) {
		checkMessagingProduct(message);
		String recipientType = string(message, "recipient_type");
		if (recipientType != null && !"individual".equals(recipientType)) {
			throw GraphErrors
				.invalidValue("recipient_type: only individual recipients are simulated, got '" + recipientType + "'");
		}
		String to = string(message, "to");
		if (blank(to)) {
			throw GraphErrors.missingParameter("The parameter to is required.");
		}
		NormalizedPhone phone = PhoneNumbers.normalize(to);
		if (phone instanceof NormalizedPhone.Invalid invalid) {
			throw GraphErrors.invalidValue("to: '" + to + "' is not a valid phone number: " + invalid.reason());
		}
		String e164 = ((NormalizedPhone.Valid) phone).e164();
		String type = message.has("type") ? string(message, "type") : "text";
		if (type == null) {
			throw GraphErrors.invalidValue("type must be a string");
		}
		checkContext(message);
		String callbackData = callbackData(message);
		String text = null;
		MetaMessage.Template template = null;
		switch (type) {
			case "text" -> text = text(message);
			case "template" -> template = templateRequest(message);
			case "interactive" -> interactive(required(message, "interactive"));
			case "reaction" -> reaction(required(message, "reaction"));
			case "location" -> location(required(message, "location"));
			case "contacts" -> contacts(message);
			default -> {
				if (!MEDIA_TYPES.contains(type)) {
					throw GraphErrors.invalidValue("type: unsupported message type '" + type + "'");
				}
				media(type, required(message, type));
			}
		}
		return new ValidRequest(type, to, e164, callbackData, text, template);
	}

	/**
	 * The template checks (132001, 132015, 132016, 132000, 132012, 132005) and rendering.
	 */
	AcceptedMessage withTemplate(ValidRequest request) {
		String waId = PhoneNumbers.waId(request.e164());
		MetaMessage.Template sent = request.template();
		if (sent == null) {
			RenderedMessage rendered = (request.text() != null) ? RenderedMessage.text(request.text()) : null;
			return new AcceptedMessage(request.type(), request.to(), request.e164(), waId, null, null, null,
					request.text(), request.callbackData(), rendered);
		}
		MessageTemplate template = TemplateSendCheck.sendable(this.templates.apply(sent.name(), sent.language().code()),
				sent);
		RenderedMessage rendered = TemplateSendCheck.render(template, sent);
		return new AcceptedMessage(request.type(), request.to(), request.e164(), waId, template.name(),
				template.language(), template.category(), rendered.body(), request.callbackData(), rendered);
	}

	/** 131026 when the recipient is not a WhatsApp user. */
	void checkDeliverable(AcceptedMessage message) {
		if (this.undeliverable.test(message.e164())) {
			throw GraphErrors.undeliverable("Message Undeliverable: " + message.e164() + " is not a WhatsApp user.");
		}
	}

	/**
	 * A send whose request passed validation.
	 *
	 * @param type the message type
	 * @param to the recipient as given
	 * @param e164 the recipient, normalized
	 * @param callbackData {@code biz_opaque_callback_data}
	 * @param text the text body (text messages)
	 * @param template the template part (template sends)
	 */
	record ValidRequest(String type, String to, String e164, @Nullable String callbackData, @Nullable String text,
			MetaMessage.@Nullable Template template) {

		boolean isTemplate() {
			return this.template != null;
		}

	}

	private static void checkMessagingProduct(JsonNode message) {
		String product = string(message, "messaging_product");
		if (product == null) {
			throw GraphErrors.invalidParameter("The parameter messaging_product is required.");
		}
		if (!MetaMessage.WHATSAPP.equals(product)) {
			throw GraphErrors.invalidParameter("messaging_product must be whatsapp, got '" + product + "'");
		}
	}

	private static void checkContext(JsonNode message) {
		JsonNode context = message.get("context");
		if (context != null && blank(string(context, "message_id"))) {
			throw GraphErrors.missingParameter("context.message_id is required");
		}
	}

	private static @Nullable String callbackData(JsonNode message) {
		JsonNode node = message.get("biz_opaque_callback_data");
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString() || node.stringValue().length() > MAX_CALLBACK_DATA) {
			throw GraphErrors.invalidValue(
					"biz_opaque_callback_data must be a string of at most " + MAX_CALLBACK_DATA + " characters");
		}
		return node.stringValue();
	}

	private static String text(JsonNode message) {
		JsonNode text = message.get("text");
		String body = (text != null) ? string(text, "body") : null;
		if (blank(body)) {
			throw GraphErrors.missingParameter("text.body is required");
		}
		// characters are code points, as the platform counts them (and template texts
		// here)
		int length = body.codePointCount(0, body.length());
		if (length > MAX_TEXT_BODY) {
			throw GraphErrors
				.invalidValue("text.body is " + length + " characters long, at most " + MAX_TEXT_BODY + " are allowed");
		}
		return body;
	}

	private static MetaMessage.Template templateRequest(JsonNode message) {
		JsonNode node = required(message, "template");
		if (blank(string(node, "name"))) {
			throw GraphErrors.missingParameter("template.name is required");
		}
		JsonNode language = node.get("language");
		if (language == null || blank(string(language, "code"))) {
			throw GraphErrors.missingParameter("template.language.code is required");
		}
		JsonNode components = node.get("components");
		if (components != null && !components.isArray()) {
			throw GraphErrors.invalidValue("template.components must be an array");
		}
		try {
			return Json.mapper().treeToValue(node, MetaMessage.Template.class);
		}
		catch (JacksonException ex) {
			throw GraphErrors.invalidValue("template: " + ex.getOriginalMessage());
		}
	}

	private static void media(String type, JsonNode media) {
		boolean id = !blank(string(media, "id"));
		boolean link = !blank(string(media, "link"));
		if (!id && !link) {
			throw GraphErrors.missingParameter(type + ": either id or link is required");
		}
		if (id && link) {
			throw GraphErrors.invalidValue(type + ": give either id or link, not both");
		}
	}

	private static void reaction(JsonNode reaction) {
		if (blank(string(reaction, "message_id"))) {
			throw GraphErrors.missingParameter("reaction.message_id is required");
		}
		JsonNode emoji = reaction.get("emoji");
		if (emoji == null || !emoji.isString()) {
			throw GraphErrors.missingParameter("reaction.emoji is required (empty to remove a reaction)");
		}
	}

	private static void location(JsonNode location) {
		if (!location.has("latitude") || !location.has("longitude")) {
			throw GraphErrors.missingParameter("location.latitude and location.longitude are required");
		}
		coordinate("location.latitude", location.get("latitude"), 90);
		coordinate("location.longitude", location.get("longitude"), 180);
	}

	/** Decimal degrees, as a number or a decimal string, within ±{@code limit}. */
	private static void coordinate(String field, JsonNode value, double limit) {
		double degrees;
		try {
			degrees = value.isNumber() ? value.asDouble() : Double.parseDouble(value.asString(""));
		}
		catch (NumberFormatException ex) {
			throw GraphErrors.invalidValue(field + " is not a number of degrees");
		}
		if (Double.isNaN(degrees) || Math.abs(degrees) > limit) {
			throw GraphErrors.invalidValue(field + " must be between -" + (int) limit + " and " + (int) limit);
		}
	}

	private static void contacts(JsonNode message) {
		JsonNode contacts = message.get("contacts");
		if (contacts == null || !contacts.isArray() || contacts.isEmpty()) {
			throw GraphErrors.missingParameter("contacts is required");
		}
		for (JsonNode contact : contacts) {
			if (blank(string(contact.path("name"), "formatted_name"))) {
				throw GraphErrors.missingParameter("contacts[].name.formatted_name is required");
			}
		}
	}

	/**
	 * A call-to-action URL button: body text, a display text of at most 20 characters and
	 * an http(s) URL.
	 */
	private static void ctaUrl(JsonNode interactive, JsonNode action) {
		bodyText(interactive);
		JsonNode parameters = action.path("parameters");
		String display = string(parameters, "display_text");
		String url = string(parameters, "url");
		if (blank(display) || blank(url)) {
			throw GraphErrors.missingParameter("interactive.action.parameters.display_text and url are required");
		}
		maxLength("interactive.action.parameters.display_text", display, 20);
		if (!url.startsWith("https://") && !url.startsWith("http://")) {
			throw GraphErrors.invalidValue("interactive.action.parameters.url must be an http(s) URL");
		}
	}

	private static void interactive(JsonNode interactive) {
		String type = string(interactive, "type");
		if (blank(type)) {
			throw GraphErrors.missingParameter("interactive.type is required");
		}
		JsonNode header = interactive.get("header");
		if (header != null) {
			maxLength("interactive.header.text", string(header, "text"), 60);
		}
		JsonNode footer = interactive.get("footer");
		if (footer != null) {
			maxLength("interactive.footer.text", string(footer, "text"), 60);
		}
		JsonNode action = interactive.get("action");
		if (action == null || !action.isObject()) {
			throw GraphErrors.missingParameter("interactive.action is required");
		}
		switch (type) {
			case "button" -> {
				bodyText(interactive);
				replyButtons(action);
			}
			case "list" -> {
				bodyText(interactive);
				list(action);
			}
			case "cta_url" -> ctaUrl(interactive, action);
			default -> {
				if (!OTHER_INTERACTIVE_TYPES.contains(type)) {
					throw GraphErrors.invalidValue("interactive.type: unsupported interactive type '" + type + "'");
				}
			}
		}
	}

	private static void bodyText(JsonNode interactive) {
		JsonNode body = interactive.get("body");
		String text = (body != null) ? string(body, "text") : null;
		if (blank(text)) {
			throw GraphErrors.missingParameter("interactive.body.text is required");
		}
		maxLength("interactive.body.text", text, 1024);
	}

	private static void replyButtons(JsonNode action) {
		JsonNode buttons = action.get("buttons");
		if (buttons == null || !buttons.isArray() || buttons.isEmpty()) {
			throw GraphErrors.missingParameter("interactive.action.buttons is required");
		}
		if (buttons.size() > 3) {
			throw GraphErrors.invalidValue("interactive.action.buttons: at most 3 buttons, got " + buttons.size());
		}
		Set<String> ids = new HashSet<>();
		Set<String> titles = new HashSet<>();
		for (int i = 0; i < buttons.size(); i++) {
			String where = "interactive.action.buttons[" + i + "]";
			JsonNode button = buttons.get(i);
			if (!"reply".equals(string(button, "type"))) {
				throw GraphErrors.invalidValue(where + ".type must be reply");
			}
			JsonNode reply = button.get("reply");
			String id = (reply != null) ? string(reply, "id") : null;
			String title = (reply != null) ? string(reply, "title") : null;
			if (blank(id) || blank(title)) {
				throw GraphErrors.missingParameter(where + ".reply.id and .reply.title are required");
			}
			maxLength(where + ".reply.id", id, 256);
			maxLength(where + ".reply.title", title, 20);
			if (!ids.add(id) || !titles.add(title)) {
				throw GraphErrors.invalidValue(where + ": button ids and titles must be unique");
			}
		}
	}

	private static void list(JsonNode action) {
		String button = string(action, "button");
		if (blank(button)) {
			throw GraphErrors.missingParameter("interactive.action.button is required");
		}
		maxLength("interactive.action.button", button, 20);
		JsonNode sections = action.get("sections");
		if (sections == null || !sections.isArray() || sections.isEmpty()) {
			throw GraphErrors.missingParameter("interactive.action.sections is required");
		}
		if (sections.size() > 10) {
			throw GraphErrors.invalidValue("interactive.action.sections: at most 10 sections, got " + sections.size());
		}
		int rows = 0;
		Set<String> ids = new HashSet<>();
		for (int s = 0; s < sections.size(); s++) {
			JsonNode section = sections.get(s);
			String where = "interactive.action.sections[" + s + "]";
			if (sections.size() > 1 && blank(string(section, "title"))) {
				throw GraphErrors.missingParameter(where + ".title is required when there are several sections");
			}
			maxLength(where + ".title", string(section, "title"), 24);
			JsonNode sectionRows = section.get("rows");
			if (sectionRows == null || !sectionRows.isArray() || sectionRows.isEmpty()) {
				throw GraphErrors.missingParameter(where + ".rows is required");
			}
			for (int r = 0; r < sectionRows.size(); r++) {
				JsonNode row = sectionRows.get(r);
				String rowWhere = where + ".rows[" + r + "]";
				String id = string(row, "id");
				if (blank(id) || blank(string(row, "title"))) {
					throw GraphErrors.missingParameter(rowWhere + ".id and .title are required");
				}
				maxLength(rowWhere + ".id", id, 200);
				maxLength(rowWhere + ".title", string(row, "title"), 24);
				maxLength(rowWhere + ".description", string(row, "description"), 72);
				if (!ids.add(id)) {
					throw GraphErrors.invalidValue(rowWhere + ".id: row ids must be unique");
				}
			}
			rows += sectionRows.size();
		}
		if (rows > 10) {
			throw GraphErrors.invalidValue("interactive.action.sections: at most 10 rows in total, got " + rows);
		}
	}

	private static JsonNode required(JsonNode message, String field) {
		JsonNode node = message.get(field);
		if (node == null || !node.isObject()) {
			throw GraphErrors.missingParameter("The parameter " + field + " is required.");
		}
		return node;
	}

	private static void maxLength(String field, @Nullable String value, int max) {
		if (value != null && value.codePointCount(0, value.length()) > max) {
			throw GraphErrors.invalidValue(field + " is too long: at most " + max + " characters");
		}
	}

	static @Nullable String string(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString()) ? value.stringValue() : null;
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
