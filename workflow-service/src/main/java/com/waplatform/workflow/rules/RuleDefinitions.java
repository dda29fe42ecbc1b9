package com.waplatform.workflow.rules;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.waplatform.common.json.Json;
import com.waplatform.workflow.rules.domain.RuleDefinition;
import com.waplatform.workflow.rules.domain.RuleProblem;
import com.waplatform.workflow.rules.domain.RuleRead;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reading rules as the service keeps them: a request body (every problem reported), a
 * stored definition (valid when it was saved), and the shipped default rule sets as the
 * JSON they are saved as.
 */
public final class RuleDefinitions {

	private static final String TOUR_OPERATOR = "/workflows/tour-operator.json";

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

	/** The tour operator's default rules, each as the JSON object it is saved as. */
	static List<JsonNode> tourOperator() {
		try (InputStream in = RuleDefinitions.class.getResourceAsStream(TOUR_OPERATOR)) {
			if (in == null) {
				throw new IllegalStateException(TOUR_OPERATOR + " is missing from the classpath");
			}
			List<JsonNode> rules = new ArrayList<>();
			Json.mapper().readTree(in).forEach(rules::add);
			return rules;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + TOUR_OPERATOR, ex);
		}
	}

	public static boolean cancelledBy(RuleDefinition rule, String eventType) {
		return rule.cancelOn() != null
				&& rule.cancelOn().events().stream().anyMatch((event) -> eventType.equals(event.type()));
	}

	public static boolean cancelledByReply(RuleDefinition rule) {
		return rule.cancelOn() != null && rule.cancelOn().reply();
	}

	/**
	 * @param definition null when there are problems
	 */
	record Parsed(@Nullable RuleDefinition definition, List<RuleProblem> problems) {

	}

}
