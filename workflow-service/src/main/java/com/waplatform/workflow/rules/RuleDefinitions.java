package com.waplatform.workflow.rules;

import java.util.List;

import com.waplatform.workflow.rules.domain.RuleDefinition;
import com.waplatform.workflow.rules.domain.RuleProblem;
import com.waplatform.workflow.rules.domain.RuleRead;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reading rules as the service keeps them: a request body (every problem reported) and a
 * stored definition (valid when it was saved).
 */
final class RuleDefinitions {

	private RuleDefinitions() {
	}

	static Parsed parse(JsonNode json) {
		RuleRead read = RuleDefinition.read(json);
		return (read instanceof RuleRead.Valid valid) ? new Parsed(valid.rule(), List.of())
				: new Parsed(null, ((RuleRead.Invalid) read).problems());
	}

	/** A definition read back from the database: it had no problems when it was saved. */
	static RuleDefinition parseStored(String json) {
		RuleRead read = RuleDefinition.read(json);
		if (read instanceof RuleRead.Valid valid) {
			return valid.rule();
		}
		throw new IllegalStateException("A stored workflow no longer reads: " + ((RuleRead.Invalid) read).problems());
	}

	/**
	 * @param definition null when there are problems
	 */
	record Parsed(@Nullable RuleDefinition definition, List<RuleProblem> problems) {

	}

}
