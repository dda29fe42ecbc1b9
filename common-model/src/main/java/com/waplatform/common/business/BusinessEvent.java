package com.waplatform.common.business;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import com.waplatform.common.event.Event;
import tools.jackson.databind.JsonNode;

/**
 * A CloudEvent from another backend ({@code wa.business-events}, binary or structured
 * mode, read by {@link CloudEventReader}; the platform publishes it in binary mode: the
 * attributes travel as {@code ce_*} headers, the value is {@code data}).
 *
 * @param type e.g. {@code booking.confirmed}
 * @param source the producing system, e.g. {@code /bookings}
 * @param subject the aggregate id (booking id), the record key
 */
public record BusinessEvent(UUID eventId, Instant occurredAt, String organizationId, String type, String source,
		String subject, JsonNode data) implements Event {

	public static final String BOOKING_CONFIRMED = "booking.confirmed";

	@Override
	public String key() {
		return this.subject;
	}

	@Override
	public String eventType() {
		return this.type;
	}

	/**
	 * The platform's id of a CloudEvent a backend published on Kafka: its id when that is
	 * a UUID, else a name-based UUID of source and id (CloudEvents ids are unique per
	 * source and need not be UUIDs).
	 */
	public static UUID eventIdOf(String source, String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			return UUID.nameUUIDFromBytes((source + "|" + id).getBytes(StandardCharsets.UTF_8));
		}
	}

	/**
	 * The platform's id of a CloudEvent an organization posted to the gateway: a
	 * name-based UUID of organization, source and id (each length-prefixed, so no two
	 * triples share one). The same event posted twice has the same id, and no
	 * organization can post an event under an id of another organization's event.
	 */
	public static UUID organizationEventId(String organizationId, String source, String id) {
		String name = "organization-event|" + organizationId.length() + ":" + organizationId + "|" + source.length()
				+ ":" + source + "|" + id;
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
	}

}
