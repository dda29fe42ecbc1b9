package com.waplatform.workflow.rules.domain;

import java.util.List;

import com.waplatform.common.message.Priority;
import com.waplatform.workflow.rules.domain.RuleDefinition.Timing;
import org.junit.jupiter.api.Test;

import static com.waplatform.workflow.rules.domain.RuleFixtures.problemsOf;
import static com.waplatform.workflow.rules.domain.RuleFixtures.rule;
import static com.waplatform.workflow.rules.domain.RuleFixtures.ruleJson;
import static org.assertj.core.api.Assertions.assertThat;

class RuleDefinitionTests {

	@Test
	void aMinimalRuleReadsWithItsDefaults() {
		RuleDefinition rule = rule("\"somethingNewer\": {\"ignored\": true}");
		assertThat(rule.problems()).isEmpty();
		assertThat(rule.timing()).isEqualTo(Timing.NOW);
		assertThat(rule.priorityOrDefault()).isEqualTo(Priority.TRANSACTIONAL);
		assertThat(rule.quietHours()).isNull();
		assertThat(rule.cancelOn()).isNull();
		assertThat(rule.urgent()).isFalse();
		assertThat(rule.recipient().phoneNumberIdPointer()).isEqualTo("/phoneNumberId");
		assertThat(rule.recipient().timeZonePointer()).isEqualTo("/timeZone");
		assertThat(rule("\"priority\": \"bulk\"").priorityOrDefault()).isEqualTo(Priority.BULK);
	}

	@Test
	void whatIsNotARuleIsOneProblem() {
		assertThat(problemsOf("[1, 2]")).containsExactly("a rule is a JSON object");
		assertThat(problemsOf("{\"name\": ")).singleElement().asString().startsWith("not JSON: ");
	}

	@Test
	void requiredFieldsAreNamed() {
		assertThat(problemsOf("{}")).containsExactly("name: required",
				"trigger: required: {\"type\": \"<CloudEvents type>\"}",
				"recipient: required: {\"phone\": \"/customerPhone\"}",
				"template: required: {\"name\": \"<template name>\", \"language\": \"en\"}");
		assertThat(problemsOf("{\"name\": \" \", \"trigger\": {}, \"recipient\": {}, \"template\": {}}"))
			.containsExactly("name: must not be blank", "trigger.type: required",
					"recipient.phone: required: a JSON Pointer into the event's data, e.g. /customerPhone",
					"template.name: required");
		assertThat(problemsOf(ruleJson("\"name\": \"" + "n".repeat(101) + "\"")))
			.containsExactly("name: at most 100 characters, got 101");
	}

	@Test
	void aFieldOfTheWrongTypeIsOneProblem() {
		assertThat(problemsOf(ruleJson("\"name\": 5, \"trigger\": \"payment.due\", \"urgent\": \"yes\"")))
			.containsExactly("name: must be a text", "trigger: must be an object", "urgent: must be true or false");
		assertThat(problemsOf(ruleJson("\"parameters\": \"/customerName\", \"quietHours\": \"never\"")))
			.containsExactly("parameters: must be a list (for {{1}}..{{n}}) or an object (by variable name)",
					"quietHours: must be {\"start\": \"HH:mm\", \"end\": \"HH:mm\"} or \"off\"");
		assertThat(problemsOf(ruleJson("\"parameters\": [{\"from\": \"/a\"}, \"/b\", {\"maxLength\": 1.5}]")))
			.containsExactly("parameters[1]: must be an object", "parameters[2].maxLength: must be a whole number",
					"parameters[2]: give exactly one of from (a JSON Pointer) and value (a constant)");
	}

	@Test
	void pointersMustBeJsonPointersToAField() {
		assertThat(problemsOf(ruleJson("\"recipient\": {\"phone\": \"customerPhone\", \"timeZoneFrom\": \"\"}")))
			.containsExactly(
					"recipient.phone: not a JSON Pointer (Invalid input: JSON Pointer expression must start with '/': "
							+ "\"customerPhone\"); write it like /customer/phone",
					"recipient.timeZoneFrom: must name a field, e.g. /customerName (the empty pointer is the whole data)");
	}

