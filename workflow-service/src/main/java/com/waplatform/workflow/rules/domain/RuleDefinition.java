package com.waplatform.workflow.rules.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.waplatform.common.json.Json;
import com.waplatform.common.message.Priority;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One organization's workflow rule: which business event (a CloudEvent: {@code type},
 * {@code subject} = the business record's id, {@code time}, {@code data}) sends which
 * template to whom, and when. Stored as JSON; read with {@link #read(JsonNode)}, which
 * reports every problem with its field instead of throwing. Unknown fields are ignored,
 * like every reader of the platform's JSON ({@link Json}), so a rule written by a newer
 * version still reads.
 *
 * <pre>{@code
 * {
 *   "name": "payment-reminder",                 required, 1..100 characters
 *   "description": "optional text",
 *   "trigger": {"type": "payment.due",          required: the CloudEvents type
 *               "conditions": [                 optional; all must hold
 *                 {"pointer": "/package/category", "equals": "adventure"},
 *                 {"pointer": "/country", "in": ["ES", "PT"]},
 *                 {"pointer": "/email", "exists": true},
 *                 {"pointer": "/cancelledAt", "absent": true}]},
 *   "recipient": {"phone": "/customerPhone",    required: JSON Pointer into data
 *                 "phoneNumberId": "1065...",   optional business number
 *                 "phoneNumberIdFrom": "/phoneNumberId",   default; wins over phoneNumberId
 *                 "timeZoneFrom": "/timeZone"}, default
 *   "template": {"name": "payment_reminder",    required
 *                "language": "en",              the default when languageFrom finds nothing
 *                "languageFrom": "/language"},  optional
 *   "parameters": [{"from": "/customerName"}, ...]          {{1}}..{{n}}, or
 *              or {"name": {"from": "/customerName"}, ...}  named variables
 *   "timing": {"delay": "P3D"}                  after the event's time, or
 *          or {"relativeTo": "/dueDate", "offsets": ["-P3D", "-P1D"], "at": "10:00"}
 *          or absent / {}                       now
 *   "cancelOn": {"events": [{"type": "payment.received", "match": "subject"},
 *                           {"type": "booking.confirmed", "match": "customer"}],
 *                "reply": true},                the customer's reply cancels too
 *   "quietHours": {"start": "21:00", "end": "08:00"} or "off"; absent: the organization's
 *   "urgent": false,                            urgent rules ignore quiet hours
 *   "priority": "transactional" | "bulk",       default transactional
 *   "context": {"type": "booking"}              default: the event type before its first '.'
 * }
 * }</pre>
 *
 * A parameter is {@code {"from": pointer}} or {@code {"value": "constant"}}, with an
 * optional {@code "default"} (the text used, as is, when {@code from} finds nothing) and
 * {@code "format"}: {@code date}, {@code datetime}, {@code time} (optional
 * {@code "pattern"}), {@code currency} ({@code "currencyFrom"} pointer and/or
 * {@code "currency"} code, the code used when the pointer finds nothing), {@code upper},
 * {@code truncate} (optional {@code "maxLength"}). See {@link ParameterResolver}.
 * <p>
 * Components are null where the JSON has nothing (or something unreadable), so that
 * {@link #problems()} can name every missing field.
 */
public record RuleDefinition(@Nullable String name, @Nullable String description, @Nullable Trigger trigger,
		@Nullable Recipient recipient, @Nullable TemplateRef template, Parameters parameters, Timing timing,
		@Nullable CancelOn cancelOn, @Nullable QuietHoursSetting quietHours, boolean urgent, @Nullable String priority,
		@Nullable String contextType) {

	/** Reads a rule; every problem of its shape and values is reported, none thrown. */
	public static RuleRead read(JsonNode json) {
		return RuleReader.read(json);
	}

	/** Reads a rule from JSON text; text that is not JSON is one problem. */
	public static RuleRead read(String json) {
		try {
			return read(Json.mapper().readTree(json));
		}
		catch (JacksonException ex) {
			return new RuleRead.Invalid(List.of(new RuleProblem("", "not JSON: " + ex.getOriginalMessage())));
		}
	}

	/** Everything that makes this rule unusable; empty for a rule that can be planned. */
	public List<RuleProblem> problems() {
		return RuleValidator.problems(this);
	}

	/** The priority of the rule's messages: {@code transactional} unless it says bulk. */
	public Priority priorityOrDefault() {
		return (this.priority != null) ? Priority.valueOf(this.priority.toUpperCase(Locale.ROOT))
				: Priority.TRANSACTIONAL;
	}

	/**
	 * @param type the CloudEvents type, e.g. {@code payment.due}
	 * @param conditions all must hold
	 */
	public record Trigger(@Nullable String type, List<Condition> conditions) {

		public Trigger {
			conditions = List.copyOf(conditions);
		}

	}

	/**
	 * A test of the event's data at {@code pointer}: exactly one of {@code equals}
	 * ({@code equalTo}), {@code in}, {@code exists}, {@code absent}.
	 */
	public record Condition(@Nullable String pointer, @Nullable JsonNode equalTo, @Nullable List<JsonNode> in,
			@Nullable Boolean exists, @Nullable Boolean absent) {

	}

	/**
	 * @param phone where the customer's phone number is in the data
	 * @param phoneNumberId the business number to send from, unless the event names one
	 * @param phoneNumberIdFrom where the event may name the business number
	 * @param timeZoneFrom where the event may give the customer's time zone
	 */
	public record Recipient(@Nullable String phone, @Nullable String phoneNumberId, @Nullable String phoneNumberIdFrom,
			@Nullable String timeZoneFrom) {

		public String phoneNumberIdPointer() {
			return (this.phoneNumberIdFrom != null) ? this.phoneNumberIdFrom : "/phoneNumberId";
		}

		public String timeZonePointer() {
			return (this.timeZoneFrom != null) ? this.timeZoneFrom : "/timeZone";
		}

	}

	/**
	 * @param language Meta's language code, e.g. {@code en} or {@code en_US}
	 * @param languageFrom where the event may give the customer's language
	 */
	public record TemplateRef(@Nullable String name, @Nullable String language, @Nullable String languageFrom) {

	}

	/**
	 * The template's variables: a list for {@code {{1}}..{{n}}}, or a map by name (its
	 * order kept); both null when the template has none.
	 */
	public record Parameters(@Nullable List<ValueSpec> positional, @Nullable Map<String, ValueSpec> named) {

		public static final Parameters NONE = new Parameters(null, null);

		public Parameters {
			positional = (positional != null) ? List.copyOf(positional) : null;
			named = (named != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(named)) : null;
		}

	}

	/**
	 * A parameter's value: from the event ({@code from}) or a constant ({@code value}).
	 *
	 * @param defaultValue JSON {@code "default"}: the text used when {@code from} finds
	 * nothing, not formatted
	 */
	public record ValueSpec(@Nullable String from, @Nullable String value, @Nullable String defaultValue,
			@Nullable String format, @Nullable String pattern, @Nullable String currency, @Nullable String currencyFrom,
			@Nullable Integer maxLength) {

	}

	/**
	 * When: now (all empty), after {@code delay} from the event's time, or at each offset
	 * from the time at {@code relativeTo} (a date taken at {@code at}, default 10:00).
	 */
	public record Timing(@Nullable String delay, @Nullable String relativeTo, List<String> offsets,
			@Nullable String at) {

		public static final Timing NOW = new Timing(null, null, List.of(), null);

		public Timing {
			offsets = List.copyOf(offsets);
		}

	}

	/**
	 * @param events later events that cancel the rule's pending messages
	 * @param reply whether an inbound message from the customer cancels them
	 */
	public record CancelOn(List<CancelEvent> events, boolean reply) {

		public CancelOn {
			events = List.copyOf(events);
		}

	}

	/**
	 * @param match {@code subject} (the same CloudEvents subject) or {@code customer}
	 * (the same recipient phone)
	 */
	public record CancelEvent(@Nullable String type, @Nullable String match) {

	}

	/** The rule's own quiet hours ({@code start}/{@code end} HH:mm), or none at all. */
	public record QuietHoursSetting(boolean off, @Nullable String start, @Nullable String end) {

	}

}
