package com.waplatform.webhook.routing.domain;

import com.waplatform.common.json.Json;
import com.waplatform.common.meta.WebhookPayload;
import tools.jackson.core.JacksonException;

/**
 * Reads Meta's webhook envelope. Anything that is not a well-formed envelope can never be
 * processed, so it is an {@link IllegalArgumentException}: the record goes to the
 * dead-letter topic at once, with the reason.
 */
public final class WebhookPayloads {

	private WebhookPayloads() {
	}

	public static WebhookPayload parse(String raw) {
		WebhookPayload payload;
		try {
			payload = Json.mapper().readValue(raw, WebhookPayload.class);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Unparseable webhook payload: " + ex.getOriginalMessage(), ex);
		}
		if (payload == null || payload.entry() == null) {
			throw new IllegalArgumentException("Webhook payload has no 'entry' list");
		}
		for (WebhookPayload.Entry entry : payload.entry()) {
			if (entry == null || entry.id() == null || entry.changes() == null) {
				throw new IllegalArgumentException("Webhook entry without 'id' or 'changes'");
			}
			for (WebhookPayload.Change change : entry.changes()) {
				if (change == null || change.field() == null || change.value() == null) {
					throw new IllegalArgumentException(
							"Webhook change without 'field' or 'value' in entry " + entry.id());
				}
			}
		}
		return payload;
	}

	/** Reads a change's {@code value} as the shape its field has. */
	public static <T> T value(WebhookPayload.Change change, Class<T> type) {
		try {
			return Json.mapper().treeToValue(change.value(), type);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(
					"Unreadable '" + change.field() + "' webhook change: " + ex.getOriginalMessage(), ex);
		}
	}

}
