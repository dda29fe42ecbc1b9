package com.waplatform.workflow.rules.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.waplatform.common.account.QuietHours;
import com.waplatform.common.phone.NormalizedPhone;
import com.waplatform.common.phone.PhoneNumbers;
import com.waplatform.workflow.rules.domain.RuleDefinition.Parameters;
import com.waplatform.workflow.rules.domain.RuleDefinition.QuietHoursSetting;
import com.waplatform.workflow.rules.domain.RuleDefinition.Recipient;
import com.waplatform.workflow.rules.domain.RuleDefinition.ValueSpec;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a rule does with an event: nothing (its type or a condition does not match), the
 * messages it plans, or why the event cannot become them. Pure: the same rule, event,
 * defaults and {@code now} always give the same plan.
 */
public final class RulePlanner {

	private RulePlanner() {
	}

	/**
	 * @param rule a rule without {@link RuleDefinition#problems() problems}
	 * @param defaults the organization's quiet hours and time zone
	 * @param now the time of planning: what "send now" is checked against quiet hours at
	 * @throws IllegalArgumentException when the rule has problems (it should never have
	 * been stored)
	 */
	public static RulePlan plan(RuleDefinition rule, TriggerEvent event, RecipientDefaults defaults, Instant now) {
		List<RuleProblem> problems = rule.problems();
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("Rule '" + rule.name() + "' cannot be planned: " + problems);
		}
		if (!rule.trigger().type().equals(event.type())) {
			return new RulePlan.ConditionFalse(
					"the event is a " + event.type() + ", the rule's trigger " + rule.trigger().type());
		}
		Optional<String> failing = Conditions.firstFailing(rule.trigger().conditions(), event.data());
		if (failing.isPresent()) {
			return new RulePlan.ConditionFalse(failing.get());
		}
		try {
			return new RulePlan.Planned(messages(rule, event, defaults, now));
		}
		catch (InvalidEvent ex) {
			return ex.toPlan();
		}
	}

	private static List<PlannedMessage> messages(RuleDefinition rule, TriggerEvent event, RecipientDefaults defaults,
			Instant now) {
		JsonNode data = event.data();
		Recipient recipient = rule.recipient();
		String e164 = recipientPhone(recipient.phone(), data);
		ZoneId zone = RecipientZones.zoneOf(Pointers.text(data, recipient.timeZonePointer()).orElse(null), e164,
				defaults.timeZone());
		String phoneNumberId = Pointers.text(data, recipient.phoneNumberIdPointer()).orElse(recipient.phoneNumberId());
		String language = TemplateLanguage.of(rule.template(), data);
		ParameterResolver resolver = new ParameterResolver(data, TemplateLanguage.locale(language), zone);
		List<String> positional = positional(rule.parameters(), resolver);
		Map<String, String> named = named(rule.parameters(), resolver);
		List<@Nullable Instant> dueTimes = DueTimes.of(rule.timing(), event, zone);
		QuietHours quietHours = quietHours(rule, defaults);
		String contextType = (rule.contextType() != null) ? rule.contextType() : defaultContextType(event.type());
		List<PlannedMessage> messages = new ArrayList<>();
		for (int index = 0; index < dueTimes.size(); index++) {
			Instant due = dueTimes.get(index);
			Instant sendAt = (due != null) ? due : now;
			Instant deliverable = (quietHours != null) ? quietHours.deliverableFrom(sendAt, zone) : sendAt;
			boolean deferred = !deliverable.equals(sendAt);
			messages.add(new PlannedMessage(index, e164, phoneNumberId, rule.template().name(), language, positional,
					named, deferred ? deliverable : due, zone, deferred, quietHours, contextType, event.subject(),
					rule.priorityOrDefault()));
		}
		return messages;
	}

	private static String recipientPhone(String pointer, JsonNode data) {
		String phone = Pointers.text(data, pointer)
			.orElseThrow(() -> new InvalidEvent(RulePlan.Invalid.INVALID_RECIPIENT,
					pointer + " has no phone number to send to"));
		NormalizedPhone normalized = PhoneNumbers.normalize(phone);
		if (normalized instanceof NormalizedPhone.Invalid invalid) {
			throw new InvalidEvent(RulePlan.Invalid.INVALID_RECIPIENT,
					pointer + " is \"" + ParameterText.truncate(phone, 40) + "\": " + invalid.reason());
		}
		return ((NormalizedPhone.Valid) normalized).e164();
	}

	private static @Nullable List<String> positional(Parameters parameters, ParameterResolver resolver) {
		List<ValueSpec> specs = parameters.positional();
		if (specs == null) {
			return null;
		}
		List<String> values = new ArrayList<>();
		for (int i = 0; i < specs.size(); i++) {
			values.add(resolver.resolve(specs.get(i), "parameters[" + i + "]"));
		}
		return values;
	}

	private static @Nullable Map<String, String> named(Parameters parameters, ParameterResolver resolver) {
		Map<String, ValueSpec> specs = parameters.named();
		if (specs == null) {
			return null;
		}
		Map<String, String> values = new LinkedHashMap<>();
		specs.forEach((name, spec) -> values.put(name, resolver.resolve(spec, "parameters." + name)));
		return values;
	}

	/**
	 * The quiet hours the rule's messages keep to: none for an urgent rule or one that
	 * turns them off, else the rule's own, else the organization's.
	 */
	private static @Nullable QuietHours quietHours(RuleDefinition rule, RecipientDefaults defaults) {
		QuietHoursSetting setting = rule.quietHours();
		if (rule.urgent() || (setting != null && setting.off())) {
			return null;
		}
		if (setting != null) {
			return new QuietHours(ClockTime.parse(setting.start()), ClockTime.parse(setting.end()));
		}
		return defaults.quietHours();
	}

	/**
	 * {@code booking.confirmed} → {@code booking}: the record type most events name
	 * first.
	 */
	static String defaultContextType(String eventType) {
		int dot = eventType.indexOf('.');
		return (dot > 0) ? eventType.substring(0, dot) : eventType;
	}

}