	@Test
	void eachConditionHasAPointerAndExactlyOneTest() {
		String conditions = """
				"trigger": {"type": "payment.due", "conditions": [
				  {"pointer": "/category", "equals": "adventure"},
				  {"pointer": "country", "in": ["ES"]},
				  {"pointer": "/email"},
				  {"pointer": "/a", "exists": true, "absent": false},
				  {"pointer": "/b", "in": []},
				  "/c"]}""";
		assertThat(problemsOf(ruleJson(conditions))).containsExactly("trigger.conditions[5]: must be an object",
				"trigger.conditions[1].pointer: not a JSON Pointer (Invalid input: JSON Pointer expression must start "
						+ "with '/': \"country\"); write it like /customer/phone",
				"trigger.conditions[2]: give exactly one of equals, in, exists, absent",
				"trigger.conditions[3]: give exactly one of equals, in, exists, absent (got exists, absent)",
				"trigger.conditions[4].in: list at least one value");
	}

	@Test
	void eachParameterHasOneSourceAndAKnownFormat() {
		String parameters = """
				"parameters": [
				  {"from": "/a", "value": "b"},
				  {"value": "x", "default": "y"},
				  {"from": "/a", "format": "money"},
				  {"from": "/a", "format": "currency"},
				  {"from": "/a", "format": "currency", "currency": "EURO"},
				  {"from": "/a", "format": "currency", "currency": "EUR", "currencyFrom": "/currency"},
				  {"from": "/a", "format": "date", "pattern": "dd {"},
				  {"from": "/a", "format": "upper", "pattern": "dd", "currency": "EUR", "maxLength": 3},
				  {"from": "/a", "format": "truncate", "maxLength": 0},
				  {"from": "/a", "format": "truncate", "maxLength": 1025},
				  {"from": "/a", "format": "truncate", "maxLength": 1024},
				  {"from": "/a", "format": "time", "pattern": "HH:mm"}]""";
		assertThat(problemsOf(ruleJson(parameters))).containsExactly(
				"parameters[0]: give exactly one of from (a JSON Pointer) and value (a constant)",
				"parameters[1].default: applies only with from",
				"parameters[2].format: one of date, datetime, time, currency, upper, truncate",
				"parameters[3]: the format currency needs currency (an ISO 4217 code) or currencyFrom (a pointer)",
				"parameters[4].currency: an ISO 4217 currency code like EUR, got \"EURO\"",
				"parameters[6].pattern: not a DateTimeFormatter pattern: Pattern includes reserved character: '{'",
				"parameters[7].pattern: applies only to the formats date, datetime and time",
				"parameters[7].currency: applies only to the format currency",
				"parameters[7].maxLength: applies only to the format truncate",
				"parameters[8].maxLength: from 1 to 1024, got 0", "parameters[9].maxLength: from 1 to 1024, got 1025");
	}

	@Test
	void namedParametersHaveVariableNames() {
		assertThat(problemsOf(ruleJson("\"parameters\": {\"First Name\": {\"from\": \"/a\"}, \"name\": {}}")))
			.containsExactly(
					"parameters.First Name: a variable name is lower-case letters, digits and underscores, e.g. first_name",
					"parameters.name: give exactly one of from (a JSON Pointer) and value (a constant)");
		assertThat(rule("\"parameters\": {\"first_name\": {\"from\": \"/a\"}, \"2\": {\"value\": \"b\"}}").parameters()
			.named()).containsOnlyKeys("first_name", "2");
	}

