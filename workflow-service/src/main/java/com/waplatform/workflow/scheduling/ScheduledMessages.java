package com.waplatform.workflow.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import com.waplatform.common.json.Json;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.ErrorInfo;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.support.outbox.Outbox;
import com.waplatform.support.scheduling.DueMessages;
import com.waplatform.workflow.suppressions.SuppressionList;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Messages that rules hold until their time, in {@code scheduled_messages} (PostgreSQL,
 * nothing in the heap per message). Holding one announces it on
 * {@code wa.scheduled-messages} (the read model shows it {@code scheduled}). Due rows are
 * claimed by service-support's {@link DueMessages} (the claim the gateway's API
 * scheduling uses too: exactly once, with several instances or after a crash) and their
 * send requests appended to the outbox in the claiming transaction. A message whose
 * {@code expiresAt} passed while it was held (the service was down) is announced
 * {@code expired} instead. A cancellation (a later event, a reply) deletes the row and
 * announces {@code cancelled}: whichever of the claim and the cancellation locks the row
 * first wins, the other finds it gone. Before its first round after a start, the
 * scheduler waits for the {@link CatchUpGate}: events that arrived while the service was
 * down may cancel messages that fell due meanwhile. A MARKETING message whose customer
 * opted out while it was held is cancelled ({@code opted_out}) instead of released.
 * <p>
 * Metrics: {@code workflow.scheduler.messages{rule,
 * outcome=scheduled|published|expired|cancelled}} and the gauge
 * {@code workflow.scheduler.lag} (now minus the oldest due message not yet published, as
 * of the last round).
 */
@Component
public class ScheduledMessages {

	static final String MESSAGES_METRIC = "workflow.scheduler.messages";

	static final String LAG_METRIC = "workflow.scheduler.lag";

	/**
	 * Why a held MARKETING message to a customer who opted out meanwhile is cancelled.
	 */
	static final String OPTED_OUT = "opted_out";

	/**
	 * What the claim returns beside each send request: the rule's name, and whether the
	 * message is a MARKETING one to a customer now on the suppression list, decided in
	 * the claiming statement itself (JSON, so that no rule name can be mistaken for the
	 * flag).
	 */
	private static final String LABEL = "json_build_object('rule', rule_name, 'optedOut', marketing and "
			+ SuppressionList.suppressedCondition("scheduled_messages") + ")::text";

	private final DatabaseClient db;

	private final TransactionalOperator tx;

	private final Outbox outbox;

	private final Clock clock;

	private final SchedulerProperties properties;

	private final MeterRegistry meters;

	private final CatchUpGate gate;

	private final DueMessages due;

	ScheduledMessages(DatabaseClient db, TransactionalOperator tx, Outbox outbox, Clock clock,
			SchedulerProperties properties, MeterRegistry meters, CatchUpGate gate) {
		this.db = db;
		this.tx = tx;
		this.outbox = outbox;
		this.clock = clock;
		this.properties = properties;
		this.meters = meters;
		this.gate = gate;
		this.due = new DueMessages(db, tx, clock, properties.batchSize(), LABEL, meters, LAG_METRIC);
	}

	/**
	 * Holds a rule's message until its {@code scheduledFor} and announces it; run inside
	 * the transaction that handles the event.
	 */
	public Mono<Void> hold(Held held) {
		SendRequest request = held.request();
		DatabaseClient.GenericExecuteSpec insert = this.db.sql("""
				insert into scheduled_messages (message_id, organization_id, rule_id, rule_name, event_id, subject,
					customer, cancel_on_reply, due_at, expires_at, send_request, marketing)
				values (:id, :org, :rule, :ruleName, :event, :subject, :customer, :cancelOnReply, :due, :expires,
					:request, :marketing)
				on conflict (message_id) do nothing""")
			.bind("id", request.messageId())
			.bind("org", request.organizationId())
			.bind("rule", held.ruleId())
			.bind("ruleName", held.ruleName())
			.bind("event", held.eventId())
			.bind("subject", held.subject())
			.bind("customer", request.recipient())
			.bind("cancelOnReply", held.cancelOnReply())
			.bind("marketing", held.marketing())
			.bind("due", request.scheduledFor())
			.bind("request", Json.mapper().writeValueAsString(request));
		insert = (request.expiresAt() != null) ? insert.bind("expires", request.expiresAt())
				: insert.bindNull("expires", Instant.class);
		return insert.fetch()
			.rowsUpdated()
			.flatMap((count) -> (count > 0) ? this.outbox.append(Topics.SCHEDULED_MESSAGES, request)
				.doOnSuccess((done) -> count(held.ruleName(), "scheduled", 1)) : Mono.empty());
	}

	/**
	 * Cancels the held messages of a rule for a business record (its CloudEvents
	 * subject); emits their ids. Run inside the transaction that handles the cancelling
	 * event.
	 */
	public Flux<String> cancelBySubject(String organizationId, UUID ruleId, String subject, String why) {
		return cancel(this.db
			.sql("delete from scheduled_messages where organization_id = :org and rule_id = :rule and subject = :key "
					+ "returning rule_name, send_request")
			.bind("org", organizationId)
			.bind("rule", ruleId)
			.bind("key", subject), why);
	}

