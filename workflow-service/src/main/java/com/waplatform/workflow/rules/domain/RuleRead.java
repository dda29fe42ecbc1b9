package com.waplatform.workflow.rules.domain;

import java.util.List;

/**
 * The outcome of reading a rule's JSON ({@link RuleDefinition#read}): a rule without
 * problems, or every problem found, its shape and its values together. An invalid rule is
 * never handed out.
 */
public sealed interface RuleRead {

	record Valid(RuleDefinition rule) implements RuleRead {
	}

	/**
	 * @param problems never empty
	 */
	record Invalid(List<RuleProblem> problems) implements RuleRead {

		public Invalid {
			problems = List.copyOf(problems);
		}

	}

}
