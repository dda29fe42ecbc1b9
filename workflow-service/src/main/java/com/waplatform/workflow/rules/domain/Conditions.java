package com.waplatform.workflow.rules.domain;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.waplatform.workflow.rules.domain.RuleDefinition.Condition;
import tools.jackson.databind.JsonNode;

/**
 * Evaluates a trigger's conditions on an event's data. Values compare as JSON: a text
 * equals only a text, true only true; numbers compare by value ({@code 1} equals
 * {@code 1.0}), but never a number with a text ({@code 1} is not {@code "1"}).
 */
final class Conditions {

	private Conditions() {
	}

	/** Why the first condition that does not hold fails, or empty when all hold. */
	static Optional<String> firstFailing(List<Condition> conditions, JsonNode data) {
		for (Condition condition : conditions) {
			Optional<String> failure = failure(condition, data);
			if (failure.isPresent()) {
				return failure;
			}
		}
		return Optional.empty();
	}

	private static Optional<String> failure(Condition condition, JsonNode data) {
		String pointer = condition.pointer();
		Optional<JsonNode> actual = Pointers.find(data, pointer);
		String is = actual.map((node) -> pointer + " is " + Pointers.describe(node)).orElse(pointer + " is absent");
		if (condition.equalTo() != null) {
			return actual.filter((node) -> sameValue(node, condition.equalTo())).isPresent() ? Optional.empty()
					: Optional.of(is + ", not " + Pointers.describe(condition.equalTo()));
		}
		if (condition.in() != null) {
			boolean any = actual.filter((node) -> condition.in().stream().anyMatch((v) -> sameValue(node, v)))
				.isPresent();
			return any ? Optional.empty() : Optional.of(is + ", not one of "
					+ condition.in().stream().map(Pointers::describe).collect(Collectors.joining(", ", "[", "]")));
		}
		boolean mustExist = (condition.exists() != null) ? condition.exists()
				: !Boolean.TRUE.equals(condition.absent());
		if (actual.isPresent() == mustExist) {
			return Optional.empty();
		}
		return Optional.of(mustExist ? is : is + ", not absent");
	}

	private static boolean sameValue(JsonNode actual, JsonNode expected) {
		if (actual.isNumber() && expected.isNumber()) {
			return actual.decimalValue().compareTo(expected.decimalValue()) == 0;
		}
		return actual.equals(expected);
	}

}
