package com.waplatform.workflow.rules;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.waplatform.common.business.BusinessEvent;
import com.waplatform.common.business.CloudEventRead;
import com.waplatform.common.business.CloudEventReader;
import com.waplatform.common.json.Json;
import com.waplatform.common.template.RenderedTemplate;
import com.waplatform.common.template.TemplateRenderer;
import com.waplatform.workflow.rules.RuleResult.RuleMessage;
import com.waplatform.workflow.rules.domain.RuleProblem;
import com.waplatform.workflow.rules.domain.TriggerEvent;
import com.waplatform.support.accounts.AccountDirectory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * {@code POST /v1/workflows/{id}/test}: evaluates a rule for a sample CloudEvent (JSON,
 * structured mode) exactly as the event listener would, and shows what would be sent
 * without sending, scheduling or recording anything: each message's recipient, send time
 * in UTC and in the recipient's time zone, and its text as the templates API renders it.
 * A disabled rule is evaluated as if it were enabled (that is what a test before enabling
 * is for); the answer says it is disabled.
 */
@Component
class DryRun {

	private final RuleEvaluator evaluator;

	private final AccountDirectory accounts;

	private final Clock clock;

	private final OptOuts optOuts;

	DryRun(RuleEvaluator evaluator, OptOuts optOuts, AccountDirectory accounts, Clock clock) {
		this.evaluator = evaluator;
		this.optOuts = optOuts;
		this.accounts = accounts;
		this.clock = clock;
	}

	Mono<JsonNode> run(StoredRule rule, JsonNode sample) {
		Instant now = this.clock.instant();
		TriggerEvent event = event(rule, sample, now);
		StoredRule enabled = new StoredRule(rule.id(), rule.organizationId(), rule.name(), true, rule.version(),
				rule.definition(), rule.json(), rule.createdAt(), rule.updatedAt());
		RuleResult evaluated = this.evaluator.evaluate(enabled, event, this.accounts.settings(rule.organizationId()),
				now);
		// the suppression list applies too: a MARKETING message to a customer who opted
		// out would be skipped opted_out
		return this.optOuts.apply(rule.organizationId(), evaluated).map((result) -> answer(rule, now, result));
	}

	private JsonNode answer(StoredRule rule, Instant now, RuleResult result) {
		ObjectNode answer = Json.mapper().createObjectNode();
		answer.put("workflow", rule.id().toString());
		answer.put("name", rule.name());
		answer.put("version", rule.version());
		answer.put("enabled", rule.enabled());
		answer.put("evaluatedAt", now.toString());
		ArrayNode messages = answer.putArray("messages");
		if (result instanceof RuleResult.Produced produced) {
			answer.put("outcome", "planned");
			produced.messages().forEach((message) -> messages.add(view(message)));
		}
		else if (result instanceof RuleResult.Skipped skipped) {
			answer.put("outcome", "skipped");
			answer.put("reason", skipped.reason());
			answer.put("detail", skipped.detail());
		}
		else {
			RuleResult.Refused refused = (RuleResult.Refused) result;
			answer.put("outcome", "refused");
			answer.put("reason", refused.reason());
			answer.put("detail", refused.detail());
		}
		return answer;
	}

	private static TriggerEvent event(StoredRule rule, JsonNode sample, Instant now) {
		CloudEventRead read = CloudEventReader.structured(sample);
		if (read instanceof CloudEventRead.Invalid invalid) {
			throw WorkflowProblems.invalidRule(invalid.violations()
				.stream()
				.map((violation) -> new RuleProblem(violation.attribute(), violation.message()))
				.toList());
		}
		CloudEventRead.Valid valid = (CloudEventRead.Valid) read;
		String trigger = rule.definition().trigger().type();
		if (!trigger.equals(valid.type())) {
			throw WorkflowProblems.invalidRule(List.of(new RuleProblem("type",
					"A " + valid.type() + " event does not trigger this workflow; it reacts to " + trigger)));
		}
		return new TriggerEvent(BusinessEvent.eventIdOf(valid.source(), valid.id()), valid.type(),
				(valid.subject() != null) ? valid.subject() : valid.id(), (valid.time() != null) ? valid.time() : now,
				valid.data());
	}

	private static JsonNode view(RuleMessage message) {
		ObjectNode view = Json.mapper().createObjectNode();
		view.put("id", message.request().messageId());
		view.put("to", message.request().recipient());
		view.put("from", message.request().phoneNumberId());
		view.put("template", message.template().name());
		view.put("language", message.template().language());
		if (message.languageFallback() != null) {
			view.put("languageFallback", message.languageFallback());
		}
		view.put("scheduled", message.scheduled());
		view.put("sendAt", message.sendAt().toString());
		view.put("sendAtLocal", message.sendAt().atZone(message.plan().recipientZone()).toOffsetDateTime().toString());
		view.put("timeZone", message.plan().recipientZone().getId());
		view.put("deferredByQuietHours", message.plan().deferredByQuietHours());
		view.put("priority", message.request().priority().name().toLowerCase(java.util.Locale.ROOT));
		if (message.request().context() != null) {
			view.set("context", Json.mapper()
				.valueToTree(
						Map.of("type", message.request().context().type(), "id", message.request().context().id())));
		}
		RenderedTemplate rendered = TemplateRenderer.render(message.template(), message.request().message().template());
		view.put("text", rendered.body());
		view.set("rendered", Json.mapper().valueToTree(rendered));
		view.set("message", Json.mapper().valueToTree(message.request().message()));
		return view;
	}

}
