package com.waplatform.callback.delivery;

import java.time.Clock;
import java.time.Instant;

import com.waplatform.callback.endpoints.EndpointStore;
import com.waplatform.common.event.Event;
import com.waplatform.common.inbound.InboundMessage;
import com.waplatform.common.inbound.UserPreference;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.support.kafka.TransientFailures;
import com.waplatform.support.outbox.ProcessedEvents;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Turns status events ({@code wa.status-events}, kind {@code status}) and inbound
 * messages and user preferences ({@code wa.inbound-messages}, kind {@code inbound}) into
 * deliveries: one row per enabled endpoint of the event's organization subscribed to its
 * kind, inserted in the transaction that records the event as processed
 * ({@link ProcessedEvents}). The listener's {@code Mono} completes after the commit, and
 * only then is the offset committed: a delivery is durable before its event is let go, so
 * none is lost across a restart, and a redelivered event adds none twice. Records of one
 * partition are handled in order ({@link PartitionOrder}).
 * <p>
 * Metric: {@code callbacks.deliveries.created{kind}}.
 */
@Component
class EventIntake {

	static final String STATUS_CONSUMER = "callback-service.status";

	static final String INBOUND_CONSUMER = "callback-service.inbound";

	static final String CREATED_METRIC = "callbacks.deliveries.created";

	private final EndpointStore endpoints;

	private final DeliveryStore deliveries;

	private final ProcessedEvents processed;

	private final TransactionalOperator tx;

	private final Clock clock;

	private final MeterRegistry meters;

	private final PartitionOrder order = new PartitionOrder();

	EventIntake(EndpointStore endpoints, DeliveryStore deliveries, ProcessedEvents processed, TransactionalOperator tx,
			Clock clock, MeterRegistry meters) {
		this.endpoints = endpoints;
		this.deliveries = deliveries;
		this.processed = processed;
		this.tx = tx;
		this.clock = clock;
		this.meters = meters;
	}

	@KafkaListener(topics = "#{T(com.waplatform.common.kafka.Topics).STATUS_EVENTS.name()}")
	Mono<Void> onStatus(Event value, @Header(KafkaHeaders.RECEIVED_PARTITION) int partition) {
		if (!(value instanceof StatusEvent status)) {
			return Mono.empty();
		}
		return this.order.after(Topics.STATUS_EVENTS.name(), partition, () -> intake(STATUS_CONSUMER, "status", status,
				"message:" + status.messageId(), status.messageId(), status.status().rank()));
	}

	@KafkaListener(topics = "#{T(com.waplatform.common.kafka.Topics).INBOUND_MESSAGES.name()}")
	Mono<Void> onInbound(Event value, @Header(KafkaHeaders.RECEIVED_PARTITION) int partition) {
		if (value instanceof InboundMessage inbound) {
			return this.order.after(Topics.INBOUND_MESSAGES.name(), partition, () -> intake(INBOUND_CONSUMER, "inbound",
					inbound, "customer:" + inbound.phoneNumberId() + ":" + inbound.customer(), inbound.wamid(), null));
		}
		if (value instanceof UserPreference preference) {
			return this.order.after(Topics.INBOUND_MESSAGES.name(), partition, () -> intake(INBOUND_CONSUMER, "inbound",
					preference, "customer:" + preference.phoneNumberId() + ":" + preference.customer(), null, null));
		}
		return Mono.empty();
	}

	private Mono<Void> intake(String consumer, String kind, Event event, String orderKey, @Nullable String messageId,
			@Nullable Integer statusRank) {
		Instant now = this.clock.instant();
		Mono<Long> work = this.processed.firstTime(consumer, event.eventId())
			.flatMap((first) -> first ? this.endpoints.subscribers(event.organizationId(), kind)
				.concatMap((endpoint) -> this.deliveries.enqueue(endpoint, event, orderKey, messageId, statusRank, now))
				.reduce(0L, Long::sum) : Mono.just(0L));
		return this.tx.transactional(work)
			.retryWhen(TransientFailures.retry())
			.doOnNext((created) -> this.meters.counter(CREATED_METRIC, "kind", kind).increment(created))
			.then();
	}

}
