package com.waplatform.gateway.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON shapes of {@code /v1/events}. */
final class EventViews {

	private EventViews() {
	}

	/** {@code 202}: the events accepted, in request order. */
	record Accepted(List<AcceptedEvent> events) {
	}

	/**
	 * @param id the platform's id of the event ({@code GET /v1/events/{id}})
	 * @param cloudEventId the CloudEvents {@code id} as posted
	 * @param duplicate whether the event was posted before (not published again)
	 */
	record AcceptedEvent(UUID id, String source, String cloudEventId, boolean duplicate) {
	}

	/**
	 * An event the gateway accepted that workflow-service has not recorded (yet):
	 * {@code outcome} is {@code pending}.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Outcome(UUID id, String cloudEventId, String type, String source, String subject, String outcome,
			List<Object> rules, Instant receivedAt) {

		static Outcome pending(UUID id, String cloudEventId, String type, String source, String subject,
				Instant receivedAt) {
			return new Outcome(id, cloudEventId, type, source, subject, "pending", List.of(), receivedAt);
		}

	}

}
