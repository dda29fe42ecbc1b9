package com.waplatform.workflow.events;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.waplatform.common.account.OrganizationSettings;
import com.waplatform.common.business.BusinessEvent;
import com.waplatform.common.event.Event;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.support.kafka.RejectedEventException;
import com.waplatform.support.kafka.TransientFailures;
import com.waplatform.support.outbox.ProcessedEvents;
import com.waplatform.workflow.events.EventOutcome.RuleOutcome;
import com.waplatform.workflow.rules.OptOuts;
import com.waplatform.workflow.rules.RuleEvaluator;
import com.waplatform.workflow.rules.RuleResult;
import com.waplatform.workflow.rules.RuleStore;
import com.waplatform.workflow.rules.StoredRule;
import com.waplatform.workflow.rules.domain.Cancellation;
import com.waplatform.workflow.rules.domain.TriggerEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Consumes {@code wa.business-events} (CloudEvents) and hands each event to the
 * organization's rules ({@code /v1/workflows}): those its type triggers
 * ({@link RuleEvaluator}) and those it cancels ({@link Cancellation}). Everything the
 * event causes (messages sent now or held, held messages cancelled, the event's outcome)
 * is written in the transaction that records the event as processed
 * ({@link RuleEffects}), so an event redelivered after a crash or a rebalance never
 * becomes a second message. An event the platform cannot use is refused: its outcome is
 * recorded, then it goes to the dead-letter topic with the reason (another organization's
 * number, an organization without any known number, data that every triggered rule found
 * invalid).
 */
@Component
class BusinessEventsListener {

	static final String CONSUMER = "workflow-service";

	/** Every rule the event triggers found its data unusable. */
	static final String INVALID_DATA = "invalid_data";

	/** The account directory knows no number of the event's organization. */
	static final String UNKNOWN_ORGANIZATION = "unknown_organization";

	private static final Logger logger = LoggerFactory.getLogger(BusinessEventsListener.class);

	private final RuleStore rules;

	private final RuleEvaluator evaluator;

	private final RuleEffects effects;

	private final ProcessedEvents processedEvents;

	private final EventOutcomes outcomes;

	private final TransactionalOperator tx;

	private final MeterRegistry meters;

	private final AccountDirectory accounts;

	private final Clock clock;

	private final OptOuts optOuts;

	BusinessEventsListener(RuleStore rules, RuleEvaluator evaluator, OptOuts optOuts, RuleEffects effects,
			ProcessedEvents processedEvents, EventOutcomes outcomes, TransactionalOperator tx, MeterRegistry meters,
			AccountDirectory accounts, Clock clock) {
		this.rules = rules;
		this.evaluator = evaluator;
		this.optOuts = optOuts;
		this.effects = effects;
		this.processedEvents = processedEvents;
		this.outcomes = outcomes;
		this.tx = tx;
		this.meters = meters;
		this.accounts = accounts;
		this.clock = clock;
	}

	@KafkaListener(topics = "#{T(com.waplatform.common.kafka.Topics).BUSINESS_EVENTS.name()}")
	Mono<Void> onBusinessEvent(Event value) {
		if (!(value instanceof BusinessEvent event)) {
			throw new IllegalArgumentException("Unexpected event on wa.business-events: " + value.eventType());
		}
		return this.rules.list(event.organizationId())
			.collectList()
			.retryWhen(TransientFailures.retry())
			.flatMap((all) -> handle(event, all));
	}

	private Mono<Void> handle(BusinessEvent event, List<StoredRule> all) {
		List<StoredRule> triggered = all.stream()
			.filter((rule) -> rule.definition().trigger().type().equals(event.type()))
			.toList();
		List<StoredRule> cancelling = all.stream()
			.filter((rule) -> Cancellation.cancelledBy(rule.definition(), event.type()))
			.toList();
		// an organization nobody configured (a producer's typo) is refused, not ignored
		if (this.accounts.defaultNumber(event.organizationId()).isEmpty()) {
			return refuse(event, List.of(), RejectedEventException.notYet(UNKNOWN_ORGANIZATION, "Organization "
					+ event.organizationId() + " is unknown here: no business phone number of it is known (yet)"));
		}
		if (triggered.isEmpty() && cancelling.isEmpty()) {
			return ignore(event);
		}
		Instant now = this.clock.instant();
		OrganizationSettings settings = this.accounts.settings(event.organizationId());
		TriggerEvent trigger = TriggerEvent.of(event);
		List<RuleResult> evaluated = triggered.stream()
			.map((rule) -> this.evaluator.evaluate(rule, trigger, settings, now))
			.toList();
		RejectedEventException refusal = refusal(event, evaluated);
		if (refusal != null) {
			return refuse(event, RuleEffects.ruleOutcomes(evaluated), refusal);
		}
		// MARKETING messages to customers who opted out are left out (opted_out)
		return this.optOuts.apply(event.organizationId(), evaluated)
			.retryWhen(TransientFailures.retry())
			.flatMap((results) -> {
				Mono<Void> once = this.processedEvents.firstTime(CONSUMER, event.eventId())
					.flatMap((first) -> first ? this.effects.apply(event, trigger, results, cancelling)
							: duplicate(event));
				return this.tx.transactional(once)
					.retryWhen(TransientFailures.retry())
					.doOnSuccess((done) -> results.forEach(this::count));
			});
	}

	/**
	 * Why the event cannot be handled, or null: a rule refused it (another organization's
	 * number, nothing known yet to send from or with), or every rule it triggers found
	 * its data unusable and it cancels nothing.
	 */
	private @Nullable RejectedEventException refusal(BusinessEvent event, List<RuleResult> results) {
		for (RuleResult result : results) {
			if (result instanceof RuleResult.Refused refused) {
				this.meters.counter("workflow.events.refused", "type", event.type(), "reason", refused.reason())
					.increment();
				logger.warn("Business event {} ({}) of organization {}: rule {} refuses it: {}", event.eventId(),
						event.type(), event.organizationId(), refused.rule().name(), refused.detail());
				return refused.retryable() ? RejectedEventException.notYet(refused.reason(), refused.detail())
						: RejectedEventException.rejected(refused.reason(), refused.detail());
			}
		}
		boolean unusable = !results.isEmpty()
				&& results.stream().allMatch((result) -> result instanceof RuleResult.Skipped)
				&& results.stream().anyMatch((result) -> ((RuleResult.Skipped) result).invalidData());
		if (!unusable) {
			return null;
		}
		RuleResult.Skipped first = results.stream()
			.map(RuleResult.Skipped.class::cast)
			.filter(RuleResult.Skipped::invalidData)
			.findFirst()
			.orElseThrow();
		return RejectedEventException.rejected(INVALID_DATA, first.rule().name() + ": " + first.detail());
	}

	private Mono<Void> ignore(BusinessEvent event) {
		this.meters.counter("workflow.events.ignored", "type", event.type()).increment();
		Mono<Void> once = this.processedEvents.firstTime(CONSUMER, event.eventId())
			.flatMap((first) -> first ? this.outcomes.record(event.organizationId(), EventOutcome.ignored(event))
					: duplicate(event));
		return this.tx.transactional(once).retryWhen(TransientFailures.retry());
	}

	/**
	 * Records why the event was refused, then fails with the refusal: the platform error
	 * handler dead-letters it with the reason (at once, or after its retries when the
	 * reason may go away). The event is not marked processed, so a corrected replay goes
	 * through.
	 */
	private Mono<Void> refuse(BusinessEvent event, List<RuleOutcome> rules, RejectedEventException refusal) {
		EventOutcome outcome = EventOutcome.rejected(event, refusal.reason(), refusal.getMessage(), rules);
		return this.tx.transactional(this.outcomes.record(event.organizationId(), outcome))
			.retryWhen(TransientFailures.retry())
			.then(Mono.error(refusal));
	}

	private void count(RuleResult result) {
		if (result instanceof RuleResult.Produced) {
			this.meters.counter("workflow.rules.triggered", "rule", result.rule().name()).increment();
		}
		else if (result instanceof RuleResult.Skipped skipped) {
			this.meters.counter("workflow.rules.skipped", "rule", result.rule().name(), "reason", skipped.reason())
				.increment();
		}
	}

	private Mono<Void> duplicate(BusinessEvent event) {
		logger.debug("Business event {} already processed", event.eventId());
		this.meters.counter("workflow.events.duplicates").increment();
		return Mono.empty();
	}

}