	/** Cancels the held messages of a rule for a customer (E.164); emits their ids. */
	public Flux<String> cancelByCustomer(String organizationId, UUID ruleId, String customer, String why) {
		return cancel(this.db
			.sql("delete from scheduled_messages where organization_id = :org and rule_id = :rule and customer = :key "
					+ "returning rule_name, send_request")
			.bind("org", organizationId)
			.bind("rule", ruleId)
			.bind("key", customer), why);
	}

	/**
	 * Cancels the held messages to a customer that a reply from them cancels (the rule's
	 * {@code cancelOn.reply}); emits their ids.
	 */
	public Flux<String> cancelOnReply(String organizationId, String customer, String why) {
		return cancel(this.db
			.sql("delete from scheduled_messages where organization_id = :org and customer = :key "
					+ "and cancel_on_reply returning rule_name, send_request")
			.bind("org", organizationId)
			.bind("key", customer), why);
	}

	private Flux<String> cancel(DatabaseClient.GenericExecuteSpec delete, String why) {
		Instant now = this.clock.instant();
		return delete
			.map((row) -> new Cancelled(row.get("rule_name", String.class),
					Json.mapper().readValue(row.get("send_request", String.class), SendRequest.class)))
			.all()
			.collectList()
			.flatMapMany(
					(claimed) -> Flux.fromIterable(claimed)
						.concatMap((one) -> this.outbox
							.append(Topics.STATUS_EVENTS,
									status(one.request(), MessageStatus.CANCELLED, now,
											ErrorInfo.reason("Cancelled", why)))
							.doOnSuccess((done) -> count(one.ruleName(), "cancelled", 1))
							.thenReturn(one.request().messageId())));
	}

	@Scheduled(fixedDelayString = "${workflow.scheduler.poll-interval:250ms}",
			initialDelayString = "${workflow.scheduler.poll-interval:250ms}")
	Mono<Void> release() {
		// deferred: Spring subscribes the returned publisher again each round, so every
		// round must ask the gate afresh; the lag is measured while the gate holds
		// messages back too
		return Mono.defer(() -> this.gate.open()
			.flatMap((open) -> open ? releaseDue().then() : this.due.updateLag(this.clock.instant())));
	}

	/**
	 * Releases everything due now ({@link DueMessages}); emits how many messages were
	 * published or expired.
	 */
	public Mono<Long> releaseDue() {
		return this.due.releaseDue(this::releaseOne, this::counted);
	}

	/** One batch, one transaction. */
	Mono<Long> batch(Instant now) {
		return this.due.batch(now, this::releaseOne, this::counted);
	}

	private Mono<String> releaseOne(DueMessages.Claimed claimed, Instant now) {
		SendRequest held = claimed.request();
		if (Label.of(claimed).optedOut()) {
			return this.outbox
				.append(Topics.STATUS_EVENTS, status(held, MessageStatus.CANCELLED, now,
						ErrorInfo.reason("Cancelled",
								OPTED_OUT + ": the customer opted out of marketing messages before this one was due")))
				.thenReturn("cancelled");
		}
		Mono<String> outcome = DueMessages.expired(held, now)
				? this.outbox
					.append(Topics.STATUS_EVENTS,
							status(held, MessageStatus.EXPIRED, now,
									ErrorInfo.reason("Time-to-live elapsed",
											"The message was due at " + held.scheduledFor() + " and expired at "
													+ held.expiresAt() + " before it could be released")))
					.thenReturn("expired")
				: this.outbox.append(Topics.SEND_REQUESTS, DueMessages.due(held, now)).thenReturn("published");
		return outcome;
	}

	private void counted(DueMessages.Released released) {
		count(Label.of(released.claimed()).rule(), released.outcome(), 1);
	}

	private static StatusEvent status(SendRequest request, MessageStatus status, Instant at,
			@Nullable ErrorInfo error) {
		return StatusEvent.deterministic(request.organizationId(), request.messageId(), status, at,
				request.phoneNumberId(), request.recipient(), null, error);
	}

	private void count(String rule, String outcome, long amount) {
		this.meters.counter(MESSAGES_METRIC, "rule", rule, "outcome", outcome).increment(amount);
	}

	/**
	 * A message to hold.
	 *
	 * @param request its send request, {@code scheduledFor} set
	 * @param subject the triggering event's CloudEvents subject (events about the same
	 * business record may cancel it)
	 * @param marketing whether its template is MARKETING: re-checked against the
	 * suppression list when due
	 */
	public record Held(SendRequest request, UUID ruleId, String ruleName, UUID eventId, String subject,
			boolean cancelOnReply, boolean marketing) {

		/** A message whose template is not MARKETING. */
		public Held(SendRequest request, UUID ruleId, String ruleName, UUID eventId, String subject,
				boolean cancelOnReply) {
			this(request, ruleId, ruleName, eventId, subject, cancelOnReply, false);
		}

	}

	/** What {@link #LABEL} returns for a claimed message. */
	record Label(String rule, boolean optedOut) {

		static Label of(DueMessages.Claimed claimed) {
			return Json.mapper().readValue(claimed.label(), Label.class);
		}

	}

	private record Cancelled(String ruleName, SendRequest request) {

	}

}
