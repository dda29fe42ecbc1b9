package com.waplatform.simulator.webhooks;

import java.util.ArrayList;
import java.util.List;

import com.waplatform.common.json.Json;
import com.waplatform.simulator.ledger.LedgerEntry;
import com.waplatform.simulator.ledger.RenderedMessage;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a customer's tap on a button of a message the simulator accepted produces, as Meta
 * posts it: a template quick-reply gives {@code type: button} with the payload sent (or
 * the button's text when none was) and the label; an interactive reply button gives
 * {@code interactive.button_reply} and a list row {@code interactive.list_reply}, with
 * the id and title that were sent.
 */
final class ReplyButtons {

	private ReplyButtons() {
	}

	/**
	 * The reply message (without context) to tapping button {@code index} (position among
	 * the message's buttons or list rows, from 0) or the button whose id (payload) is
	 * {@code id}.
	 * @throws IllegalArgumentException when the message has no such button
	 */
	static ObjectNode reply(LedgerEntry sent, @Nullable Integer index, @Nullable String id) {
		JsonNode request = Json.mapper().readTree(sent.requestJson());
		ObjectNode message = WebhookPayloads.MAPPER.createObjectNode();
		if ("template".equals(sent.type())) {
			RenderedMessage rendered = sent.rendered();
			List<RenderedMessage.Button> buttons = (rendered != null) ? rendered.buttons() : List.of();
			RenderedMessage.Button button = pick(buttons, index, id,
					(candidate) -> (candidate.payload() != null) ? candidate.payload() : candidate.text());
			if (!"QUICK_REPLY".equals(button.type())) {
				throw new IllegalArgumentException("button " + index + " is a " + button.type()
						+ " button: only quick-reply buttons send a message back");
			}
			message.put("type", "button");
			ObjectNode reply = message.putObject("button");
			reply.put("payload", (button.payload() != null) ? button.payload() : button.text());
			reply.put("text", button.text());
			return message;
		}
		JsonNode interactive = request.path("interactive");
		String interactiveType = interactive.path("type").asString("");
		if ("button".equals(interactiveType)) {
			List<JsonNode> buttons = new ArrayList<>();
			interactive.path("action").path("buttons").forEach((button) -> buttons.add(button.path("reply")));
			JsonNode button = pick(buttons, index, id, (candidate) -> candidate.path("id").asString(null));
			return interactiveReply(message, "button_reply", button);
		}
		if ("list".equals(interactiveType)) {
			List<JsonNode> rows = new ArrayList<>();
			interactive.path("action").path("sections").forEach((section) -> section.path("rows").forEach(rows::add));
			JsonNode row = pick(rows, index, id, (candidate) -> candidate.path("id").asString(null));
			return interactiveReply(message, "list_reply", row);
		}
		throw new IllegalArgumentException(
				"message " + sent.wamid() + " (" + sent.type() + ") has no buttons a customer can tap");
	}

	private static ObjectNode interactiveReply(ObjectNode message, String replyType, JsonNode choice) {
		message.put("type", "interactive");
		ObjectNode interactive = message.putObject("interactive");
		interactive.put("type", replyType);
		ObjectNode reply = interactive.putObject(replyType);
		reply.put("id", choice.path("id").asString());
		reply.put("title", choice.path("title").asString());
		if (choice.hasNonNull("description")) {
			reply.put("description", choice.get("description").asString());
		}
		return message;
	}

	private static <T> T pick(List<T> choices, @Nullable Integer index, @Nullable String id,
			java.util.function.Function<T, @Nullable String> idOf) {
		if (choices.isEmpty()) {
			throw new IllegalArgumentException("the message has no buttons");
		}
		if (index != null) {
			if (index < 0 || index >= choices.size()) {
				throw new IllegalArgumentException(
						"index " + index + " is out of range: the message has " + choices.size() + " choice(s)");
			}
			return choices.get(index);
		}
		if (id != null) {
			return choices.stream()
				.filter((choice) -> id.equals(idOf.apply(choice)))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("no button with id (payload) '" + id + "'"));
		}
		throw new IllegalArgumentException("give the button's index or id");
	}

}
