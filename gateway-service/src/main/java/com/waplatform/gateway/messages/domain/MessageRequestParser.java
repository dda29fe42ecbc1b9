package com.waplatform.gateway.messages.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import com.waplatform.common.message.Priority;
import com.waplatform.common.message.SendRequest.BusinessContext;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.common.meta.MetaMessage.ReplyContext;
import com.waplatform.common.meta.MetaMessage.TypingIndicator;
import com.waplatform.common.phone.NormalizedPhone;
import com.waplatform.common.phone.PhoneNumbers;
import com.waplatform.common.template.TemplateArguments;
import com.waplatform.gateway.templates.domain.TemplateArgumentsReader;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a {@code POST /v1/messages} body: Meta's message object ({@code to}, {@code type}
 * and the type's object, or mark-as-read's {@code status} + {@code message_id}) plus our
 * fields: {@code from}, {@code context} (a business record {@code {type, id}}, or Meta's
 * reply context when it has a {@code message_id}), {@code ttl} (ISO-8601 duration or
 * seconds), {@code priority} and {@code scheduledFor} (an ISO-8601 instant in the future,
 * at most {@code maxScheduleAhead} ahead). Every problem is reported with its field; the
 * JSON type of every known field is checked first.
 */
public final class MessageRequestParser {

	/** The message types we send (Meta's names). */
	public static final List<String> TYPES = List.of("text", "template", "image", "document", "audio", "video",
			"sticker", "interactive", "reaction", "location", "contacts");

	private static final List<String> MEDIA_TYPES = List.of("image", "document", "audio", "video", "sticker");

	private static final List<String> STRING_FIELDS = List.of("to", "type", "from", "status", "message_id",
			"recipient_type", "priority", "messaging_product");

	private static final int MAX_CONTEXT_LENGTH = 128;

	private final Duration maxTtl;

	private final Duration maxScheduleAhead;

	private final Clock clock;

	public MessageRequestParser(Duration maxTtl) {
		this(maxTtl, Duration.ofDays(30), Clock.systemUTC());
	}

	/**
	 * @param maxTtl the longest {@code ttl}
	 * @param maxScheduleAhead how far ahead {@code scheduledFor} may be
	 * @param clock what "now" is for {@code scheduledFor}
	 */
	public MessageRequestParser(Duration maxTtl, Duration maxScheduleAhead, Clock clock) {
		this.maxTtl = maxTtl;
		this.maxScheduleAhead = maxScheduleAhead;
		this.clock = clock;
	}

	public ParseResult parse(@Nullable JsonNode root) {
		Issues issues = new Issues();
		if (root == null || !root.isObject()) {
			issues.malformed("body", "must be a JSON object");
			return issues.rejection();
		}
		STRING_FIELDS.forEach((field) -> issues.string(root, field, field));
		// contacts is an array, read by RichMessageObjects
		TYPES.stream()
			.filter((field) -> !"contacts".equals(field))
			.forEach((field) -> issues.object(root, field, field));
		issues.object(root, "context", "context");
		issues.object(root, "typing_indicator", "typing_indicator");
		JsonNode ttlNode = root.get("ttl");
		if (ttlNode != null && !ttlNode.isNull() && !ttlNode.isString() && !ttlNode.isNumber()) {
			issues.malformed("ttl", "must be an ISO-8601 duration (e.g. PT1H) or a number of seconds");
		}
		if (issues.anyMalformed()) {
			return issues.rejection();
		}
		String recipient = recipient(issues.string(root, "to", "to"), issues);
		Priority priority = priority(issues.string(root, "priority", "priority"), issues);
		Duration ttl = (ttlNode != null && !ttlNode.isNull()) ? ttl(ttlNode, issues) : null;
		JsonNode contextNode = root.get("context");
		ReplyContext reply = null;
		BusinessContext business = null;
		if (contextNode != null && !contextNode.isNull()) {
			if (contextNode.has("message_id")) {
				String messageId = issues.requiredString(contextNode, "message_id", "context.message_id");
				reply = (messageId != null) ? new ReplyContext(messageId) : null;
			}
			else {
				business = businessContext(contextNode, issues);
			}
		}
		JsonNode scheduledNode = root.get("scheduledFor");
		Instant scheduledFor = (scheduledNode != null && !scheduledNode.isNull()) ? scheduledFor(scheduledNode, issues)
				: null;
		String type = issues.string(root, "type", "type");
		String status = issues.string(root, "status", "status");
		MetaMessage message;
		String templateName = null;
		TemplateArguments arguments = null;
		if (type == null && status != null) {
			message = markAsRead(root, status, issues);
			type = MessageRequest.MARK_AS_READ;
		}
		else {
			message = typed(root, type, reply, issues);
			if (message != null && message.template() != null) {
				templateName = message.template().name();
				JsonNode template = root.get("template");
				arguments = TemplateArgumentsReader.read(template.get("parameters"), template.get("components"),
						"template.", issues);
			}
		}
		if (issues.any() || message == null || recipient == null) {
			return issues.rejection();
		}
		MetaMessage addressed = MessageRequest.MARK_AS_READ.equals(type) ? message : message.withRecipient(recipient);
		return new ParseResult.Parsed(new MessageRequest(issues.string(root, "from", "from"), recipient, addressed,
				type, templateName, arguments, business, priority, ttl, scheduledFor));
	}

