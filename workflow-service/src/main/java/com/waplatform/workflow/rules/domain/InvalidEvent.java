package com.waplatform.workflow.rules.domain;

/**
 * Why an event cannot become a rule's messages, thrown inside the planner from deep in
 * the evaluation and turned into {@link RulePlan.Invalid} before {@link RulePlanner#plan}
 * returns: it never leaves this package.
 */
final class InvalidEvent extends RuntimeException {

	private final String reason;

	InvalidEvent(String reason, String detail) {
		super(detail, null, false, false);
		this.reason = reason;
	}

	RulePlan.Invalid toPlan() {
		return new RulePlan.Invalid(this.reason, getMessage());
	}

}
