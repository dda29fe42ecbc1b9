package com.waplatform.workflow.rules;

import java.time.Instant;
import java.util.List;

import com.waplatform.common.message.SendRequest;
import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.workflow.rules.domain.PlannedMessage;
import com.waplatform.workflow.rules.domain.RulePlan;
import org.jspecify.annotations.Nullable;

/** What one rule makes of one business event ({@link RuleEvaluator}). */
public sealed interface RuleResult {

	StoredRule rule();

	/**
	 * The rule sends nothing for this event, for a reason the event's outcome shows:
	 * {@code rule_disabled}, {@code automation_off}, {@code condition_false},
	 * {@code marketing_disabled}, {@code opted_out} ({@link OptOuts}),
	 * {@code template_invalid}, {@code expired}, or the planner's
	 * {@code invalid_recipient}, {@code missing_value}, {@code invalid_value},
	 * {@code invalid_time}.
	 */
	record Skipped(StoredRule rule, String reason, String detail) implements RuleResult {

		/**
		 * Whether the event's data, not a setting or the rule's own state, was at fault.
		 */
		public boolean invalidData() {
			return switch (this.reason) {
				case RulePlan.Invalid.INVALID_RECIPIENT, RulePlan.Invalid.MISSING_VALUE, RulePlan.Invalid.INVALID_VALUE,
						RulePlan.Invalid.INVALID_TIME ->
					true;
				default -> false;
			};
		}

	}

	/**
	 * The event cannot be handled at all: it names another organization's number
	 * ({@code foreign_number}, for good) or cannot be decided yet
	 * ({@code no_business_number}, {@code templates_not_synced}: retried, then
	 * dead-lettered).
	 */
	record Refused(StoredRule rule, String reason, String detail, boolean retryable) implements RuleResult {

	}

	/** The messages the rule sends for the event. */
	record Produced(StoredRule rule, List<RuleMessage> messages) implements RuleResult {

		public Produced {
			messages = List.copyOf(messages);
		}

	}

	/**
	 * One message of a rule.
	 *
	 * @param request what goes to the sender ({@code scheduledFor} set when held)
	 * @param sendAt when it goes out: now, or the due time (after quiet hours)
	 * @param scheduled whether it is held until {@code sendAt}
	 */
	record RuleMessage(PlannedMessage plan, SendRequest request, MessageTemplate template, Instant sendAt,
			boolean scheduled, @Nullable String languageFallback) {

	}

}
