package com.waplatform.template.creation;

import java.util.List;

import com.waplatform.template.domain.Violation;

/** The template breaks Meta's rules; Meta was not called. */
public class InvalidTemplateException extends RuntimeException {

	private final List<Violation> violations;

	InvalidTemplateException(List<Violation> violations) {
		super("The template breaks " + violations.size() + " of Meta's rules");
		this.violations = List.copyOf(violations);
	}

	public List<Violation> violations() {
		return this.violations;
	}

}
