package com.waplatform.workflow.rules.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.waplatform.common.message.Priority;
import com.waplatform.common.template.TextLimits;
import com.waplatform.workflow.rules.domain.RuleDefinition.CancelEvent;
import com.waplatform.workflow.rules.domain.RuleDefinition.CancelOn;
import com.waplatform.workflow.rules.domain.RuleDefinition.Condition;
import com.waplatform.workflow.rules.domain.RuleDefinition.QuietHoursSetting;
import com.waplatform.workflow.rules.domain.RuleDefinition.Recipient;
import com.waplatform.workflow.rules.domain.RuleDefinition.TemplateRef;
import com.waplatform.workflow.rules.domain.RuleDefinition.Timing;
import com.waplatform.workflow.rules.domain.RuleDefinition.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * The problems of a rule's values ({@link RuleDefinition#problems()}); the parameters are
 * {@link ParameterValidator}'s. Whether the template exists and takes these parameters is
 * not known here: the service checks it against the account's templates.
 */
final class RuleValidator {

	static final int MAX_NAME_LENGTH = 100;

	static final int MAX_OFFSETS = 10;

	/** Meta's language codes: {@code en}, {@code fil}, {@code en_US}. */
	static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2})?");

	private final Problems problems = new Problems();

	private RuleValidator() {
	}

	static List<RuleProblem> problems(RuleDefinition rule) {
		RuleValidator validator = new RuleValidator();
		validator.name(rule.name());
		validator.trigger(rule.trigger());
		validator.recipient(rule.recipient());
		validator.template(rule.template());
		ParameterValidator.check(rule.parameters(), validator.problems);
		validator.timing(rule.timing());
		validator.cancelOn(rule.cancelOn());
		validator.quietHours(rule.quietHours());
		validator.priority(rule.priority());
		if (rule.contextType() != null && rule.contextType().isBlank()) {
			validator.problems.add("context.type", "must not be blank (leave it out for the event type's first part)");
		}
		return validator.problems.list();
	}

	private void name(@Nullable String name) {
		if (this.problems.required("name", name) && TextLimits.length(name) > MAX_NAME_LENGTH) {
			this.problems.add("name", "at most " + MAX_NAME_LENGTH + " characters, got " + TextLimits.length(name));
		}
	}

	private void trigger(@Nullable Trigger trigger) {
		if (trigger == null) {
			this.problems.add("trigger", "required: {\"type\": \"<CloudEvents type>\"}");
			return;
		}
		this.problems.required("trigger.type", trigger.type());
		for (int i = 0; i < trigger.conditions().size(); i++) {
			condition(trigger.conditions().get(i), "trigger.conditions[" + i + "]");
		}
	}

	private void condition(Condition condition, String path) {
		this.problems.pointer(path + ".pointer", condition.pointer(), true);
		List<String> tests = new ArrayList<>();
		if (condition.equalTo() != null) {
			tests.add("equals");
		}
		if (condition.in() != null) {
			tests.add("in");
		}
		if (condition.exists() != null) {
			tests.add("exists");
		}
		if (condition.absent() != null) {
			tests.add("absent");
		}
		if (tests.size() != 1) {
			this.problems.add(path, "give exactly one of equals, in, exists, absent"
					+ (tests.isEmpty() ? "" : " (got " + String.join(", ", tests) + ")"));
		}
		if (condition.in() != null && condition.in().isEmpty()) {
			this.problems.add(path + ".in", "list at least one value");
		}
	}

	private void recipient(@Nullable Recipient recipient) {
		if (recipient == null) {
			this.problems.add("recipient", "required: {\"phone\": \"/customerPhone\"}");
			return;
		}
		this.problems.pointer("recipient.phone", recipient.phone(), true);
		if (recipient.phoneNumberId() != null) {
			this.problems.required("recipient.phoneNumberId", recipient.phoneNumberId());
		}
		this.problems.pointer("recipient.phoneNumberIdFrom", recipient.phoneNumberIdFrom(), false);
		this.problems.pointer("recipient.timeZoneFrom", recipient.timeZoneFrom(), false);
	}

	private void template(@Nullable TemplateRef template) {
		if (template == null) {
			this.problems.add("template", "required: {\"name\": \"<template name>\", \"language\": \"en\"}");
			return;
		}
		if (this.problems.required("template.name", template.name())
				&& TextLimits.length(template.name()) > TextLimits.TEMPLATE_NAME) {
			this.problems.add("template.name", "at most " + TextLimits.TEMPLATE_NAME + " characters");
		}
		if (template.language() != null && !LANGUAGE.matcher(template.language()).matches()) {
			this.problems.add("template.language", "a Meta language code like en or en_US");
		}
		this.problems.pointer("template.languageFrom", template.languageFrom(), false);
	}

	private void timing(Timing timing) {
		if (timing.delay() != null && timing.relativeTo() != null) {
			this.problems.add("timing", "give delay or relativeTo, not both");
		}
		if (timing.delay() != null) {
			CalendarOffset delay = this.problems.offset("timing.delay", timing.delay());
			if (delay != null && delay.isNegative()) {
				this.problems.add("timing.delay", "must not be negative");
			}
		}
		this.problems.pointer("timing.relativeTo", timing.relativeTo(), false);
		if (timing.relativeTo() == null) {
			if (!timing.offsets().isEmpty()) {
				this.problems.add("timing.offsets", "need relativeTo: the field the offsets count from");
			}
			if (timing.at() != null) {
				this.problems.add("timing.at", "needs relativeTo: the date field it is the time of");
			}
		}
		else if (timing.offsets().isEmpty()) {
			this.problems.add("timing.offsets", "list at least one offset, e.g. [\"-P1D\"] or [\"PT0S\"]");
		}
		else if (timing.offsets().size() > MAX_OFFSETS) {
			this.problems.add("timing.offsets", "at most " + MAX_OFFSETS + " offsets, got " + timing.offsets().size());
		}
		for (int i = 0; i < timing.offsets().size(); i++) {
			int first = timing.offsets().indexOf(timing.offsets().get(i));
			if (first < i) {
				this.problems.add("timing.offsets[" + i + "]", "repeats timing.offsets[" + first + "]");
			}
			else {
				this.problems.offset("timing.offsets[" + i + "]", timing.offsets().get(i));
			}
		}
		if (timing.at() != null && ClockTime.parse(timing.at()) == null) {
			this.problems.add("timing.at", "a local time HH:mm, e.g. 10:00");
		}
	}

	private void cancelOn(@Nullable CancelOn cancelOn) {
		if (cancelOn == null) {
			return;
		}
		for (int i = 0; i < cancelOn.events().size(); i++) {
			CancelEvent event = cancelOn.events().get(i);
			String path = "cancelOn.events[" + i + "]";
			this.problems.required(path + ".type", event.type());
			if (event.match() == null || CancelKey.Kind.named(event.match()).isEmpty()) {
				this.problems.add(path + ".match",
						"\"subject\" (the same CloudEvents subject) or \"customer\" (the same recipient phone)");
			}
		}
	}

	private void quietHours(@Nullable QuietHoursSetting quietHours) {
		if (quietHours == null || quietHours.off()) {
			return;
		}
		boolean start = this.problems.clockTime("quietHours.start", quietHours.start());
		boolean end = this.problems.clockTime("quietHours.end", quietHours.end());
		if (start && end && quietHours.start().equals(quietHours.end())) {
			this.problems.add("quietHours", "start and end are equal, which is no quiet hours: write \"off\"");
		}
	}

	private void priority(@Nullable String priority) {
		if (priority == null) {
			return;
		}
		try {
			Priority.valueOf(priority.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			this.problems.add("priority", "\"transactional\" or \"bulk\"");
		}
	}

}
