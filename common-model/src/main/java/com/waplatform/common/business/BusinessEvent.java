package com.waplatform.common.business;

import java.time.Instant;
import java.util.UUID;

import com.waplatform.common.event.Event;
import tools.jackson.databind.JsonNode;

/**
 * A CloudEvent from another backend ({@code wa.business-events}, binary mode: the
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

}
