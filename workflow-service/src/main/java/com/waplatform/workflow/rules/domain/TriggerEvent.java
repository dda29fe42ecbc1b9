package com.waplatform.workflow.rules.domain;

import java.time.Instant;
import java.util.UUID;

import com.waplatform.common.business.BusinessEvent;
import tools.jackson.databind.JsonNode;

/**
 * A business event as rules see it: a CloudEvent's type, subject, time, id and data.
 *
 * @param id the platform's event id (message ids derive from it)
 * @param type e.g. {@code payment.due}
 * @param subject the business record's id, e.g. a booking id
 * @param time when it happened; delays count from it
 * @param data the event's JSON data, which the rule's pointers read
 */
public record TriggerEvent(UUID id, String type, String subject, Instant time, JsonNode data) {

	public static TriggerEvent of(BusinessEvent event) {
		return new TriggerEvent(event.eventId(), event.type(), event.subject(), event.occurredAt(), event.data());
	}

}