	private @Nullable Instant scheduledFor(JsonNode node, Issues issues) {
		Instant at;
		try {
			at = node.isString() ? Instant.parse(node.asString()) : null;
		}
		catch (DateTimeParseException ex) {
			at = null;
		}
		if (at == null) {
			issues.invalid("scheduledFor", "must be an ISO-8601 instant, e.g. 2026-01-31T12:00:00Z");
			return null;
		}
		Instant now = this.clock.instant();
		if (!at.isAfter(now)) {
			issues.invalid("scheduledFor", "must be in the future");
			return null;
		}
		if (at.isAfter(now.plus(this.maxScheduleAhead))) {
			issues.invalid("scheduledFor", "must be at most " + this.maxScheduleAhead.toDays() + " days ahead");
			return null;
		}
		return at;
	}

	private static @Nullable String recipient(@Nullable String to, Issues issues) {
		if (to == null) {
			issues.invalid("to", "is required: the customer's phone number in international format");
			return null;
		}
		NormalizedPhone phone = PhoneNumbers.normalize(to);
		if (phone instanceof NormalizedPhone.Valid valid) {
			return valid.e164();
		}
		issues.invalid("to", ((NormalizedPhone.Invalid) phone).reason());
		return null;
	}

	private static @Nullable MetaMessage typed(JsonNode root, @Nullable String type, @Nullable ReplyContext reply,
			Issues issues) {
		if (type == null) {
			issues.invalid("type", "is required, one of " + TYPES);
			return null;
		}
		if (!TYPES.contains(type)) {
			issues.invalid("type", "unsupported type '" + type + "', use one of " + TYPES);
			return null;
		}
		JsonNode object = root.get(type);
		if (object == null || object.isNull()) {
			issues.invalid(type, "is required when type is " + type);
			return null;
		}
		String recipientType = root.path("recipient_type").asString("individual");
		Object content = switch (type) {
			case "text" -> MessageObjects.text(object, issues);
			case "template" -> MessageObjects.template(object, issues);
			case "interactive" -> MessageObjects.interactive(object, issues);
			case "reaction" -> MessageObjects.reaction(object, issues);
			case "location" -> RichMessageObjects.location(object, issues);
			case "contacts" -> RichMessageObjects.contacts(object, issues);
			default -> MessageObjects.media(type, object, issues);
		};
		if (content == null) {
			return null;
		}
		return new MetaMessage(MetaMessage.WHATSAPP, recipientType, null, type, reply,
				(content instanceof MetaMessage.Text text) ? text : null,
				(content instanceof MetaMessage.Template template) ? template : null, media("image", type, content),
				media("document", type, content), media("audio", type, content), media("video", type, content),
				media("sticker", type, content),
				(content instanceof MetaMessage.Interactive interactive) ? interactive : null,
				(content instanceof MetaMessage.Reaction reaction) ? reaction : null, null, null, null, null,
				(content instanceof MetaMessage.Location location) ? location : null, contacts(content));
	}

	private static @Nullable List<JsonNode> contacts(Object content) {
		return (content instanceof List<?> list) ? list.stream().map(JsonNode.class::cast).toList() : null;
	}

	private static MetaMessage.@Nullable Media media(String slot, String type, Object content) {
		return (slot.equals(type) && MEDIA_TYPES.contains(type)) ? (MetaMessage.Media) content : null;
	}

	private static @Nullable MetaMessage markAsRead(JsonNode root, String status, Issues issues) {
		if (!"read".equals(status)) {
			issues.invalid("status", "only 'read' (mark as read) is supported; to send a message give a type");
		}
		String messageId = issues.requiredString(root, "message_id", "message_id");
		JsonNode typing = root.get("typing_indicator");
		TypingIndicator indicator = null;
		if (typing != null && !typing.isNull()) {
			String typingType = issues.requiredString(typing, "type", "typing_indicator.type");
			indicator = (typingType != null) ? new TypingIndicator(typingType) : null;
		}
		return (messageId != null) ? MetaMessage.markRead(messageId, indicator) : null;
	}

	private static @Nullable BusinessContext businessContext(JsonNode node, Issues issues) {
		String type = issues.requiredString(node, "type", "context.type");
		String id = issues.requiredString(node, "id", "context.id");
		if (type != null && type.length() > MAX_CONTEXT_LENGTH) {
			issues.invalid("context.type", "must be at most " + MAX_CONTEXT_LENGTH + " characters");
		}
		if (id != null && id.length() > MAX_CONTEXT_LENGTH) {
			issues.invalid("context.id", "must be at most " + MAX_CONTEXT_LENGTH + " characters");
		}
		return (type != null && id != null) ? new BusinessContext(type, id) : null;
	}

	private static Priority priority(@Nullable String value, Issues issues) {
		if (value == null) {
			return Priority.TRANSACTIONAL;
		}
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "transactional" -> Priority.TRANSACTIONAL;
			case "bulk" -> Priority.BULK;
			default -> {
				issues.invalid("priority", "must be transactional or bulk");
				yield Priority.TRANSACTIONAL;
			}
		};
	}

	private @Nullable Duration ttl(JsonNode node, Issues issues) {
		Duration ttl;
		try {
			if (node.isNumber()) {
				ttl = node.isIntegralNumber() ? Duration.ofSeconds(node.longValue()) : null;
			}
			else {
				String text = node.stringValue().strip();
				ttl = text.matches("\\d{1,10}") ? Duration.ofSeconds(Long.parseLong(text)) : Duration.parse(text);
			}
		}
		catch (DateTimeParseException ex) {
			ttl = null;
		}
		if (ttl == null) {
			issues.invalid("ttl", "must be an ISO-8601 duration (e.g. PT1H) or a whole number of seconds");
			return null;
		}
		if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(this.maxTtl) > 0) {
			issues.invalid("ttl", "must be positive and at most " + this.maxTtl);
			return null;
		}
		return ttl;
	}

}
