package com.waplatform.workflow.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.waplatform.common.account.OrganizationSettings;
import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.common.template.TemplateArguments;
import com.waplatform.common.template.TemplateCategories;
import com.waplatform.common.template.TemplateCheck;
import com.waplatform.common.template.TemplateDecision;
import com.waplatform.common.template.TemplateViolation;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.support.templates.TemplateDirectory;
import com.waplatform.workflow.rules.RuleResult.RuleMessage;
import com.waplatform.workflow.rules.domain.PlannedMessage;
import com.waplatform.workflow.rules.domain.RecipientDefaults;
import com.waplatform.workflow.rules.domain.RulePlan;
import com.waplatform.workflow.rules.domain.RulePlanner;
import com.waplatform.workflow.rules.domain.TriggerEvent;

import org.springframework.stereotype.Component;

/**
 * Turns a rule and a business event into messages, or says why none: the rule's plan
 * (conditions, recipient, parameters, timing, quiet hours) from the pure planner, then
 * the business number (the organization's own only), then the same template check the
 * gateway applies to sends ({@link TemplateCheck}) against the templates synced for the
 * number's WhatsApp Business Account, then the organization's marketing switch. Used by
 * the event listener and, without sending anything, by the dry run.
 */
@Component
public class RuleEvaluator {

	/** A held message not sent within this long of its time expires instead. */
	static final Duration SCHEDULED_TTL = Duration.ofHours(24);

	static final String EXPIRED = "expired";

	private final AccountDirectory accounts;

	private final TemplateDirectory templates;

	RuleEvaluator(AccountDirectory accounts, TemplateDirectory templates) {
		this.accounts = accounts;
		this.templates = templates;
	}

	public RuleResult evaluate(StoredRule rule, TriggerEvent event, OrganizationSettings settings, Instant now) {
		if (!rule.enabled()) {
			return new RuleResult.Skipped(rule, "rule_disabled", "Rule " + rule.name() + " is disabled");
		}
		if (!settings.automationEnabled()) {
			return new RuleResult.Skipped(rule, "automation_off",
					"Automation is switched off for the organization (automationEnabled=false)");
		}
		RulePlan plan = RulePlanner.plan(rule.definition(), event, RecipientDefaults.of(settings), now);
		if (plan instanceof RulePlan.ConditionFalse conditionFalse) {
			return new RuleResult.Skipped(rule, "condition_false", conditionFalse.detail());
		}
		if (plan instanceof RulePlan.Invalid invalid) {
			return new RuleResult.Skipped(rule, invalid.reason(), invalid.detail());
		}
		List<RuleMessage> messages = new ArrayList<>();
		RuleResult.Skipped expired = null;
		for (PlannedMessage planned : ((RulePlan.Planned) plan).messages()) {
			RuleResult result = message(rule, event, settings, planned, now, messages);
			// a message of a series long past its time is left out; the others still go
			if (result instanceof RuleResult.Skipped skipped && EXPIRED.equals(skipped.reason())) {
				expired = skipped;
			}
			else if (result != null) {
				return result;
			}
		}
		if (messages.isEmpty() && expired != null) {
			return expired;
		}
		return new RuleResult.Produced(rule, messages);
	}

	/** Adds the planned message to {@code messages}, or returns why the rule stops. */
	private RuleResult message(StoredRule rule, TriggerEvent event, OrganizationSettings settings,
			PlannedMessage planned, Instant now, List<RuleMessage> messages) {
		// a number the event names that the directory does not know yet passes (the
		// sender
		// waits for it, and refuses it there if it is another organization's); the
		// templates are then those of the organization's default number's account
		Optional<PhoneNumberConfigured> named = (planned.phoneNumberId() != null)
				? this.accounts.phoneNumber(planned.phoneNumberId()) : Optional.empty();
		if (named.isPresent() && !named.get().organizationId().equals(rule.organizationId())) {
			return new RuleResult.Refused(rule, "foreign_number",
					"Business phone number " + planned.phoneNumberId() + " is not a number of organization "
							+ rule.organizationId() + ": an organization sends only from its own numbers",
					false);
		}
		Optional<PhoneNumberConfigured> account = named.isPresent() ? named
				: this.accounts.defaultNumber(rule.organizationId());
		if (account.isEmpty()) {
			return new RuleResult.Refused(rule, "no_business_number",
					"The organization has no business phone number to send from", true);
		}
		String phoneNumberId = (planned.phoneNumberId() != null) ? planned.phoneNumberId()
				: account.get().phoneNumberId();
		String wabaId = account.get().wabaId();
		if (!this.templates.loaded(wabaId)) {
			return new RuleResult.Refused(rule, "templates_not_synced",
					"The templates of WhatsApp Business Account " + wabaId + " have not been synced yet", true);
		}
		MetaMessage.Template requested = new MetaMessage.Template(planned.templateName(),
				MetaMessage.Language.of(planned.language()), null);
		TemplateDecision decision = TemplateCheck.check(this.templates.catalog(wabaId), requested,
				new TemplateArguments(planned.positional(), planned.named(), List.of()), settings.languageFallbacks());
		if (decision instanceof TemplateDecision.Refused refused) {
			return new RuleResult.Skipped(rule, "template_invalid", describe(refused.violations()));
		}
		TemplateDecision.Sendable sendable = (TemplateDecision.Sendable) decision;
		if (TemplateCategories.isMarketing(sendable.template()) && !settings.marketingEnabled()) {
			return new RuleResult.Skipped(rule, "marketing_disabled", marketingOff(planned.templateName()));
		}
		// a message whose time has passed (a catch-up, a reminder for a date already
		// near)
		// goes now, but still not in the recipient's quiet hours
		Instant sendAt = (planned.dueAt() != null && planned.dueAt().isAfter(now)) ? planned.dueAt()
				: (planned.quietHours() != null) ? planned.quietHours().deliverableFrom(now, planned.recipientZone())
						: now;
		boolean scheduled = sendAt.isAfter(now);
		Instant expiresAt = (planned.dueAt() != null) ? planned.dueAt().plus(SCHEDULED_TTL) : null;
		if (expiresAt != null && !expiresAt.isAfter(now)) {
			return new RuleResult.Skipped(rule, EXPIRED, "The message was due at " + planned.dueAt() + ", more than "
					+ SCHEDULED_TTL.toHours() + " hours ago");
		}
		String messageId = planned.messageId(event.id(), rule.id());
		SendRequest request = new SendRequest(UUID.randomUUID(), now, rule.organizationId(), messageId, phoneNumberId,
				planned.recipient(), MetaMessage.template(planned.recipient(), sendable.send()),
				new SendRequest.BusinessContext(planned.contextType(), planned.contextId()), planned.priority(),
				expiresAt, scheduled ? sendAt : null, "workflow");
		messages.add(
				new RuleMessage(planned, request, sendable.template(), sendAt, scheduled, sendable.languageFallback()));
		return null;
	}

	/** Why a MARKETING template is refused while marketing is off. */
	static String marketingOff(String templateName) {
		return "Template " + templateName
				+ " is a MARKETING template and marketing is switched off for the organization";
	}

	static String describe(List<TemplateViolation> violations) {
		return String.join("; ",
				violations.stream().map((violation) -> violation.field() + ": " + violation.message()).toList());
	}

}
