package com.waplatform.workflow.rules.domain;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** The problems found while validating a rule, with the checks every part shares. */
final class Problems {

	private final List<RuleProblem> problems = new ArrayList<>();

	void add(String field, String message) {
		this.problems.add(new RuleProblem(field, message));
	}

	List<RuleProblem> list() {
		return List.copyOf(this.problems);
	}

	/** Whether {@code value} is given and not blank; a problem when it is not. */
	boolean required(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			add(field, (value == null) ? "required" : "must not be blank");
			return false;
		}
		return true;
	}

	/** Checks a JSON Pointer, which only a required one must be given. */
	void pointer(String field, @Nullable String pointer, boolean required) {
		if (pointer == null) {
			if (required) {
				add(field, "required: a JSON Pointer into the event's data, e.g. /customerPhone");
			}
			return;
		}
		String problem = Pointers.problem(pointer);
		if (problem != null) {
			add(field, problem);
		}
	}

	/** The offset {@code text} stands for, or null with a problem. */
	@Nullable CalendarOffset offset(String field, String text) {
		CalendarOffset offset = CalendarOffset.parse(text);
		if (offset == null) {
			add(field, "an ISO-8601 duration like P3D, PT2H, P1DT2H or -P1D, got \"" + text + "\"");
		}
		return offset;
	}

	/** Whether {@code text} is a required HH:mm time; a problem when it is not. */
	boolean clockTime(String field, @Nullable String text) {
		if (text == null) {
			add(field, "required: a local time HH:mm, e.g. 21:00");
			return false;
		}
		if (ClockTime.parse(text) == null) {
			add(field, "a local time HH:mm, e.g. 21:00, got \"" + text + "\"");
			return false;
		}
		return true;
	}

}
