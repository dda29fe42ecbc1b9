package com.waplatform.workflow.rules.domain;

import java.util.List;

/** What a rule does with an event ({@link RulePlanner#plan}). */
public sealed interface RulePlan {

	/**
	 * The skip reason of a rule with a MARKETING template whose recipient is on the
	 * organization's suppression list (opted out); beside the planner's own reasons
	 * ({@link Invalid}) so that every skip reason has one home.
	 */
	String OPTED_OUT = "opted_out";

	/**
	 * The rule does not apply: the event is of another type, or a condition does not
	 * hold.
	 *
	 * @param detail which, e.g. {@code /package/category is "city", not "adventure"}
	 */
	record ConditionFalse(String detail) implements RulePlan {
	}

	/**
	 * The rule applies, but the event cannot become its messages: redelivering it will
	 * not help.
	 *
	 * @param reason {@link #INVALID_RECIPIENT}, {@link #MISSING_VALUE},
	 * {@link #INVALID_VALUE} or {@link #INVALID_TIME}
	 * @param detail what, naming the pointer
	 */
	record Invalid(String reason, String detail) implements RulePlan {

		/** The phone number is missing or no valid number. */
		public static final String INVALID_RECIPIENT = "invalid_recipient";

		/** A parameter, currency or relative time has no value and no default. */
		public static final String MISSING_VALUE = "missing_value";

		/** A value cannot be formatted as the rule asks. */
		public static final String INVALID_VALUE = "invalid_value";

		/** The time a series counts from is no date, or a due time is out of range. */
		public static final String INVALID_TIME = "invalid_time";

	}

	/**
	 * @param messages one per due time, in the order of the rule's offsets
	 */
	record Planned(List<PlannedMessage> messages) implements RulePlan {

		public Planned {
			messages = List.copyOf(messages);
		}

	}

}
