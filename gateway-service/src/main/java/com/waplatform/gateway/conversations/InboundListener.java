package com.waplatform.gateway.conversations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.waplatform.common.conversation.OptOutKeywords;
import com.waplatform.common.conversation.SuppressionChanged;
import com.waplatform.common.event.Event;
import com.waplatform.common.inbound.InboundEvent;
import com.waplatform.common.inbound.InboundMessage;
import com.waplatform.common.inbound.InboundText;
import com.waplatform.common.inbound.UserPreference;
import com.waplatform.gateway.suppressions.Suppressions;
import com.waplatform.gateway.suppressions.Suppressions.Change;
import com.waplatform.gateway.suppressions.Suppressions.Outcome;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.support.kafka.RejectedEventException;
import com.waplatform.support.kafka.TransientFailures;
import com.waplatform.support.outbox.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Keeps conversations from {@code wa.inbound-messages}: every {@link InboundMessage} is
 * stored with its conversation, and its words checked against the organization's opt-out
 * and opt-in keywords; every {@link UserPreference} about marketing messages suppresses
 * or restores the customer. Each event is applied once (its id recorded in the same
 * transaction as its effect). An event naming a business number that is not its
 * organization's is dead-lettered ({@value #UNKNOWN_NUMBER}).
 */
@Component
class InboundListener {

	static final String CONSUMER = "gateway.conversations.inbound";

	/** The dead-letter reason of an event for a number its organization does not have. */
	static final String UNKNOWN_NUMBER = "unknown_phone_number";

	private final ConversationStore store;

	private final Suppressions suppressions;

	private final AccountDirectory directory;

	private final ProcessedEvents processed;

	private final TransactionalOperator tx;

	private final DatabaseClient db;

	InboundListener(ConversationStore store, Suppressions suppressions, AccountDirectory directory,
			ProcessedEvents processed, TransactionalOperator tx, DatabaseClient db) {
		this.store = store;
		this.suppressions = suppressions;
		this.directory = directory;
		this.processed = processed;
		this.tx = tx;
		this.db = db;
	}

	@KafkaListener(id = "gateway-conversations", idIsGroup = false,
			topics = "#{T(com.waplatform.common.kafka.Topics).INBOUND_MESSAGES.name()}")
	Mono<Void> onInbound(ConsumerRecord<String, Event> record) {
		if (!(record.value() instanceof InboundEvent event)) {
			return Mono.empty();
		}
		List<Change> changes = new ArrayList<>();
		List<Outcome> outcomes = new ArrayList<>();
		Mono<Void> apply = (event instanceof InboundMessage message) ? message(message, changes, outcomes)
				: preference((UserPreference) event, changes, outcomes);
		return requireNumber(event)
			.then(Mono.defer(() -> this.tx.transactional(this.processed.firstTime(CONSUMER, event.eventId())
				.flatMap((first) -> first ? apply : Mono.empty()))))
			.retryWhen(TransientFailures.retry())
			.doOnSuccess((done) -> {
				for (int i = 0; i < changes.size() && i < outcomes.size(); i++) {
					this.suppressions.count(changes.get(i), outcomes.get(i));
				}
			});
	}

	private Mono<Void> message(InboundMessage message, List<Change> changes, List<Outcome> outcomes) {
		return this.store.recordInbound(message).flatMap((stored) -> {
			if (!stored) {
				return Mono.empty();
			}
			Optional<OptOutKeywords.Match> match = OptOutKeywords.match(InboundText.of(message.content()),
					this.directory.settings(message.organizationId()).conversations());
			if (match.isEmpty()) {
				return Mono.empty();
			}
			boolean suppress = match.get().consent() == OptOutKeywords.Consent.OPT_OUT;
			return change(new Change(message.organizationId(), message.customer(), suppress, SuppressionChanged.KEYWORD,
					message.wamid(), match.get().keyword(), message.sentAt()), changes, outcomes);
		});
	}

	private Mono<Void> preference(UserPreference preference, List<Change> changes, List<Outcome> outcomes) {
		if (!preference.stopsMarketing() && !preference.resumesMarketing()) {
			return Mono.empty();
		}
		String detail = (preference.detail() != null) ? preference.detail()
				: preference.category() + ": " + preference.value();
		return change(
				new Change(preference.organizationId(), preference.customer(), preference.stopsMarketing(),
						SuppressionChanged.USER_PREFERENCES, preference.phoneNumberId(), detail, preference.at()),
				changes, outcomes);
	}

	private Mono<Void> change(Change change, List<Change> changes, List<Outcome> outcomes) {
		return this.suppressions.apply(change).doOnNext((outcome) -> {
			// a retried transaction starts again: only its last run counts
			changes.clear();
			outcomes.clear();
			changes.add(change);
			outcomes.add(outcome);
		}).then();
	}

	/** The event's number must be one of its organization's. */
	private Mono<Void> requireNumber(InboundEvent event) {
		String phoneNumberId = (event instanceof InboundMessage message) ? message.phoneNumberId()
				: ((UserPreference) event).phoneNumberId();
		return this.db.sql("select organization_id from phone_numbers where phone_number_id = :id")
			.bind("id", phoneNumberId)
			.map((row) -> row.get("organization_id", String.class))
			.one()
			.filter(event.organizationId()::equals)
			.switchIfEmpty(Mono.error(() -> RejectedEventException.rejected(UNKNOWN_NUMBER,
					"Business number " + phoneNumberId + " is not a number of organization " + event.organizationId())))
			.then();
	}

}
