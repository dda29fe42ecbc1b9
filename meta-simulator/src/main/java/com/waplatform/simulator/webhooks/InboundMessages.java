package com.waplatform.simulator.webhooks;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

import com.waplatform.simulator.accounts.Account;
import com.waplatform.simulator.media.MediaObject;
import com.waplatform.simulator.media.MediaStore;
import com.waplatform.simulator.media.MediaTypes;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.BAD_REQUEST;

/**
 * Turns an admin request ({@code type} and the type's object in Meta's shape, optional
 * {@code context} and {@code referral}) into the {@code messages[]} element Meta would
 * post, less {@code from}, {@code id} and {@code timestamp}. Media get a file the
 * simulator serves: the given id's file if it holds one, else a small made-up file under
 * the given (or a new) id, so the media id of the webhook can be downloaded.
 */
@Component
class InboundMessages {

	/**
	 * The types Meta posts ({@code voice}: an {@code audio} with {@code voice: true}).
	 */
	static final Set<String> TYPES = Set.of("text", "image", "video", "audio", "voice", "document", "sticker",
			"location", "contacts", "interactive", "button", "reaction", "order", "system", "edit", "revoke",
			"unsupported", "unknown");

	private static final Set<String> INTERACTIVE_REPLIES = Set.of("button_reply", "list_reply", "nfm_reply");

	private final MediaStore media;

	InboundMessages(MediaStore media) {
		this.media = media;
	}

	/** The message without sender, id and timestamp; its media id, if any. */
	Built build(Account account, JsonNode request) {
		String type = text(request, "type");
		if (type == null) {
			type = "text";
		}
		if (!TYPES.contains(type)) {
			throw bad("type must be one of " + TYPES + ", got '" + type + "'");
		}
		byte[] content = mediaContent(request);
		ObjectNode message = WebhookPayloads.MAPPER.createObjectNode();
		JsonNode context = request.get("context");
		if (context != null && !context.isNull()) {
			message.set("context", context(account, context));
		}
		String mediaId = null;
		switch (type) {
			case "text" -> {
				JsonNode text = request.get("text");
				if (text != null && text.isString()) {
					message.put("type", "text");
					message.putObject("text").put("body", text.asString());
				}
				else {
					requireString(object(request, "text"), "body", "text.body");
					typed(message, "text", object(request, "text"));
				}
			}
			case "voice" -> {
				ObjectNode audio = optionalObject(request, "voice", "audio");
				audio.put("voice", true);
				if (text(audio, "mime_type") == null) {
					audio.put("mime_type", "audio/ogg; codecs=opus");
				}
				mediaId = withFile(account, "audio", audio, content);
				typed(message, "audio", audio);
			}
			case "image", "video", "audio", "document", "sticker" -> {
				ObjectNode file = optionalObject(request, type);
				mediaId = withFile(account, type, file, content);
				typed(message, type, file);
			}
			case "contacts" -> {
				JsonNode contacts = request.get("contacts");
				if (contacts == null || !contacts.isArray() || contacts.isEmpty()) {
					throw bad("contacts must be a non-empty array of Meta's contact objects");
				}
				message.put("type", "contacts");
				message.set("contacts", contacts.deepCopy());
			}
			case "interactive" -> {
				ObjectNode interactive = object(request, "interactive");
				String replyType = text(interactive, "type");
				if (replyType == null || !INTERACTIVE_REPLIES.contains(replyType) || !interactive.has(replyType)) {
					throw bad("interactive.type must be one of " + INTERACTIVE_REPLIES + ", with its object");
				}
				typed(message, type, interactive);
			}
			case "button" -> typed(message, type, requireString(object(request, "button"), "text", "button.text"));
			case "reaction" ->
				typed(message, type, requireString(object(request, "reaction"), "message_id", "reaction.message_id"));
			case "revoke" -> typed(message, type,
					requireString(object(request, "revoke"), "original_message_id", "revoke.original_message_id"));
			case "edit" -> {
				ObjectNode edit = requireString(object(request, "edit"), "original_message_id",
						"edit.original_message_id");
				if (edit.get("message") instanceof ObjectNode edited && text(edited, "type") != null
						&& MediaTypes.kinds().contains(text(edited, "type"))) {
					ObjectNode file = optionalObject(edited, text(edited, "type"));
					mediaId = withFile(account, text(edited, "type"), file, content);
					edited.set(text(edited, "type"), file);
				}
				typed(message, type, edit);
			}
			case "unsupported", "unknown" -> {
				message.put("type", type);
				if (request.get("unsupported") instanceof ObjectNode unsupported) {
					message.set("unsupported", unsupported.deepCopy());
				}
				message.set("errors",
						(request.get("errors") instanceof ArrayNode errors) ? errors.deepCopy() : unsupportedErrors());
			}
			default -> typed(message, type, object(request, type));
		}
		if (request.get("referral") instanceof ObjectNode referral) {
			message.set("referral", referral.deepCopy());
		}
		return new Built(message, text(message, "type"), mediaId);
	}

