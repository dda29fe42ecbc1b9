package com.waplatform.workflow.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.waplatform.common.account.OrganizationSettings;
import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.common.template.TemplateArguments;
import com.waplatform.common.template.TemplateCategories;
import com.waplatform.common.template.TemplateCheck;
import com.waplatform.common.template.TemplateDecision;
import com.waplatform.common.template.TemplateViolation;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.support.templates.TemplateDirectory;
import com.waplatform.workflow.rules.domain.RuleDefinition;
import com.waplatform.workflow.rules.domain.RuleProblem;

import org.springframework.stereotype.Component;

/**
 * Checks a rule against what it will meet when it fires, before it is saved: its business
 * number is the organization's own, and its template exists, is APPROVED in its language
 * and gets exactly the parameters it declares from the mapping (the gateway's send check,
 * {@link TemplateCheck}, with a stand-in value per mapped parameter), and is not a
 * MARKETING template while marketing is switched off.
 */
@Component
class RuleValidation {

	private static final String STAND_IN = "x";

	/**
	 * Meta's body parameter N is the rule's parameter N (positional or named, in order).
	 */
	private static final java.util.regex.Pattern BODY_PARAMETER = java.util.regex.Pattern
		.compile("template\\.components\\[body\\]\\.parameters\\[(\\d+)\\]");

	private final AccountDirectory accounts;

	private final TemplateDirectory templates;

	RuleValidation(AccountDirectory accounts, TemplateDirectory templates) {
		this.accounts = accounts;
		this.templates = templates;
	}

	/**
	 * Every problem of the rule for the organization; throws a 503 problem while the
	 * templates of its account have not been synced.
	 */
	List<RuleProblem> problems(String organizationId, RuleDefinition definition) {
		List<RuleProblem> problems = new ArrayList<>(definition.problems());
		if (!problems.isEmpty()) {
			return problems;
		}
		String phoneNumberId = definition.recipient().phoneNumberId();
		Optional<PhoneNumberConfigured> number = (phoneNumberId != null) ? this.accounts.phoneNumber(phoneNumberId)
				: this.accounts.defaultNumber(organizationId);
		if (number.isEmpty()) {
			// the account directory learns numbers from wa.accounts shortly after the
			// gateway configured them: "none" cannot be told from "not yet"
			throw WorkflowProblems.notKnownYet((phoneNumberId != null)
					? "Business phone number " + phoneNumberId + " is not known to workflow-service (yet)"
					: "workflow-service knows no business phone number of the organization (yet): configure one, "
							+ "or retry shortly");
		}
		if (!number.get().organizationId().equals(organizationId)) {
			problems.add(new RuleProblem("recipient.phoneNumberId",
					"Business phone number " + phoneNumberId + " is not a number of this organization"));
			return problems;
		}
		String wabaId = number.get().wabaId();
		if (!this.templates.loaded(wabaId)) {
			throw WorkflowProblems.templatesNotSynced("The templates of WhatsApp Business Account " + wabaId
					+ " have not been synced yet; retry shortly");
		}
		OrganizationSettings settings = this.accounts.settings(organizationId);
		MetaMessage.Template requested = new MetaMessage.Template(definition.template().name(),
				MetaMessage.Language.of(language(definition)), null);
		TemplateDecision decision = TemplateCheck.check(this.templates.catalog(wabaId), requested, standIns(definition),
				settings.languageFallbacks());
		if (decision instanceof TemplateDecision.Refused refused) {
			for (TemplateViolation violation : refused.violations()) {
				problems.add(new RuleProblem(field(violation), violation.message()));
			}
			return problems;
		}
		TemplateDecision.Sendable sendable = (TemplateDecision.Sendable) decision;
		if (TemplateCategories.isMarketing(sendable.template()) && !settings.marketingEnabled()) {
			problems.add(new RuleProblem("template.name", RuleEvaluator.marketingOff(definition.template().name())));
		}
		return problems;
	}

	/** One stand-in value per mapped parameter, in the mapping's shape. */
	private static TemplateArguments standIns(RuleDefinition definition) {
		if (definition.parameters().named() != null) {
			Map<String, String> named = new LinkedHashMap<>();
			definition.parameters().named().keySet().forEach((name) -> named.put(name, STAND_IN));
			return new TemplateArguments(null, named, List.of());
		}
		int count = (definition.parameters().positional() != null) ? definition.parameters().positional().size() : 0;
		return new TemplateArguments(Collections.nCopies(count, STAND_IN), null, List.of());
	}

	/**
	 * The language checked: the rule's fixed one, also the fallback of
	 * {@code languageFrom}.
	 */
	private static String language(RuleDefinition definition) {
		String language = definition.template().language();
		return (language != null) ? language : "en";
	}

	/** The violation's field in the rule's terms: parameters, not Meta's components. */
	private static String field(TemplateViolation violation) {
		String field = violation.field();
		if (field.startsWith("template.name") || field.startsWith("template.language")) {
			return field;
		}
		java.util.regex.Matcher body = BODY_PARAMETER.matcher(field);
		if (body.matches()) {
			return "parameters[" + body.group(1) + "]";
		}
		return field.startsWith("template") ? "parameters (" + field + ")" : field;
	}

}
