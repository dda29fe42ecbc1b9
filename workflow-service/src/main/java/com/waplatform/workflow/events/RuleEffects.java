package com.waplatform.workflow.events;

import java.util.ArrayList;
import java.util.List;

import com.waplatform.common.business.BusinessEvent;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.template.TemplateCategories;
import com.waplatform.support.outbox.Outbox;
import com.waplatform.workflow.events.EventOutcome.Cancelled;
import com.waplatform.workflow.events.EventOutcome.RuleOutcome;
import com.waplatform.workflow.events.EventOutcome.Scheduled;
import com.waplatform.workflow.rules.RuleResult;
import com.waplatform.workflow.rules.RuleResult.RuleMessage;
import com.waplatform.workflow.rules.StoredRule;
import com.waplatform.workflow.rules.domain.CancelKey;
import com.waplatform.workflow.rules.domain.Cancellation;
import com.waplatform.workflow.rules.domain.TriggerEvent;
import com.waplatform.workflow.scheduling.ScheduledMessages;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Writes what one business event causes, inside the transaction that marks it processed:
 * first the held messages it cancels (so that an event which both cancels and schedules
 * for the same record replaces the old messages), then the messages its rules send now
 * (outbox to {@code wa.send-requests}) or hold ({@link ScheduledMessages}), then its
 * outcome.
 */
@Component
class RuleEffects {

	private final TriggeredMessages triggered;

	private final ScheduledMessages scheduled;

	private final EventOutcomes outcomes;

	private final Outbox outbox;

	private final MeterRegistry meters;

	RuleEffects(TriggeredMessages triggered, ScheduledMessages scheduled, EventOutcomes outcomes, Outbox outbox,
			MeterRegistry meters) {
		this.triggered = triggered;
		this.scheduled = scheduled;
		this.outcomes = outcomes;
		this.outbox = outbox;
		this.meters = meters;
	}

	Mono<Void> apply(BusinessEvent event, TriggerEvent trigger, List<RuleResult> results, List<StoredRule> cancelling) {
		Mono<List<Cancelled>> cancelled = Flux.fromIterable(cancelling)
			.concatMap((rule) -> cancel(event, trigger, rule))
			.collectList();
		Flux<Void> messages = Flux.fromIterable(results)
			.filter(RuleResult.Produced.class::isInstance)
			.cast(RuleResult.Produced.class)
			.concatMap((produced) -> Flux.fromIterable(produced.messages())
				.concatMap((message) -> create(event, produced.rule(), message)));
		return cancelled.flatMap((cancellations) -> messages.then(this.outcomes.record(event.organizationId(),
				EventOutcome.triggered(event, ruleOutcomes(results), cancellations))));
	}

	private Mono<Cancelled> cancel(BusinessEvent event, TriggerEvent trigger, StoredRule rule) {
		String why = "Cancelled by " + event.type() + " event " + event.eventId();
		return Flux.fromIterable(Cancellation.keysFor(rule.definition(), trigger))
			.concatMap((key) -> (key.kind() == CancelKey.Kind.SUBJECT)
					? this.scheduled.cancelBySubject(event.organizationId(), rule.id(), key.value(), why)
					: this.scheduled.cancelByCustomer(event.organizationId(), rule.id(), key.value(), why))
			.collectList()
			.filter((ids) -> !ids.isEmpty())
			.map((ids) -> new Cancelled(rule.name(), rule.id(), ids));
	}

	private Mono<Void> create(BusinessEvent event, StoredRule rule, RuleMessage message) {
		return this.triggered.record(message.request(), event.eventId(), rule.name()).flatMap((isNew) -> {
			if (!isNew) {
				return Mono.empty();
			}
			Mono<Void> publish = message.scheduled()
					? this.scheduled.hold(new ScheduledMessages.Held(message.request(), rule.id(), rule.name(),
							event.eventId(), event.subject(),
							!Cancellation.keysForReply(rule.definition(), message.request().recipient()).isEmpty(),
							TemplateCategories.isMarketing(message.template())))
					: this.outbox.append(Topics.SEND_REQUESTS, message.request());
			return publish.doOnSuccess(
					(done) -> this.meters.counter("workflow.messages.triggered", "rule", rule.name()).increment());
		});
	}

	/** The outcome of each rule the event triggered. */
	static List<RuleOutcome> ruleOutcomes(List<RuleResult> results) {
		List<RuleOutcome> outcomes = new ArrayList<>();
		for (RuleResult result : results) {
			StoredRule rule = result.rule();
			if (result instanceof RuleResult.Produced produced) {
				List<String> ids = produced.messages()
					.stream()
					.map((message) -> message.request().messageId())
					.toList();
				List<Scheduled> held = produced.messages()
					.stream()
					.filter(RuleMessage::scheduled)
					.map((message) -> new Scheduled(message.request().messageId(), message.sendAt(),
							message.plan().deferredByQuietHours()))
					.toList();
				outcomes.add(RuleOutcome.created(rule.name(), rule.id(), rule.version(), ids, held));
			}
			else if (result instanceof RuleResult.Skipped skipped) {
				outcomes.add(RuleOutcome.skipped(rule.name(), rule.id(), rule.version(), skipped.reason(),
						skipped.detail()));
			}
			else {
				RuleResult.Refused refused = (RuleResult.Refused) result;
				outcomes.add(RuleOutcome.skipped(rule.name(), rule.id(), rule.version(), refused.reason(),
						refused.detail()));
			}
		}
		return outcomes;
	}

}
