package com.waplatform.workflow.replies;

import com.waplatform.common.event.Event;
import com.waplatform.common.inbound.InboundMessage;
import com.waplatform.support.kafka.TransientFailures;
import com.waplatform.support.outbox.ProcessedEvents;
import com.waplatform.workflow.scheduling.ScheduledMessages;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * A customer who writes to the business is no longer waiting for a follow-up: each
 * inbound message ({@code wa.inbound-messages}) cancels the held messages to that
 * customer whose rule says a reply cancels them ({@code cancelOn.reply}), in the
 * transaction that records the inbound message as processed. Other values of the topic
 * (Meta's {@code user_preferences}, which the gateway turns into suppressions) are not
 * replies and are ignored. A customer Meta names only by a business-scoped user id is
 * looked up by it ({@link InboundMessage#customer()}); rules hold messages to E.164
 * numbers, so such a reply cancels nothing.
 */
@Component
class InboundRepliesListener {

	static final String CONSUMER = "workflow-service.replies";

	private static final Logger logger = LoggerFactory.getLogger(InboundRepliesListener.class);

	private final ScheduledMessages scheduled;

	private final ProcessedEvents processed;

	private final TransactionalOperator tx;

	private final MeterRegistry meters;

	InboundRepliesListener(ScheduledMessages scheduled, ProcessedEvents processed, TransactionalOperator tx,
			MeterRegistry meters) {
		this.scheduled = scheduled;
		this.processed = processed;
		this.tx = tx;
		this.meters = meters;
	}

	@KafkaListener(topics = "#{T(com.waplatform.common.kafka.Topics).INBOUND_MESSAGES.name()}")
	Mono<Void> onInbound(Event value) {
		if (!(value instanceof InboundMessage inbound)) {
			return Mono.empty();
		}
		Mono<Long> once = this.processed.firstTime(CONSUMER, inbound.eventId())
			.flatMap((first) -> first ? this.scheduled
				.cancelOnReply(inbound.organizationId(), inbound.customer(),
						"Cancelled by a reply from the customer (" + inbound.wamid() + ")")
				.count() : Mono.just(0L));
		return this.tx.transactional(once).retryWhen(TransientFailures.retry()).doOnNext((cancelled) -> {
			if (cancelled > 0) {
				this.meters.counter("workflow.replies.cancelled").increment(cancelled);
				logger.info("A reply from a customer of organization {} cancelled {} held message(s)",
						inbound.organizationId(), cancelled);
			}
		}).then();
	}

}
