package com.waplatform.workflow.rules.domain;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * JSON Pointers (RFC 6901) into an event's data. Everywhere a rule looks, a missing
 * field, JSON {@code null} and a blank text count alike as "no value": a backend that
 * sends {@code "email": ""} has no email, and a template parameter cannot be empty.
 */
final class Pointers {

	private Pointers() {
	}

	/** Why {@code pointer} is no pointer to a field, or null when it is one. */
	static @Nullable String problem(String pointer) {
		if (pointer.isEmpty()) {
			return "must name a field, e.g. /customerName (the empty pointer is the whole data)";
		}
		try {
			JsonPointer.compile(pointer);
			return null;
		}
		catch (IllegalArgumentException ex) {
			return "not a JSON Pointer (" + ex.getMessage() + "); write it like /customer/phone";
		}
	}

	/** The value at {@code pointer}, unless there is none (see the class comment). */
	static Optional<JsonNode> find(JsonNode data, String pointer) {
		JsonNode node = data.at(JsonPointer.compile(pointer));
		if (node.isMissingNode() || node.isNull() || (node.isString() && node.stringValue().isBlank())) {
			return Optional.empty();
		}
		return Optional.of(node);
	}

	/**
	 * The text at {@code pointer} (a number as written), stripped; empty when there is
	 * none or it is an object, a list or true/false.
	 */
	static Optional<String> text(JsonNode data, String pointer) {
		return find(data, pointer).filter((node) -> node.isString() || node.isNumber())
			.map((node) -> node.isString() ? node.stringValue().strip() : number(node));
	}

	/** A number's text without an exponent or a float's artefacts: 450, 450.5. */
	static String number(JsonNode node) {
		return node.decimalValue().toPlainString();
	}

	/** {@code node} in JSON, cut to a length that reads well in a message. */
	static String describe(JsonNode node) {
		return ParameterText.truncate(node.toString(), 80);
	}

}
