package com.waplatform.workflow.events;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.business.BusinessEvent;
import com.waplatform.common.event.Event;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.SendRequest;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.support.kafka.TransientFailures;
import com.waplatform.support.outbox.Outbox;
import com.waplatform.support.outbox.ProcessedEvents;
import com.waplatform.workflow.rules.Rule;
import io.micrometer.core.instrument.MeterRegistry;
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
 * the event as processed, so an event redelivered after a crash or a rebalance never
 * becomes a second message. An organization sends only from its own numbers: an event
 * whose message would name a number the account directory knows as another organization's
 * is refused (dead-lettered, {@code workflow.events.refused}).
 */
@Component
class BusinessEventsListener {

	static final String CONSUMER = "workflow-service";

	private static final Logger logger = LoggerFactory.getLogger(BusinessEventsListener.class);

	private final Map<String, List<Rule>> rules;

	private final ProcessedEvents processedEvents;

	private final TriggeredMessages triggered;

	private final Outbox outbox;

	private final TransactionalOperator tx;

	private final MeterRegistry meters;

	private final AccountDirectory accounts;

	BusinessEventsListener(List<Rule> rules, ProcessedEvents processedEvents, TriggeredMessages triggered,
			Outbox outbox, TransactionalOperator tx, MeterRegistry meters, AccountDirectory accounts) {
		this.rules = rules.stream().collect(Collectors.groupingBy(Rule::eventType));
		this.processedEvents = processedEvents;
		this.triggered = triggered;
		this.outbox = outbox;
		this.tx = tx;
		this.meters = meters;
		this.accounts = accounts;
	}

	@KafkaListener(topics = "wa.business-events")
	Mono<Void> onBusinessEvent(Event value) {
		if (!(value instanceof BusinessEvent event)) {
			throw new IllegalArgumentException("Unexpected event on wa.business-events: " + value.eventType());
		}
		List<Rule> matching = this.rules.getOrDefault(event.type(), List.of());
		if (matching.isEmpty()) {
			this.meters.counter("workflow.events.ignored", "type", event.type()).increment();
			return Mono.empty();
		}
		// evaluated before the transaction: invalid data is an IllegalArgumentException
		// and goes to the dead-letter topic at once
		List<Triggered> messages = matching.stream()
			.flatMap((rule) -> rule.apply(event).stream().map((request) -> new Triggered(rule.name(), request)))
			.toList();
		messages.forEach((message) -> refuseForeignNumber(event, message));
		Mono<Void> once = this.processedEvents.firstTime(CONSUMER, event.eventId())
			.flatMap((first) -> first ? send(event, messages) : duplicate(event));
		return this.tx.transactional(once).retryWhen(TransientFailures.retry());
	}

	private Mono<Void> send(BusinessEvent event, List<Triggered> messages) {
		return Flux.fromIterable(messages)
			.concatMap((message) -> this.triggered.record(message.request(), event.eventId(), message.rule())
				.flatMap((isNew) -> isNew ? this.outbox.append(Topics.SEND_REQUESTS, message.request())
					.doOnSuccess((done) -> this.meters.counter("workflow.messages.triggered", "rule", message.rule())
						.increment()) : Mono.empty()))
			.then();
	}

	/**
	 * Refuses a message naming a business number the account directory knows as another
	 * organization's (the event's data may name any number): an
	 * {@link IllegalArgumentException}, so the event goes to the dead-letter topic at
	 * once with the reason, and nothing is sent for it. A number the directory does not
	 * know (yet) passes: the sender waits for it, and refuses it there if it turns out to
	 * be another organization's. The reason does not name the number's organization; the
	 * log line does.
	 */
	private void refuseForeignNumber(BusinessEvent event, Triggered message) {
		SendRequest request = message.request();
		String owner = this.accounts.phoneNumber(request.phoneNumberId())
			.map(PhoneNumberConfigured::organizationId)
			.orElse(null);
		if (owner == null || owner.equals(request.organizationId())) {
			return;
		}
		this.meters.counter("workflow.events.refused", "type", event.type(), "reason", "foreign_number").increment();
		logger.warn(
				"Business event {} ({}) of organization {}: rule {} names business number {} of organization {}; "
						+ "refused",
				event.eventId(), event.type(), request.organizationId(), message.rule(), request.phoneNumberId(),
				owner);
		throw new IllegalArgumentException(
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

}