	/**
	 * Meta's context of a reply: {@code from} the business number and {@code id} the
	 * wamid replied to; a string is taken as that wamid, an object is kept as given
	 * ({@code forwarded}, {@code referred_product}...) with {@code from} filled in.
	 */
	static ObjectNode context(Account account, JsonNode context) {
		if (context.isString()) {
			ObjectNode reply = WebhookPayloads.MAPPER.createObjectNode();
			reply.put("from", digits(account.displayPhoneNumber()));
			reply.put("id", context.asString());
			return reply;
		}
		if (!(context instanceof ObjectNode given)) {
			throw bad("context must be a wamid or Meta's context object");
		}
		ObjectNode copy = given.deepCopy();
		if (copy.has("id") && !copy.has("from")) {
			copy.put("from", digits(account.displayPhoneNumber()));
		}
		return copy;
	}

	private String withFile(Account account, String kind, ObjectNode file, byte[] content) {
		String id = text(file, "id");
		String givenType = text(file, "mime_type");
		MediaObject held = (id != null) ? this.media.find(id)
			.filter((object) -> givenType == null || givenType.equals(object.mimeType()))
			.orElse(null) : null;
		// an uploaded (or earlier) file is reused as is; else a customer file is made
		if (held == null || content.length > 0) {
			String mimeType = (text(file, "mime_type") != null) ? text(file, "mime_type")
					: MediaTypes.defaultMimeType(kind);
			held = this.media.customerFile(account, kind, mimeType, (id != null) ? id : this.media.newId(), content);
		}
		file.put("mime_type", held.mimeType());
		// webhooks carry the digest base64-encoded (as in Meta's samples)
		file.put("sha256", Base64.getEncoder().encodeToString(HexFormat.of().parseHex(held.sha256())));
		file.put("id", held.id());
		return held.id();
	}

	private static ArrayNode unsupportedErrors() {
		ArrayNode errors = WebhookPayloads.MAPPER.createArrayNode();
		ObjectNode error = errors.addObject();
		error.put("code", 131051);
		error.put("title", "Message type unknown");
		error.put("message", "Message type unknown");
		error.putObject("error_data").put("details", "Message type is currently not supported.");
		return errors;
	}

	private static byte[] mediaContent(JsonNode request) {
		String base64 = text(request, "mediaContent");
		if (base64 == null) {
			return new byte[0];
		}
		try {
			return Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw bad("mediaContent must be base64");
		}
	}

	private static void typed(ObjectNode message, String type, ObjectNode object) {
		message.put("type", type);
		message.set(type, object);
	}

	private static ObjectNode object(JsonNode request, String field) {
		if (!(request.get(field) instanceof ObjectNode object)) {
			throw bad(field + " (Meta's " + field + " object) is required");
		}
		return object.deepCopy();
	}

	private static ObjectNode optionalObject(JsonNode request, String... fields) {
		for (String field : fields) {
			if (request.get(field) instanceof ObjectNode object) {
				return object.deepCopy();
			}
		}
		return WebhookPayloads.MAPPER.createObjectNode();
	}

	private static ObjectNode requireString(ObjectNode object, String field, String path) {
		if (text(object, field) == null || text(object, field).isBlank()) {
			throw bad(path + " is required");
		}
		return object;
	}

	static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString()) ? value.asString() : null;
	}

	static String digits(String phone) {
		return phone.replaceAll("\\D", "");
	}

	static ResponseStatusException bad(String reason) {
		return new ResponseStatusException(BAD_REQUEST, reason);
	}

	/**
	 * @param message Meta's message object, less sender, id and timestamp
	 * @param type its type
	 * @param mediaId the id of its media file, if any
	 */
	record Built(ObjectNode message, @Nullable String type, @Nullable String mediaId) {
	}

}
