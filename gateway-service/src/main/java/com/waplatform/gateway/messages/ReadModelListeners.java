package com.waplatform.gateway.messages;

import com.waplatform.common.event.Event;
import com.waplatform.common.message.MessageIds;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.gateway.conversations.ServiceWindows;
import com.waplatform.support.kafka.TransientFailures;
import com.waplatform.support.outbox.ProcessedEvents;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Keeps the message read model up to date from {@code wa.send-requests} (messages created
 * elsewhere, e.g. by workflow), {@code wa.scheduled-messages} (messages a workflow rule
 * holds until their time: shown {@code scheduled}) and {@code wa.status-events}. Each
 * event is applied once: its id is recorded in the same transaction as its effect. A
 * status event whose message id is not shaped like ours ({@link MessageIds}) is skipped:
 * it cannot be one of our messages. A failure with Meta's 131047 also closes the
 * customer's service window ({@link ServiceWindows}).
 */
@Component
class ReadModelListeners {

	static final String SEND_REQUESTS_CONSUMER = "gateway.read-model.send-requests";

	static final String STATUS_EVENTS_CONSUMER = "gateway.read-model.status-events";

	private static final Log log = LogFactory.getLog(ReadModelListeners.class);

	private static final int LOGGED_ID_LENGTH = 64;

	private final MessageStore store;

	private final ProcessedEvents processed;

	private final TransactionalOperator tx;

	private final ServiceWindows windows;

	private final StatusMetrics metrics;

	ReadModelListeners(MessageStore store, ProcessedEvents processed, TransactionalOperator tx, ServiceWindows windows,
			StatusMetrics metrics) {
		this.store = store;
		this.windows = windows;
		this.processed = processed;
		this.tx = tx;
		this.metrics = metrics;
	}

	@KafkaListener(id = "gateway-send-requests", idIsGroup = false,
			topics = { "#{T(com.waplatform.common.kafka.Topics).SEND_REQUESTS.name()}",
					"#{T(com.waplatform.common.kafka.Topics).SCHEDULED_MESSAGES.name()}" })
	Mono<Void> onSendRequest(ConsumerRecord<String, Event> record) {
		if (!(record.value() instanceof SendRequest request)) {
			return Mono.empty();
		}
		return this.tx
			.transactional(this.processed.firstTime(SEND_REQUESTS_CONSUMER, request.eventId())
				.flatMap((first) -> first ? this.store.recordSendRequest(request) : Mono.empty()))
			.retryWhen(TransientFailures.retry());
	}

	@KafkaListener(id = "gateway-status-events", idIsGroup = false,
			topics = "#{T(com.waplatform.common.kafka.Topics).STATUS_EVENTS.name()}")
	Mono<Void> onStatusEvent(ConsumerRecord<String, Event> record) {
		if (!(record.value() instanceof StatusEvent event)) {
			return Mono.empty();
		}
		if (!MessageIds.isValid(event.messageId())) {
			log.warn("Skipping status event " + event.eventId() + ": its message id '" + printable(event.messageId())
					+ "' is not one of ours");
			return Mono.empty();
		}
		return this.tx
			.transactional(this.processed.firstTime(STATUS_EVENTS_CONSUMER, event.eventId())
				.flatMap((first) -> first
						? this.store.applyStatus(event).then(this.windows.onStatus(event)).thenReturn(true)
						: Mono.just(false)))
			.retryWhen(TransientFailures.retry())
			// counted once committed: a retried transaction is not counted twice
			.doOnNext((applied) -> {
				if (applied) {
					this.metrics.applied(event);
				}
			})
			.then();
	}

	/** At most {@value #LOGGED_ID_LENGTH} characters, control characters replaced. */
	private static String printable(String text) {
		String head = (text.length() > LOGGED_ID_LENGTH) ? text.substring(0, LOGGED_ID_LENGTH) + "..." : text;
		return head.replaceAll("\\p{Cntrl}", "?");
	}

}
