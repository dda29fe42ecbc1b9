package com.waplatform.webhook.routing.domain;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reading fields of Meta's message objects: text that is absent, {@code null} or blank is
 * {@code null}; numbers where text is expected are their text (an order's
 * {@code item_price}); a required field that is missing is an
 * {@link IllegalArgumentException} naming it.
 */
public final class JsonFields {

	private JsonFields() {
	}

	public static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		String text = null;
		if (value.isString()) {
			text = value.stringValue();
		}
		else if (value.isNumber()) {
			text = value.asString();
		}
		return (text == null || text.isBlank()) ? null : text;
	}

	public static String required(JsonNode node, String field, String what) {
		String text = text(node, field);
		if (text == null) {
			throw new IllegalArgumentException(what + " without '" + field + "'");
		}
		return text;
	}

	public static JsonNode object(JsonNode message, String field, String what) {
		JsonNode value = message.path(field);
		if (!value.isObject()) {
			throw new IllegalArgumentException(what + " without its '" + field + "' object");
		}
		return value;
	}

	public static boolean flag(JsonNode node, String field) {
		return node.path(field).asBoolean(false);
	}

	public static double number(JsonNode node, String field, String what) {
		JsonNode value = node.path(field);
		if (value.isNumber()) {
			return value.doubleValue();
		}
		if (value.isString()) {
			try {
				return Double.parseDouble(value.stringValue().strip());
			}
			catch (NumberFormatException ex) {
				// refused below, with the field's name
			}
		}
		throw new IllegalArgumentException(what + " '" + field + "' is not a number: " + LogText.of(value.toString()));
	}

	public static int integer(JsonNode node, String field, String what) {
		double value = number(node, field, what);
		if (value != Math.rint(value)) {
			throw new IllegalArgumentException(what + " '" + field + "' is not a whole number: " + value);
		}
		return (int) value;
	}

	/** The elements of an array field; none when absent. */
	public static List<JsonNode> array(JsonNode node, String field) {
		return elements(node.path(field));
	}

	/** The elements of an array; none when the node is not one. */
	public static List<JsonNode> elements(JsonNode array) {
		List<JsonNode> elements = new ArrayList<>();
		if (array.isArray()) {
			array.forEach(elements::add);
		}
		return elements;
	}

}
