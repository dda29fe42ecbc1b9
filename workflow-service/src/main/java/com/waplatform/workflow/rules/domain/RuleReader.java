package com.waplatform.workflow.rules.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.waplatform.workflow.rules.domain.RuleDefinition.CancelEvent;
import com.waplatform.workflow.rules.domain.RuleDefinition.CancelOn;
import com.waplatform.workflow.rules.domain.RuleDefinition.Condition;
import com.waplatform.workflow.rules.domain.RuleDefinition.Parameters;
import com.waplatform.workflow.rules.domain.RuleDefinition.QuietHoursSetting;
import com.waplatform.workflow.rules.domain.RuleDefinition.Recipient;
import com.waplatform.workflow.rules.domain.RuleDefinition.TemplateRef;
import com.waplatform.workflow.rules.domain.RuleDefinition.Timing;
import com.waplatform.workflow.rules.domain.RuleDefinition.Trigger;
import com.waplatform.workflow.rules.domain.RuleDefinition.ValueSpec;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a rule's JSON by hand rather than binding it with Jackson: the rule language has
 * unions (parameters are a list or a map, quiet hours an object or {@code "off"}), and
 * its author should get every problem at once, each with its path, where data binding
 * stops at the first. A field of the wrong type is a problem and read as absent; the
 * validator's problems about the same field are then left out, so each is said once.
 */
final class RuleReader {

	private final List<RuleProblem> problems = new ArrayList<>();

	private RuleReader() {
	}

	static RuleRead read(JsonNode json) {
		if (!json.isObject()) {
			return new RuleRead.Invalid(List.of(new RuleProblem("", "a rule is a JSON object")));
		}
		RuleReader reader = new RuleReader();
		RuleDefinition rule = reader.rule(json);
		List<RuleProblem> all = new ArrayList<>(reader.problems);
		rule.problems().stream().filter((problem) -> !reader.covers(problem.field())).forEach(all::add);
		return all.isEmpty() ? new RuleRead.Valid(rule) : new RuleRead.Invalid(all);
	}

	private RuleDefinition rule(JsonNode json) {
		JsonNode context = object(json.path("context"), "context");
		return new RuleDefinition(text(json.path("name"), "name"), text(json.path("description"), "description"),
				trigger(json.path("trigger")), recipient(json.path("recipient")), template(json.path("template")),
				parameters(json.path("parameters")), timing(json.path("timing")), cancelOn(json.path("cancelOn")),
				quietHours(json.path("quietHours")), Boolean.TRUE.equals(bool(json.path("urgent"), "urgent")),
				text(json.path("priority"), "priority"),
				(context != null) ? text(context.path("type"), "context.type") : null);
	}

	private @Nullable Trigger trigger(JsonNode json) {
		if (object(json, "trigger") == null) {
			return null;
		}
		List<Condition> conditions = new ArrayList<>();
		List<JsonNode> elements = array(json.path("conditions"), "trigger.conditions");
		for (int i = 0; i < elements.size(); i++) {
			conditions.add(condition(elements.get(i), "trigger.conditions[" + i + "]"));
		}
		return new Trigger(text(json.path("type"), "trigger.type"), conditions);
	}

	private Condition condition(JsonNode json, String path) {
		if (object(json, path) == null) {
			return new Condition(null, null, null, null, null);
		}
		JsonNode equalTo = json.path("equals");
		JsonNode in = json.path("in");
		return new Condition(text(json.path("pointer"), path + ".pointer"), absent(equalTo) ? null : equalTo,
				absent(in) ? null : array(in, path + ".in"), bool(json.path("exists"), path + ".exists"),
				bool(json.path("absent"), path + ".absent"));
	}

	private @Nullable Recipient recipient(JsonNode json) {
		if (object(json, "recipient") == null) {
			return null;
		}
		return new Recipient(text(json.path("phone"), "recipient.phone"),
				text(json.path("phoneNumberId"), "recipient.phoneNumberId"),
				text(json.path("phoneNumberIdFrom"), "recipient.phoneNumberIdFrom"),
				text(json.path("timeZoneFrom"), "recipient.timeZoneFrom"));
	}

	private @Nullable TemplateRef template(JsonNode json) {
		if (object(json, "template") == null) {
			return null;
		}
		return new TemplateRef(text(json.path("name"), "template.name"),
				text(json.path("language"), "template.language"),
				text(json.path("languageFrom"), "template.languageFrom"));
	}

	private Parameters parameters(JsonNode json) {
		if (json.isArray()) {
			List<ValueSpec> positional = new ArrayList<>();
			for (int i = 0; i < json.size(); i++) {
				positional.add(valueSpec(json.get(i), "parameters[" + i + "]"));
			}
			return new Parameters(positional, null);
		}
		if (json.isObject()) {
			Map<String, ValueSpec> named = new LinkedHashMap<>();
			json.properties()
				.forEach((entry) -> named.put(entry.getKey(),
						valueSpec(entry.getValue(), "parameters." + entry.getKey())));
			return new Parameters(null, named);
		}
		if (!absent(json)) {
			problem("parameters", "must be a list (for {{1}}..{{n}}) or an object (by variable name)");
		}
		return Parameters.NONE;
	}

