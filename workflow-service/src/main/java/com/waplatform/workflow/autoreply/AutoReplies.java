package com.waplatform.workflow.autoreply;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;

import com.waplatform.common.account.OrganizationSettings;
import com.waplatform.common.event.Event;
import com.waplatform.common.inbound.InboundMessage;
import com.waplatform.common.inbound.InboundText;
import com.waplatform.common.kafka.Topics;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.support.kafka.TransientFailures;
import com.waplatform.support.outbox.Outbox;
import com.waplatform.support.outbox.ProcessedEvents;
import com.waplatform.workflow.autoreply.domain.AutoReplyPolicy;
import com.waplatform.workflow.autoreply.domain.AutoReplyPolicy.Decision;
import com.waplatform.workflow.autoreply.domain.AutoReplyPolicy.Facts;
import com.waplatform.workflow.autoreply.domain.AutoReplyPolicy.Incoming;
import com.waplatform.workflow.autoreply.domain.ChosenReply;
import com.waplatform.workflow.suppressions.SuppressionList;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Answers customers' messages ({@code wa.inbound-messages}) with the organization's
 * auto-replies ({@code OrganizationSettings.conversations()}): which reply and whether it
 * goes is {@link AutoReplyPolicy}'s; this reads the facts it needs (the suppression list,
 * the replies already sent) and sends the reply through the outbox, in the transaction
 * that records the inbound message as processed and the reply in {@code auto_replies}. A
 * redelivered message is answered once: the processed-event record, and the reply's
 * message id derived from the inbound wamid and the rule (the table's key).
 * <p>
 * Its own consumer group: auto-replies lag or fail without holding up the cancellations
 * by reply. A new group reads the topic from its start; messages older than the window
 * are never answered, so that replay sends nothing stale.
 * <p>
 * Metric: {@code workflow.autoreplies{rule=keyword|out_of_hours, outcome}}.
 */
@Component
class AutoReplies {

	static final String GROUP = "workflow-service.auto-replies";

	static final String METRIC = "workflow.autoreplies";

	private static final Logger logger = LoggerFactory.getLogger(AutoReplies.class);

	private final AccountDirectory accounts;

	private final SuppressionList suppressions;

	private final AutoReplyLog log;

	private final AutoReplyMessages messages;

	private final ProcessedEvents processed;

	private final Outbox outbox;

	private final TransactionalOperator tx;

	private final MeterRegistry meters;

	private final Clock clock;

	AutoReplies(AccountDirectory accounts, SuppressionList suppressions, AutoReplyLog log, AutoReplyMessages messages,
			ProcessedEvents processed, Outbox outbox, TransactionalOperator tx, MeterRegistry meters, Clock clock) {
		this.accounts = accounts;
		this.suppressions = suppressions;
		this.log = log;
		this.messages = messages;
		this.processed = processed;
		this.outbox = outbox;
		this.tx = tx;
		this.meters = meters;
		this.clock = clock;
	}

	@KafkaListener(topics = "#{T(com.waplatform.common.kafka.Topics).INBOUND_MESSAGES.name()}", groupId = GROUP)
	Mono<Void> onInbound(Event value) {
		// Meta's user_preferences (also on this topic) are the gateway's: not answered
		if (!(value instanceof InboundMessage inbound)) {
			return Mono.empty();
		}
		OrganizationSettings settings = this.accounts.settings(inbound.organizationId());
		Incoming incoming = new Incoming(InboundText.of(inbound.content()), InboundText.isWritten(inbound.content()),
				inbound.sentAt());
		Optional<ChosenReply> chosen = AutoReplyPolicy.choose(incoming, settings.conversations(), zone(settings));
		if (chosen.isEmpty()) {
			return Mono.empty();
		}
		ChosenReply reply = chosen.get();
		Instant now = this.clock.instant();
		Mono<String> once = this.processed.firstTime(GROUP, inbound.eventId())
			.flatMap((first) -> first ? answer(inbound, reply, incoming, settings, now) : Mono.empty());
		return this.tx.transactional(once)
			.retryWhen(TransientFailures.retry())
			.doOnNext((outcome) -> this.meters.counter(METRIC, "rule", reply.kind().tag(), "outcome", outcome)
				.increment())
			.then();
	}

	private Mono<String> answer(InboundMessage inbound, ChosenReply reply, Incoming incoming,
			OrganizationSettings settings, Instant now) {
		return facts(inbound, reply, settings, now).flatMap((facts) -> {
			Decision decision = AutoReplyPolicy.decide(reply, incoming, settings.conversations(), facts, now);
			if (decision instanceof Decision.Skip) {
				return Mono.just(decision.outcome());
			}
			AutoReplyMessages.Made made = this.messages.make(inbound, reply, settings, now);
			if (made.request() == null) {
				return Mono.justOrEmpty(made.skipped());
			}
			return this.log
				.record(made.request().messageId(), inbound.organizationId(), inbound.phoneNumberId(),
						inbound.customer(), reply.rule(), inbound.wamid(), now)
				.flatMap((recorded) -> recorded ? this.outbox.append(Topics.SEND_REQUESTS, made.request())
					.doOnSuccess((done) -> logger.info("Auto-reply {} to a customer of organization {} ({})",
							reply.rule(), inbound.organizationId(), made.request().messageId()))
					.thenReturn(AutoReplyPolicy.SENT) : Mono.empty());
		});
	}

	private Mono<Facts> facts(InboundMessage inbound, ChosenReply reply, OrganizationSettings settings, Instant now) {
		String org = inbound.organizationId();
		// read one after the other: the statements share the transaction's connection
		return this.suppressions.isSuppressed(org, Arrays.asList(inbound.from(), inbound.fromUserId()))
			.flatMap((suppressed) -> this.log
				.repliesToAutoReply(org, inbound.customer(), inbound.context().repliedTo(), now)
				.flatMap((loop) -> this.log
					.repliedWithinWindow(org, inbound.phoneNumberId(), inbound.customer(), reply.rule(), now)
					.map((replied) -> new Facts(settings.automationEnabled(), suppressed, loop, replied))));
	}

	/**
	 * The organization's zone (business hours are read in it); UTC when unset or invalid.
	 */
	static ZoneId zone(OrganizationSettings settings) {
		if (settings.timeZone() == null) {
			return ZoneOffset.UTC;
		}
		try {
			return ZoneId.of(settings.timeZone());
		}
		catch (DateTimeException ex) {
			return ZoneOffset.UTC;
		}
	}

}
