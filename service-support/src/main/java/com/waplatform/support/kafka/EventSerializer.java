package com.waplatform.support.kafka;

import java.nio.charset.StandardCharsets;

import com.waplatform.common.business.BusinessEvent;
import com.waplatform.common.event.Event;
import com.waplatform.common.event.EventHeaders;
import com.waplatform.common.json.Json;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes an event as JSON and its metadata as CloudEvents headers (Kafka binding, binary
 * mode), so every producer sets them the same way and none can forget. Business events
 * carry only their {@code data} as the value, as CloudEvents binary mode prescribes.
 */
public class EventSerializer implements Serializer<Event> {

	static final String SOURCE = "/waplatform";

	@Override
	public byte[] serialize(String topic, Event event) {
		throw new UnsupportedOperationException("Events are serialized with their headers");
	}

	@Override
	public byte[] serialize(String topic, Headers headers, Event event) {
		if (event == null) {
			return null;
		}
		put(headers, EventHeaders.ID, event.eventId().toString());
		put(headers, EventHeaders.TYPE, event.eventType());
		put(headers, EventHeaders.SPEC_VERSION, EventHeaders.SPEC_VERSION_1_0);
		put(headers, EventHeaders.TIME, event.occurredAt().toString());
		put(headers, EventHeaders.SUBJECT, event.key());
		put(headers, EventHeaders.ORGANIZATION_ID, event.organizationId());
		put(headers, EventHeaders.SCHEMA_VERSION, Integer.toString(event.schemaVersion()));
		put(headers, EventHeaders.CONTENT_TYPE, "application/json");
		if (event instanceof BusinessEvent business) {
			put(headers, EventHeaders.SOURCE, business.source());
			return Json.mapper().writeValueAsBytes(business.data());
		}
		put(headers, EventHeaders.SOURCE, SOURCE);
		return Json.mapper().writeValueAsBytes(event);
	}

	private static void put(Headers headers, String name, String value) {
		headers.remove(name);
		headers.add(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
