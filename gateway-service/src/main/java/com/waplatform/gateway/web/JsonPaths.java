package com.waplatform.gateway.web;

import java.util.List;

import tools.jackson.core.JacksonException;

/** Field paths as clients write them: {@code template.components[0].type}. */
public final class JsonPaths {

	private JsonPaths() {
	}

	public static String of(List<JacksonException.Reference> path) {
		StringBuilder field = new StringBuilder();
		for (JacksonException.Reference reference : path) {
			if (reference.getPropertyName() != null) {
				if (!field.isEmpty()) {
					field.append('.');
				}
				field.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				field.append('[').append(reference.getIndex()).append(']');
			}
		}
		return field.isEmpty() ? "body" : field.toString();
	}

}
