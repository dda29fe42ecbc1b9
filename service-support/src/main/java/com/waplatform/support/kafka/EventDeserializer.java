package com.waplatform.support.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import com.waplatform.common.business.BusinessEvent;
import com.waplatform.common.event.Event;
import com.waplatform.common.event.EventHeaders;
import com.waplatform.common.event.EventTypes;
import com.waplatform.common.json.Json;
import com.waplatform.common.kafka.Topics;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import tools.jackson.core.JacksonException;

/**
 * Reads an event by its {@code ce_type} header, never by a Java class name. Records on
 * {@code wa.business-events} are CloudEvents from other backends and become
 * {@link BusinessEvent}s. Anything unreadable throws, so the error-handling deserializer
 * sends it to the dead-letter topic with the reason.
 */
public class EventDeserializer implements Deserializer<Event> {

	@Override
	public Event deserialize(String topic, byte[] data) {
		throw new SerializationException("Events are read with their headers");
	}

	@Override
	public Event deserialize(String topic, Headers headers, byte[] data) {
		if (data == null) {
			return null;
		}
		String type = header(headers, EventHeaders.TYPE);
		if (type == null) {
			throw new SerializationException("Missing " + EventHeaders.TYPE + " header");
		}
		try {
			if (topic.startsWith(Topics.BUSINESS_EVENTS.name())) {
				return businessEvent(headers, type, data);
			}
			Class<?> type1 = EventTypes.classOf(type)
				.orElseThrow(() -> new SerializationException("Unknown event type '" + type + "'"));
			return (Event) Json.mapper().readValue(data, type1);
		}
		catch (JacksonException ex) {
			throw new SerializationException("Unreadable " + type + " event: " + ex.getOriginalMessage());
		}
	}

	private static BusinessEvent businessEvent(Headers headers, String type, byte[] data) {
		String id = required(headers, EventHeaders.ID);
		String source = required(headers, EventHeaders.SOURCE);
		String organizationId = required(headers, EventHeaders.ORGANIZATION_ID);
		String subject = required(headers, EventHeaders.SUBJECT);
		String time = header(headers, EventHeaders.TIME);
		Instant occurredAt;
		try {
			occurredAt = (time != null) ? Instant.parse(time) : Instant.now();
		}
		catch (DateTimeParseException ex) {
			throw new SerializationException("Invalid " + EventHeaders.TIME + " '" + time + "'");
		}
		return new BusinessEvent(eventId(source, id), occurredAt, organizationId, type, source, subject,
				Json.mapper().readTree(data));
	}

	/** CloudEvents ids are unique per source and need not be UUIDs. */
	private static UUID eventId(String source, String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			return UUID.nameUUIDFromBytes((source + "|" + id).getBytes(StandardCharsets.UTF_8));
		}
	}

	private static String required(Headers headers, String name) {
		String value = header(headers, name);
		if (value == null || value.isBlank()) {
			throw new SerializationException("Missing CloudEvents attribute header " + name);
		}
		return value;
	}

	static String header(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
