package com.waplatform.workflow.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.business.BusinessEvent;
import com.waplatform.common.event.Event;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.SendRequest;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.support.kafka.RejectedEventException;
import com.waplatform.support.kafka.TransientFailures;
import com.waplatform.support.outbox.Outbox;
import com.waplatform.support.outbox.ProcessedEvents;
import com.waplatform.workflow.events.EventOutcome.RuleOutcome;
import com.waplatform.workflow.rules.Rule;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Consumes {@code wa.business-events} (CloudEvents) and hands each event to the rules for
 * its type. The send requests are appended to the outbox in the transaction that records
 * the event as processed and its outcome ({@link EventOutcomes}), so an event redelivered
 * after a crash or a rebalance never becomes a second message. An organization sends only
 * from its own numbers: an event whose message would name a number the account directory
 * knows as another organization's is refused (dead-lettered,
 * {@code workflow.events.refused}). A refused event ({@link RejectedEventException}:
 * invalid data, another organization's number, an organization without any known number)
 * has its outcome recorded, then goes to the dead-letter topic with the reason.
 */
@Component
class BusinessEventsListener {

	static final String CONSUMER = "workflow-service";

	/** The event's data cannot become a message (a rule said why). */
	static final String INVALID_DATA = "invalid_data";

	/** A message would name another organization's business number. */
	static final String FOREIGN_NUMBER = "foreign_number";

	/** The account directory knows no number of the event's organization. */
	static final String UNKNOWN_ORGANIZATION = "unknown_organization";

	/** A rule found no number to send from. */
	static final String NO_BUSINESS_NUMBER = "no_business_number";

	private static final Logger logger = LoggerFactory.getLogger(BusinessEventsListener.class);

	private final Map<String, List<Rule>> rules;

	private final ProcessedEvents processedEvents;

	private final TriggeredMessages triggered;

	private final EventOutcomes outcomes;

	private final Outbox outbox;

	private final TransactionalOperator tx;

	private final MeterRegistry meters;

	private final AccountDirectory accounts;

	BusinessEventsListener(List<Rule> rules, ProcessedEvents processedEvents, TriggeredMessages triggered,
			EventOutcomes outcomes, Outbox outbox, TransactionalOperator tx, MeterRegistry meters,
			AccountDirectory accounts) {
		this.rules = rules.stream().collect(Collectors.groupingBy(Rule::eventType));
		this.processedEvents = processedEvents;
		this.triggered = triggered;
		this.outcomes = outcomes;
		this.outbox = outbox;
		this.tx = tx;
		this.meters = meters;
		this.accounts = accounts;
	}

	@KafkaListener(topics = "#{T(com.waplatform.common.kafka.Topics).BUSINESS_EVENTS.name()}")
	Mono<Void> onBusinessEvent(Event value) {
		if (!(value instanceof BusinessEvent event)) {
			throw new IllegalArgumentException("Unexpected event on wa.business-events: " + value.eventType());
		}
		List<Rule> matching = this.rules.getOrDefault(event.type(), List.of());
		if (matching.isEmpty()) {
			return ignore(event);
		}
		// evaluated before the transaction: invalid data is refused at once
		Evaluation evaluation = evaluate(event, matching);
		RejectedEventException refusal = evaluation.refusal();
		if (refusal != null) {
			return refuse(event, evaluation.rule(), refusal);
		}
		List<Triggered> messages = evaluation.messages();
		Mono<Void> once = this.processedEvents.firstTime(CONSUMER, event.eventId())
			.flatMap((first) -> first ? send(event, messages) : duplicate(event));
		return this.tx.transactional(once).retryWhen(TransientFailures.retry());
	}

	private Mono<Void> ignore(BusinessEvent event) {
		this.meters.counter("workflow.events.ignored", "type", event.type()).increment();
		Mono<Void> once = this.processedEvents.firstTime(CONSUMER, event.eventId())
			.flatMap((first) -> first ? this.outcomes.record(event.organizationId(), EventOutcome.ignored(event))
					: duplicate(event));
		return this.tx.transactional(once).retryWhen(TransientFailures.retry());
	}

	/**
	 * What the rules make of the event, or the first refusal: the organization must have
	 * a number the directory knows, every rule must accept the data, and every message
	 * must name a number of the event's organization.
	 */
	private Evaluation evaluate(BusinessEvent event, List<Rule> matching) {
		String organizationId = event.organizationId();
		if (this.accounts.defaultNumber(organizationId).isEmpty()) {
			return Evaluation.refused(null, RejectedEventException.notYet(UNKNOWN_ORGANIZATION, "Organization "
					+ organizationId + " is unknown here: no business phone number of it is known (yet)"));
		}
		List<Triggered> messages = new ArrayList<>();
		for (Rule rule : matching) {
			try {
				rule.apply(event).forEach((request) -> messages.add(new Triggered(rule.name(), request)));
			}
			catch (IllegalArgumentException ex) {
				return Evaluation.refused(rule.name(),
						RejectedEventException.rejected(INVALID_DATA, String.valueOf(ex.getMessage()), ex));
			}
			catch (IllegalStateException ex) {
				return Evaluation.refused(rule.name(),
						RejectedEventException.notYet(NO_BUSINESS_NUMBER, String.valueOf(ex.getMessage())));
			}
		}
		for (Triggered message : messages) {
			RejectedEventException refusal = foreignNumber(event, message);
			if (refusal != null) {
				return Evaluation.refused(message.rule(), refusal);
			}
		}
		return new Evaluation(messages, null, null);
	}

	/**
	 * Records why the event was refused, then fails with the refusal: the platform error
	 * handler dead-letters it with the reason (at once, or after its retries when the
	 * reason may go away). The event is not marked processed, so a corrected replay goes
	 * through.
	 */
	private Mono<Void> refuse(BusinessEvent event, @Nullable String rule, RejectedEventException refusal) {
		List<RuleOutcome> rules = (rule != null)
				? List.of(RuleOutcome.skipped(rule, refusal.reason(), refusal.getMessage())) : List.of();
		EventOutcome outcome = EventOutcome.rejected(event, refusal.reason(), refusal.getMessage(), rules);
		return this.tx.transactional(this.outcomes.record(event.organizationId(), outcome))
			.retryWhen(TransientFailures.retry())
			.then(Mono.error(refusal));
	}

	private Mono<Void> send(BusinessEvent event, List<Triggered> messages) {
		Map<String, List<String>> byRule = new LinkedHashMap<>();
		messages.forEach((message) -> byRule.computeIfAbsent(message.rule(), (rule) -> new ArrayList<>())
			.add(message.request().messageId()));
		List<RuleOutcome> rules = byRule.entrySet()
			.stream()
			.map((entry) -> RuleOutcome.created(entry.getKey(), entry.getValue()))
			.toList();
		return Flux.fromIterable(messages)
			.concatMap((message) -> this.triggered.record(message.request(), event.eventId(), message.rule())
				.flatMap((isNew) -> isNew ? this.outbox.append(Topics.SEND_REQUESTS, message.request())
					.doOnSuccess((done) -> this.meters.counter("workflow.messages.triggered", "rule", message.rule())
						.increment()) : Mono.empty()))
			.then(this.outcomes.record(event.organizationId(), EventOutcome.triggered(event, rules)));
	}

	/**
	 * Refuses a message naming a business number the account directory knows as another
	 * organization's (the event's data may name any number): the event goes to the
	 * dead-letter topic at once with the reason, and nothing is sent for it. A number the
	 * directory does not know (yet) passes: the sender waits for it, and refuses it there
	 * if it turns out to be another organization's. The reason does not name the number's
	 * organization; the log line does.
	 */
	private @Nullable RejectedEventException foreignNumber(BusinessEvent event, Triggered message) {
		SendRequest request = message.request();
		String owner = this.accounts.phoneNumber(request.phoneNumberId())
			.map(PhoneNumberConfigured::organizationId)
			.orElse(null);
		if (owner == null || owner.equals(request.organizationId())) {
			return null;
		}
		this.meters.counter("workflow.events.refused", "type", event.type(), "reason", FOREIGN_NUMBER).increment();
		logger.warn(
				"Business event {} ({}) of organization {}: rule {} names business number {} of organization {}; "
						+ "refused",
				event.eventId(), event.type(), request.organizationId(), message.rule(), request.phoneNumberId(),
				owner);
		return RejectedEventException.rejected(FOREIGN_NUMBER,
				"Business phone number " + request.phoneNumberId() + " is not a number of organization "
						+ request.organizationId() + ": an organization sends only from its own numbers");
	}

	private Mono<Void> duplicate(BusinessEvent event) {
		logger.debug("Business event {} already processed", event.eventId());
		this.meters.counter("workflow.events.duplicates").increment();
		return Mono.empty();
	}

	private record Triggered(String rule, SendRequest request) {
	}

	/**
	 * @param rule the rule that refused the event, if a rule did
	 * @param refusal why the event is refused, or null when it is not
	 */
	private record Evaluation(List<Triggered> messages, @Nullable String rule,
			@Nullable RejectedEventException refusal) {

		static Evaluation refused(@Nullable String rule, RejectedEventException refusal) {
			return new Evaluation(List.of(), rule, refusal);
		}

	}

}
