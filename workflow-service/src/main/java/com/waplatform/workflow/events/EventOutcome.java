package com.waplatform.workflow.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.waplatform.common.business.BusinessEvent;
import org.jspecify.annotations.Nullable;

/**
 * What one business event triggered, as {@code GET /internal/events/{id}} shows it: the
 * rules that matched and the messages they created, or why nothing was sent.
 *
 * @param outcome {@code triggered} (messages created), {@code ignored} (no rule reacts to
 * the type) or {@code rejected} (dead-lettered)
 * @param reason why nothing was sent: {@code no_matching_rule}, or the rejection's reason
 * ({@code invalid_data}, {@code foreign_number}, {@code unknown_organization}...)
 * @param detail the reason in words (never naming another organization)
 * @param recordedAt when this outcome was recorded (the database's clock)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EventOutcome(@JsonProperty("id") UUID eventId, String type, String source, String subject, Instant occurredAt,
		String outcome, @Nullable String reason, @Nullable String detail, List<RuleOutcome> rules,
		@Nullable Instant recordedAt) {

	static final String TRIGGERED = "triggered";

	static final String IGNORED = "ignored";

	static final String REJECTED = "rejected";

	static final String NO_MATCHING_RULE = "no_matching_rule";

	EventOutcome {
		rules = List.copyOf(rules);
	}

	static EventOutcome triggered(BusinessEvent event, List<RuleOutcome> rules) {
		return of(event, TRIGGERED, null, null, rules);
	}

	static EventOutcome ignored(BusinessEvent event) {
		return of(event, IGNORED, NO_MATCHING_RULE, "no rule reacts to events of type " + event.type(), List.of());
	}

	static EventOutcome rejected(BusinessEvent event, String reason, String detail, List<RuleOutcome> rules) {
		return of(event, REJECTED, reason, detail, rules);
	}

	private static EventOutcome of(BusinessEvent event, String outcome, @Nullable String reason,
			@Nullable String detail, List<RuleOutcome> rules) {
		return new EventOutcome(event.eventId(), event.type(), event.source(), event.subject(), event.occurredAt(),
				outcome, reason, detail, rules, null);
	}

	/**
	 * One rule that matched the event's type.
	 *
	 * @param messages the ids of the messages it created (a redelivery names the same)
	 * @param skipped why it created none, when it refused the event
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record RuleOutcome(String rule, List<String> messages, @Nullable String skipped, @Nullable String detail) {

		RuleOutcome {
			messages = List.copyOf(messages);
		}

		static RuleOutcome created(String rule, List<String> messages) {
			return new RuleOutcome(rule, messages, null, null);
		}

		static RuleOutcome skipped(String rule, String reason, String detail) {
			return new RuleOutcome(rule, List.of(), reason, detail);
		}

	}

}