	private ValueSpec valueSpec(JsonNode json, String path) {
		if (object(json, path) == null) {
			return new ValueSpec(null, null, null, null, null, null, null, null);
		}
		return new ValueSpec(text(json.path("from"), path + ".from"), scalar(json.path("value"), path + ".value"),
				scalar(json.path("default"), path + ".default"), text(json.path("format"), path + ".format"),
				text(json.path("pattern"), path + ".pattern"), text(json.path("currency"), path + ".currency"),
				text(json.path("currencyFrom"), path + ".currencyFrom"),
				integer(json.path("maxLength"), path + ".maxLength"));
	}

	private Timing timing(JsonNode json) {
		if (object(json, "timing") == null) {
			return Timing.NOW;
		}
		List<String> offsets = new ArrayList<>();
		List<JsonNode> elements = array(json.path("offsets"), "timing.offsets");
		for (int i = 0; i < elements.size(); i++) {
			String offset = text(elements.get(i), "timing.offsets[" + i + "]");
			offsets.add((offset != null) ? offset : "");
		}
		return new Timing(text(json.path("delay"), "timing.delay"), text(json.path("relativeTo"), "timing.relativeTo"),
				offsets, text(json.path("at"), "timing.at"));
	}

	private @Nullable CancelOn cancelOn(JsonNode json) {
		if (object(json, "cancelOn") == null) {
			return null;
		}
		List<CancelEvent> events = new ArrayList<>();
		List<JsonNode> elements = array(json.path("events"), "cancelOn.events");
		for (int i = 0; i < elements.size(); i++) {
			String path = "cancelOn.events[" + i + "]";
			JsonNode event = elements.get(i);
			events.add((object(event, path) != null) ? new CancelEvent(text(event.path("type"), path + ".type"),
					text(event.path("match"), path + ".match")) : new CancelEvent(null, null));
		}
		return new CancelOn(events, Boolean.TRUE.equals(bool(json.path("reply"), "cancelOn.reply")));
	}

	private @Nullable QuietHoursSetting quietHours(JsonNode json) {
		if (json.isString() && json.stringValue().equals("off")) {
			return new QuietHoursSetting(true, null, null);
		}
		if (json.isObject()) {
			return new QuietHoursSetting(false, text(json.path("start"), "quietHours.start"),
					text(json.path("end"), "quietHours.end"));
		}
		if (!absent(json)) {
			problem("quietHours", "must be {\"start\": \"HH:mm\", \"end\": \"HH:mm\"} or \"off\"");
		}
		return null;
	}

	private @Nullable JsonNode object(JsonNode json, String path) {
		if (json.isObject()) {
			return json;
		}
		if (!absent(json)) {
			problem(path, "must be an object");
		}
		return null;
	}

	private List<JsonNode> array(JsonNode json, String path) {
		if (json.isArray()) {
			return List.copyOf(json.values());
		}
		if (!absent(json)) {
			problem(path, "must be a list");
		}
		return List.of();
	}

	private @Nullable String text(JsonNode json, String path) {
		if (json.isString()) {
			return json.stringValue();
		}
		if (!absent(json)) {
			problem(path, "must be a text");
		}
		return null;
	}

	/** A text, number or true/false, as text: constants may be written either way. */
	private @Nullable String scalar(JsonNode json, String path) {
		if (json.isString() || json.isNumber() || json.isBoolean()) {
			return json.asString();
		}
		if (!absent(json)) {
			problem(path, "must be a text, a number or true/false");
		}
		return null;
	}

	private @Nullable Boolean bool(JsonNode json, String path) {
		if (json.isBoolean()) {
			return json.booleanValue();
		}
		if (!absent(json)) {
			problem(path, "must be true or false");
		}
		return null;
	}

	private @Nullable Integer integer(JsonNode json, String path) {
		if (json.isIntegralNumber() && json.canConvertToInt()) {
			return json.intValue();
		}
		if (!absent(json)) {
			problem(path, "must be a whole number");
		}
		return null;
	}

	/** Missing and JSON null both mean "not given". */
	private static boolean absent(JsonNode json) {
		return json.isMissingNode() || json.isNull();
	}

	private void problem(String field, String message) {
		this.problems.add(new RuleProblem(field, message));
	}

	/**
	 * Whether a problem of the shape was already reported for {@code field} or a parent.
	 */
	private boolean covers(String field) {
		return this.problems.stream()
			.map(RuleProblem::field)
			.anyMatch((reported) -> field.equals(reported) || field.startsWith(reported + ".")
					|| field.startsWith(reported + "["));
	}

}
