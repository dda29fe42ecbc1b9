package com.waplatform.workflow.rules;

import java.util.List;
import java.util.Set;

import com.waplatform.common.template.TemplateCategories;
import com.waplatform.workflow.rules.domain.RulePlan;
import com.waplatform.workflow.suppressions.SuppressionList;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The last check of a rule's messages: a MARKETING template (by the synced template, as
 * for {@code marketing_disabled}) to a customer on the organization's suppression list is
 * not sent, the rule is skipped {@code opted_out}. Utility and authentication templates
 * still go. Apart from {@link RuleEvaluator} because it reads the database.
 */
@Component
public class OptOuts {

	private final SuppressionList suppressions;

	OptOuts(SuppressionList suppressions) {
		this.suppressions = suppressions;
	}

	/** The results, with each MARKETING rule to a suppressed recipient skipped. */
	public Mono<List<RuleResult>> apply(String organizationId, List<RuleResult> results) {
		List<String> recipients = results.stream()
			.filter(RuleResult.Produced.class::isInstance)
			.flatMap((result) -> ((RuleResult.Produced) result).messages().stream())
			.filter((message) -> TemplateCategories.isMarketing(message.template()))
			.map((message) -> message.request().recipient())
			.distinct()
			.toList();
		if (recipients.isEmpty()) {
			return Mono.just(results);
		}
		return this.suppressions.suppressedAmong(organizationId, recipients)
			.map((suppressed) -> results.stream().map((result) -> skipOptedOut(result, suppressed)).toList());
	}

	/** One result, with its marketing messages to suppressed recipients left out. */
	public Mono<RuleResult> apply(String organizationId, RuleResult result) {
		return apply(organizationId, List.of(result)).map((results) -> results.get(0));
	}

	static RuleResult skipOptedOut(RuleResult result, Set<String> suppressed) {
		if (!(result instanceof RuleResult.Produced produced)) {
			return result;
		}
		List<RuleResult.RuleMessage> kept = produced.messages()
			.stream()
			.filter((message) -> !(TemplateCategories.isMarketing(message.template())
					&& suppressed.contains(message.request().recipient())))
			.toList();
		if (kept.size() == produced.messages().size()) {
			return result;
		}
		if (!kept.isEmpty()) {
			return new RuleResult.Produced(produced.rule(), kept);
		}
		RuleResult.RuleMessage first = produced.messages().get(0);
		return new RuleResult.Skipped(produced.rule(), RulePlan.OPTED_OUT, "Template " + first.template().name()
				+ " is a MARKETING template and the customer opted out " + "(on the organization's suppression list)");
	}

}
