package com.waplatform.support.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.waplatform.common.business.BusinessEvent;
import com.waplatform.common.business.CloudEventRead;
import com.waplatform.common.business.CloudEventReader;
import com.waplatform.common.event.Event;
import com.waplatform.common.event.EventHeaders;
import com.waplatform.common.event.EventTypes;
import com.waplatform.common.json.Json;
import com.waplatform.common.kafka.Topics;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads an event by its {@code ce_type} header, never by a Java class name. Records on
 * {@code wa.business-events} are CloudEvents from other backends, in either content mode
 * of the CloudEvents Kafka binding (binary: {@code ce_*} headers and the data as value;
 * structured: {@code content-type: application/cloudevents+json} and the whole event as
 * value), and become {@link BusinessEvent}s. Anything unreadable throws, so the
 * error-handling deserializer sends it to the dead-letter topic with the reason; a
 * business event the platform cannot use throws a {@link RejectedEventException} naming
 * why (a {@link CloudEventRead.Reason} code, {@value #UNKNOWN_MODE} or
 * {@value #MISSING_ORGANIZATION}).
 */
public class EventDeserializer implements Deserializer<Event> {

	/** Neither binary nor structured mode in JSON. */
	public static final String UNKNOWN_MODE = "unknown_mode";

	/** No {@code organizationid} attribute. */
	public static final String MISSING_ORGANIZATION = "missing_organization";

	private static final String BINARY_PREFIX = "ce_";

	@Override
	public Event deserialize(String topic, byte[] data) {
		throw new SerializationException("Events are read with their headers");
	}

	@Override
	public Event deserialize(String topic, Headers headers, byte[] data) {
		if (data == null) {
			return null;
		}
		if (topic.startsWith(Topics.BUSINESS_EVENTS.name())) {
			return businessEvent(headers, data);
		}
		String type = header(headers, EventHeaders.TYPE);
		if (type == null) {
			throw new SerializationException("Missing " + EventHeaders.TYPE + " header");
		}
		try {
			Class<?> type1 = EventTypes.classOf(type)
				.orElseThrow(() -> new SerializationException("Unknown event type '" + type + "'"));
			return (Event) Json.mapper().readValue(data, type1);
		}
		catch (JacksonException ex) {
			throw new SerializationException("Unreadable " + type + " event: " + ex.getOriginalMessage());
		}
	}

	private static BusinessEvent businessEvent(Headers headers, byte[] data) {
		String contentType = header(headers, EventHeaders.CONTENT_TYPE);
		CloudEventRead read = (contentType != null
				&& CloudEventReader.mediaType(contentType).startsWith(CloudEventReader.STRUCTURED_PREFIX))
						? structured(contentType, data) : binary(headers, contentType, data);
		if (read instanceof CloudEventRead.Invalid invalid) {
			throw RejectedEventException.rejected(invalid.first().reason().code(),
					"Unusable CloudEvent: " + invalid.describe());
		}
		CloudEventRead.Valid event = (CloudEventRead.Valid) read;
		String organizationId = organization(event, headers);
		return event.toBusinessEvent(BusinessEvent.eventIdOf(event.source(), event.id()), organizationId,
				Instant.now());
	}

	private static CloudEventRead structured(String contentType, byte[] data) {
		if (!CloudEventReader.mediaType(contentType).equals(CloudEventReader.STRUCTURED_JSON)) {
			throw RejectedEventException.rejected(UNKNOWN_MODE, "Unsupported CloudEvents content type '" + contentType
					+ "': structured mode is read in JSON (" + CloudEventReader.STRUCTURED_JSON + ") only");
		}
		JsonNode envelope;
		try {
			envelope = Json.mapper().readTree(data);
		}
		catch (JacksonException ex) {
			throw RejectedEventException.rejected(CloudEventRead.Reason.UNREADABLE_DATA.code(),
					"Structured-mode CloudEvent is not valid JSON: " + ex.getOriginalMessage());
		}
		return CloudEventReader.structured(envelope);
	}

	private static CloudEventRead binary(Headers headers, @Nullable String contentType, byte[] data) {
		boolean binary = false;
		for (Header header : headers) {
			binary |= header.key().startsWith(BINARY_PREFIX);
		}
		if (!binary) {
			throw RejectedEventException.rejected(UNKNOWN_MODE,
					"Not a CloudEvent: neither binary mode (ce_* headers) nor structured mode (content-type "
							+ CloudEventReader.STRUCTURED_JSON + ")");
		}
		return CloudEventReader.binary((name) -> header(headers, BINARY_PREFIX + name), contentType, data);
	}

	/**
	 * The {@code organizationid} attribute (in structured mode a
	 * {@code ce_organizationid} header is accepted as well, but may not contradict it).
	 */
	private static String organization(CloudEventRead.Valid event, Headers headers) {
		String fromHeader = header(headers, EventHeaders.ORGANIZATION_ID);
		String organizationId = (event.organizationId() != null) ? event.organizationId() : fromHeader;
		if (organizationId == null || organizationId.isBlank()) {
			throw RejectedEventException.rejected(MISSING_ORGANIZATION, "CloudEvent " + event.id()
					+ " names no organization: the " + CloudEventReader.ORGANIZATION_ID + " attribute is required");
		}
		if (fromHeader != null && !fromHeader.equals(organizationId)) {
			throw RejectedEventException.rejected(CloudEventRead.Reason.INVALID_ATTRIBUTE.code(),
					"CloudEvent " + event.id() + " names two organizations (" + CloudEventReader.ORGANIZATION_ID
							+ " attribute and " + EventHeaders.ORGANIZATION_ID + " header differ)");
		}
		return organizationId;
	}

	static @Nullable String header(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
