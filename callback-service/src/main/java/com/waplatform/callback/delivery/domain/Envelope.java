package com.waplatform.callback.delivery.domain;

import java.time.Instant;
import java.util.UUID;

import com.waplatform.common.event.Event;
import com.waplatform.common.json.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of a callback, a stable JSON envelope:
 * {@code {"id": deliveryId, "type": "message.status"|"message.inbound"|..., "createdAt",
 * "organizationId", "data": the event}}. It is written once, when the delivery is
 * created, and every attempt posts the same bytes (so retries of one delivery are
 * byte-identical and only the signature's timestamp differs).
 */
public final class Envelope {

	private Envelope() {
	}

	public static String body(UUID deliveryId, Instant createdAt, Event event) {
		ObjectNode envelope = Json.mapper().createObjectNode();
		envelope.put("id", deliveryId.toString());
		envelope.put("type", event.eventType());
		envelope.put("createdAt", createdAt.toString());
		envelope.put("organizationId", event.organizationId());
		envelope.set("data", Json.mapper().valueToTree(event));
		return Json.mapper().writeValueAsString(envelope);
	}

	/**
	 * The same envelope for another delivery (a manual replay): a new id and creation
	 * time, the same event.
	 */
	public static String rewrap(String body, UUID deliveryId, Instant createdAt) {
		ObjectNode envelope = (ObjectNode) Json.mapper().readTree(body);
		envelope.put("id", deliveryId.toString());
		envelope.put("createdAt", createdAt.toString());
		return Json.mapper().writeValueAsString(envelope);
	}

}
