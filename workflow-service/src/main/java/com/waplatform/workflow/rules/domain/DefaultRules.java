package com.waplatform.workflow.rules.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.waplatform.common.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * The rule sets an organization can start from, shipped as JSON in
 * {@code workflows/*.json} (each a list of rules in {@link RuleDefinition}'s format).
 */
public final class DefaultRules {

	static final String TOUR_OPERATOR = "/workflows/tour-operator.json";

	private DefaultRules() {
	}

	/**
	 * A tour operator's rules, for the templates the simulator seeds: booking
	 * confirmation and tour details, inquiry acknowledgement and follow-up, payment
	 * reminders, welcome.
	 */
	public static List<RuleDefinition> tourOperator() {
		return tourOperatorJson().stream().map((json) -> ((RuleRead.Valid) RuleDefinition.read(json)).rule()).toList();
	}

	/** The tour operator's rules as the JSON objects they are saved as. */
	public static List<JsonNode> tourOperatorJson() {
		return load(TOUR_OPERATOR);
	}

	/**
	 * The rules in the classpath resource {@code path}, each checked.
	 * @throws IllegalStateException when it is missing or a rule has problems: a
	 * packaging mistake, never the organization's
	 */
	static List<JsonNode> load(String path) {
		JsonNode rules;
		try (InputStream in = DefaultRules.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("No rule set " + path + " on the classpath");
			}
			rules = Json.mapper().readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read rule set " + path, ex);
		}
		if (!rules.isArray()) {
			throw new IllegalStateException("Rule set " + path + " is not a JSON list");
		}
		List<JsonNode> checked = new ArrayList<>();
		for (int i = 0; i < rules.size(); i++) {
			if (RuleDefinition.read(rules.get(i)) instanceof RuleRead.Invalid invalid) {
				throw new IllegalStateException("Rule " + i + " of " + path + " has problems: " + invalid.problems());
			}
			checked.add(rules.get(i));
		}
		return List.copyOf(checked);
	}

}
