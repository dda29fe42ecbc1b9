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
 * rules that matched and the messages they created or scheduled, the rules that sent
 * nothing and why, and the held messages the event cancelled.
 *
 * @param outcome {@code triggered} (a rule matched: see {@code rules}), {@code ignored}
 * (no rule reacts to the type) or {@code rejected} (dead-lettered)
 * @param reason why nothing was sent: {@code no_matching_rule}, or the rejection's reason
 * ({@code invalid_data}, {@code foreign_number}, {@code unknown_organization}...)
 * @param detail the reason in words (never naming another organization)
 * @param cancelled held messages this event cancelled, per rule
 * @param recordedAt when this outcome was recorded (the database's clock)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EventOutcome(@JsonProperty("id") UUID eventId, String type, String source, String subject, Instant occurredAt,
		String outcome, @Nullable String reason, @Nullable String detail, List<RuleOutcome> rules,
		@Nullable List<Cancelled> cancelled, @Nullable Instant recordedAt) {

	static final String TRIGGERED = "triggered";

	static final String IGNORED = "ignored";

	static final String REJECTED = "rejected";

	static final String NO_MATCHING_RULE = "no_matching_rule";

	EventOutcome {
		rules = List.copyOf(rules);
		cancelled = (cancelled != null && !cancelled.isEmpty()) ? List.copyOf(cancelled) : null;
	}

	static EventOutcome triggered(BusinessEvent event, List<RuleOutcome> rules, List<Cancelled> cancelled) {
		return of(event, TRIGGERED, null, null, rules, cancelled);
	}

	static EventOutcome ignored(BusinessEvent event) {
		return of(event, IGNORED, NO_MATCHING_RULE, "no rule reacts to events of type " + event.type(), List.of(),
				List.of());
	}

	static EventOutcome rejected(BusinessEvent event, String reason, String detail, List<RuleOutcome> rules) {
		return of(event, REJECTED, reason, detail, rules, List.of());
	}

	private static EventOutcome of(BusinessEvent event, String outcome, @Nullable String reason,
			@Nullable String detail, List<RuleOutcome> rules, List<Cancelled> cancelled) {
		return new EventOutcome(event.eventId(), event.type(), event.source(), event.subject(), event.occurredAt(),
				outcome, reason, detail, rules, cancelled, null);
	}

	/**
	 * One rule that reacts to the event's type.
	 *
	 * @param rule the rule's name
	 * @param workflowId the rule's id ({@code /v1/workflows/{id}}) and the version that
	 * decided
	 * @param messages the ids of the messages it created, sent now or held (a redelivery
	 * names the same)
	 * @param scheduled those of them held until a later time, with that time
	 * @param skipped why it created none: {@code rule_disabled}, {@code automation_off},
	 * {@code condition_false}, {@code marketing_disabled}, {@code opted_out},
	 * {@code template_invalid}, {@code invalid_recipient}, {@code missing_value}...
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record RuleOutcome(String rule, @Nullable UUID workflowId, @Nullable Integer version, List<String> messages,
			@Nullable List<Scheduled> scheduled, @Nullable String skipped, @Nullable String detail) {

		RuleOutcome {
			messages = List.copyOf(messages);
			scheduled = (scheduled != null && !scheduled.isEmpty()) ? List.copyOf(scheduled) : null;
		}

		static RuleOutcome created(String rule, UUID workflowId, int version, List<String> messages,
				List<Scheduled> scheduled) {
			return new RuleOutcome(rule, workflowId, version, messages, scheduled, null, null);
		}

		static RuleOutcome skipped(String rule, @Nullable UUID workflowId, @Nullable Integer version, String reason,
				String detail) {
			return new RuleOutcome(rule, workflowId, version, List.of(), null, reason, detail);
		}

	}

	/**
	 * A message held until {@code sendAt}.
	 *
	 * @param deferredByQuietHours whether quiet hours moved it
	 */
	record Scheduled(String id, Instant sendAt, boolean deferredByQuietHours) {

	}

	/** Held messages of a rule that the event cancelled. */
	record Cancelled(String rule, UUID workflowId, List<String> messages) {

		Cancelled {
			messages = List.copyOf(messages);
		}

	}

}
