package com.waplatform.gateway.events.domain;

import java.util.List;

import com.waplatform.common.business.BusinessEvent;

/**
 * What a {@code POST /v1/events} request holds: every event readable and the
 * organization's, or why none may be published (a batch is all or nothing).
 */
public sealed interface PostedEvents permits PostedEvents.Accepted, PostedEvents.Refused {

	/**
	 * Events to publish, in request order.
	 *
	 * @param cloudEventIds the CloudEvents {@code id} of each event, as posted
	 */
	record Accepted(Mode mode, List<BusinessEvent> events, List<String> cloudEventIds) implements PostedEvents {

		public Accepted {
			events = List.copyOf(events);
			cloudEventIds = List.copyOf(cloudEventIds);
		}

	}

	/**
	 * Nothing is published.
	 *
	 * @param problem {@link Problem#MALFORMED} (400), {@link Problem#UNSUPPORTED} (415),
	 * {@link Problem#INVALID} (422) or {@link Problem#TOO_MANY} (422)
	 * @param errors each bad event's problems (with its index in a batch)
	 */
	record Refused(Problem problem, String detail, List<EventError> errors) implements PostedEvents {

		public Refused {
			errors = List.copyOf(errors);
		}

	}

	/** The three content modes of the CloudEvents HTTP binding. */
	enum Mode {

		BINARY, STRUCTURED, BATCH

	}

	enum Problem {

		MALFORMED, UNSUPPORTED, INVALID, TOO_MANY

	}

}
