package com.waplatform.systemtests;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.waplatform.common.crypto.WebhookSignature;
import com.waplatform.common.json.Json;
import com.waplatform.devstack.DemoAccount;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Other projects' real webhook payloads made the demo number's: the WABA and phone-number
 * id replaced, each message id suffixed with the file's name (the samples share ids such
 * as {@code wamid.xyzxyz}), and which customer messages in them must be stored, with the
 * content kind their Meta type names.
 */
final class RealSamples {

	private static final Pattern PHONE_DIGITS = Pattern.compile("\\+?\\d{7,15}");

	private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private static final Set<String> MEDIA = Set.of("image", "video", "audio", "voice", "document", "sticker");

	private static final Set<String> REPLIES = Set.of("button_reply", "list_reply", "nfm_reply");

	private RealSamples() {
	}

	/** A customer message the platform must store. */
	record Message(String wamid, String customer, String kind) {
	}

	record Rewritten(byte[] bytes, List<Message> messages) {
	}

	static Rewritten rewrite(JsonNode payload, DemoAccount demo, String fileName) {
		List<Message> messages = new ArrayList<>();
		String suffix = "." + Integer.toHexString(fileName.hashCode());
		for (JsonNode entry : payload.path("entry")) {
			((ObjectNode) entry).put("id", demo.wabaId());
			for (JsonNode change : entry.path("changes")) {
				JsonNode value = change.path("value");
				if (value.path("metadata").isObject()) {
					((ObjectNode) value.path("metadata")).put("phone_number_id", demo.phoneNumberId());
				}
				if (!"messages".equals(change.path("field").asString(""))) {
					continue;
				}
				for (JsonNode message : value.path("messages")) {
					String wamid = message.path("id").asString("") + suffix;
					((ObjectNode) message).put("id", wamid);
					String customer = customer(message, value.path("contacts"));
					if (customer != null) {
						messages.add(new Message(wamid, customer, kind(message)));
					}
				}
			}
		}
		return new Rewritten(Json.mapper().writeValueAsBytes(payload), messages);
	}

	/**
	 * Posts the bytes signed with the demo organization's app secret; the HTTP status.
	 */
	static int post(WebTestClient gateway, DemoAccount demo, byte[] body) {
		return gateway.post()
			.uri("/webhooks/meta")
			.contentType(MediaType.APPLICATION_JSON)
			.header(WebhookSignature.HEADER, WebhookSignature.sign(demo.appSecret(), body))
			.bodyValue(body)
			.exchange()
			.returnResult(byte[].class)
			.getStatus()
			.value();
	}

	/** The message with this wamid in a conversation's page, or null. */
	static @Nullable JsonNode find(@Nullable JsonNode page, String wamid) {
		if (page == null) {
			return null;
		}
		for (JsonNode message : page.path("messages")) {
			// history items carry the wamid of an inbound message as their id
			if (wamid.equals(message.path("id").asString(""))) {
				return message;
			}
		}
		return null;
	}

	/**
	 * The customer key the platform stores a message under: the E.164 number, else the
	 * business-scoped user id; null for a library's placeholder sender (refused).
	 */
	private static @Nullable String customer(JsonNode message, JsonNode contacts) {
		String from = message.path("from").asString(null);
		if (from != null) {
			return PHONE_DIGITS.matcher(from).matches() ? "+" + from.replace("+", "") : null;
		}
		String userId = message.path("from_user_id").asString(null);
		if (userId == null && contacts.size() == 1) {
			userId = contacts.get(0).path("user_id").asString(null);
		}
		return (userId != null && USER_ID.matcher(userId).matches()) ? userId : null;
	}

	private static String kind(JsonNode message) {
		String type = message.path("type").asString("");
		if (MEDIA.contains(type)) {
			return "media";
		}
		if ("button".equals(type)) {
			return "reply";
		}
		if ("interactive".equals(type)) {
			return REPLIES.contains(message.at("/interactive/type").asString("")) ? "reply" : "unsupported";
		}
		if (Set.of("text", "location", "contacts", "reaction", "order", "system", "edit", "revoke").contains(type)) {
			return type;
		}
		return "unsupported";
	}

}
