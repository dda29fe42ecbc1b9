package com.waplatform.common.business;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What {@link CloudEventReader} made of one CloudEvent: its attributes and data, or every
 * reason it cannot be used.
 */
public sealed interface CloudEventRead permits CloudEventRead.Valid, CloudEventRead.Invalid {

	/**
	 * A readable CloudEvent 1.0.
	 *
	 * @param subject the aggregate id, when the producer named one
	 * @param time when it happened, when the producer said so
	 * @param organizationId the {@code organizationid} extension attribute, when present
	 * @param data the event's data as JSON ({@code null} node when it has none)
	 */
	record Valid(String id, String source, String type, @Nullable String subject, @Nullable Instant time,
			@Nullable String organizationId, JsonNode data) implements CloudEventRead {

		/**
		 * The business event of {@code organizationId}: the subject defaults to the
		 * CloudEvents id (the record key must name something), the time to
		 * {@code receivedAt}.
		 */
		public BusinessEvent toBusinessEvent(UUID eventId, String organizationId, Instant receivedAt) {
			return new BusinessEvent(eventId, (this.time != null) ? this.time : receivedAt, organizationId, this.type,
					this.source, (this.subject != null) ? this.subject : this.id, this.data);
		}

	}

	/** Every problem found, missing attributes first. */
	record Invalid(List<Violation> violations) implements CloudEventRead {

		public Invalid {
			violations = List.copyOf(violations);
		}

		/** The first problem: the reason a record is refused for. */
		public Violation first() {
			return this.violations.get(0);
		}

		/** All problems as one line, e.g. for a log line or a dead letter. */
		public String describe() {
			return String.join("; ", this.violations.stream().map(Violation::describe).toList());
		}

	}

	/**
	 * One problem.
	 *
	 * @param attribute the CloudEvents attribute ({@code id}, {@code time},
	 * {@code data}...)
	 */
	record Violation(String attribute, Reason reason, String message) {

		public String describe() {
			return this.attribute + ": " + this.message;
		}

	}

	/** Why an event cannot be used: bounded, so it can name a metric tag. */
	enum Reason {

		/** A required attribute (specversion, id, source, type) is absent or empty. */
		MISSING_ATTRIBUTE,

		/** An attribute has a wrong type or value (specversion not 1.0, time...). */
		INVALID_ATTRIBUTE,

		/** The data (or a structured-mode envelope) is not readable JSON. */
		UNREADABLE_DATA;

		/** The lower-case name used in metrics and dead-letter headers. */
		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
