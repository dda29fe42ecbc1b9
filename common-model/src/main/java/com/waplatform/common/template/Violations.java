package com.waplatform.common.template;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Collects the violations of one check. */
final class Violations {

	private final List<TemplateViolation> found = new ArrayList<>();

	void add(String field, String code, String message, @Nullable Integer metaErrorCode) {
		this.found.add(new TemplateViolation(field, code, message, metaErrorCode));
	}

	/** Whether a violation with this code was found at or below {@code fieldPrefix}. */
	boolean has(String fieldPrefix, String code) {
		return this.found.stream().anyMatch((v) -> v.field().startsWith(fieldPrefix) && v.code().equals(code));
	}

	List<TemplateViolation> toList() {
		return List.copyOf(this.found);
	}

}
