package com.waplatform.workflow.rules.domain;

/**
 * Why a rule definition cannot be used, for the one who wrote it.
 *
 * @param field where, as a JSON-ish path: {@code trigger.conditions[1].pointer},
 * {@code parameters[2].format}, {@code timing.offsets[0]}; empty for the whole rule
 * @param message what is wrong and what is expected
 */
public record RuleProblem(String field, String message) {

	@Override
	public String toString() {
		return this.field.isEmpty() ? this.message : this.field + ": " + this.message;
	}

}
