package com.waplatform.gateway.messages.domain;

import java.util.ArrayList;
import java.util.List;

import com.waplatform.gateway.templates.domain.TemplateArgumentsReader;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Collects what is wrong with a request while it is read: <em>malformed</em> fields (the
 * wrong JSON type, a 400) and <em>invalid</em> values (well-formed but unacceptable, a
 * 422). Also reads typed fields, recording a malformed field instead of failing.
 */
final class Issues implements TemplateArgumentsReader.Sink {

	private final List<FieldError> malformed = new ArrayList<>();

	private final List<FieldError> invalid = new ArrayList<>();

	@Override
	public void malformed(String field, String message) {
		this.malformed.add(new FieldError(field, message));
	}

	@Override
	public void invalid(String field, String message) {
		this.invalid.add(new FieldError(field, message));
	}

	boolean any() {
		return !this.malformed.isEmpty() || !this.invalid.isEmpty();
	}

	boolean anyMalformed() {
		return !this.malformed.isEmpty();
	}

	ParseResult rejection() {
		return this.malformed.isEmpty() ? new ParseResult.Rejected(false, List.copyOf(this.invalid))
				: new ParseResult.Rejected(true, List.copyOf(this.malformed));
	}

	/** A string field; null when absent or JSON null. */
	@Nullable String string(JsonNode parent, String name, String path) {
		JsonNode node = parent.get(name);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			malformed(path, "must be a string");
			return null;
		}
		return node.stringValue();
	}

	/** A string field that must be present and not blank. */
	@Nullable String requiredString(JsonNode parent, String name, String path) {
		String value = string(parent, name, path);
		if (value == null && !isMalformedAt(path)) {
			invalid(path, "is required");
		}
		else if (value != null && value.isBlank()) {
			invalid(path, "must not be blank");
			return null;
		}
		return value;
	}

	/** An object field; null when absent or JSON null. */
	@Nullable JsonNode object(JsonNode parent, String name, String path) {
		JsonNode node = parent.get(name);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isObject()) {
			malformed(path, "must be a JSON object");
			return null;
		}
		return node;
	}

	@Nullable Boolean bool(JsonNode parent, String name, String path) {
		JsonNode node = parent.get(name);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isBoolean()) {
			malformed(path, "must be true or false");
			return null;
		}
		return node.booleanValue();
	}

	/** Records a Jackson conversion failure at the path where it happened. */
	void malformed(String prefix, JacksonException ex) {
		StringBuilder field = new StringBuilder(prefix);
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				field.append('.').append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				field.append('[').append(reference.getIndex()).append(']');
			}
		}
		malformed(field.toString(), "has the wrong JSON type or is missing a required field");
	}

	private boolean isMalformedAt(String path) {
		return this.malformed.stream().anyMatch((error) -> error.field().equals(path));
	}

}