	@Test
	void timingIsADelayOrASeriesOfValidOffsets() {
		assertThat(problemsOf(ruleJson("\"timing\": {\"delay\": \"3 days\"}")))
			.containsExactly("timing.delay: an ISO-8601 duration like P3D, PT2H, P1DT2H or -P1D, got \"3 days\"");
		assertThat(problemsOf(ruleJson("\"timing\": {\"delay\": \"-PT1H\"}")))
			.containsExactly("timing.delay: must not be negative");
		assertThat(problemsOf(ruleJson(
				"\"timing\": {\"delay\": \"P1D\", \"relativeTo\": \"/dueDate\", " + "\"offsets\": [\"-P1D\"]}")))
			.containsExactly("timing: give delay or relativeTo, not both");
		assertThat(problemsOf(ruleJson("\"timing\": {\"relativeTo\": \"/dueDate\"}")))
			.containsExactly("timing.offsets: list at least one offset, e.g. [\"-P1D\"] or [\"PT0S\"]");
		assertThat(problemsOf(ruleJson("\"timing\": {\"offsets\": [\"-P1D\"], \"at\": \"10:00\"}"))).containsExactly(
				"timing.offsets: need relativeTo: the field the offsets count from",
				"timing.at: needs relativeTo: the date field it is the time of");
		assertThat(problemsOf(ruleJson("\"timing\": {\"relativeTo\": \"/dueDate\", \"at\": \"24:00\", "
				+ "\"offsets\": [\"-P1D\", \"-P1X\", \"-P1D\", 3]}")))
			.containsExactly("timing.offsets[3]: must be a text",
					"timing.offsets[1]: an ISO-8601 duration like P3D, PT2H, P1DT2H or -P1D, got \"-P1X\"",
					"timing.offsets[2]: repeats timing.offsets[0]", "timing.at: a local time HH:mm, e.g. 10:00");
		List<String> eleven = List.of("P1D", "P2D", "P3D", "P4D", "P5D", "P6D", "P7D", "P8D", "P9D", "P10D", "P11D");
		assertThat(problemsOf(ruleJson("\"timing\": {\"relativeTo\": \"/dueDate\", \"offsets\": [\""
				+ String.join("\", \"", eleven) + "\"]}")))
			.containsExactly("timing.offsets: at most 10 offsets, got 11");
	}

	@Test
	void offsetsAreDayPeriodsAndTimeDurationsCombined() {
		assertThat(CalendarOffset.parse("P3D"))
			.isEqualTo(new CalendarOffset(java.time.Period.ofDays(3), java.time.Duration.ZERO));
		assertThat(CalendarOffset.parse("-P1DT2H"))
			.isEqualTo(new CalendarOffset(java.time.Period.ofDays(-1), java.time.Duration.ofHours(-2)));
		assertThat(CalendarOffset.parse("PT90M"))
			.isEqualTo(new CalendarOffset(java.time.Period.ZERO, java.time.Duration.ofMinutes(90)));
		assertThat(CalendarOffset.parse("P1W").period()).isEqualTo(java.time.Period.ofDays(7));
		assertThat(List.of("P", "PT", "P1DT", "3D", "P-1D", "-P-1D", "p1d", "P1.5D", ""))
			.allSatisfy((text) -> assertThat(CalendarOffset.parse(text)).as(text).isNull());
	}

	@Test
	void quietHoursPriorityCancellationLanguageAndContextAreChecked() {
		String rest = """
				"quietHours": {"start": "9pm"},
				"priority": "urgent",
				"cancelOn": {"events": [{"type": "payment.received", "match": "booking"}, {"match": "subject"}]},
				"template": {"name": "payment_reminder", "language": "english"},
				"context": {"type": " "}""";
		assertThat(problemsOf(ruleJson(rest))).containsExactly(
				"template.language: a Meta language code like en or en_US",
				"cancelOn.events[0].match: \"subject\" (the same CloudEvents subject) or \"customer\" (the same "
						+ "recipient phone)",
				"cancelOn.events[1].type: required", "quietHours.start: a local time HH:mm, e.g. 21:00, got \"9pm\"",
				"quietHours.end: required: a local time HH:mm, e.g. 21:00", "priority: \"transactional\" or \"bulk\"",
				"context.type: must not be blank (leave it out for the event type's first part)");
		assertThat(problemsOf(ruleJson("\"quietHours\": {\"start\": \"22:00\", \"end\": \"22:00\"}")))
			.containsExactly("quietHours: start and end are equal, which is no quiet hours: write \"off\"");
		assertThat(rule("\"quietHours\": \"off\", \"priority\": \"BULK\"").quietHours().off()).isTrue();
	}

}
