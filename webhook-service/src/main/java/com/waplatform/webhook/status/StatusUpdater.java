package com.waplatform.webhook.status;

import java.util.Optional;

import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.MessageIds;
import com.waplatform.common.meta.WebhookPayload;
import com.waplatform.support.outbox.Outbox;
import com.waplatform.support.tracing.TraceContexts;
import com.waplatform.webhook.routing.domain.LogText;
import com.waplatform.webhook.routing.domain.MetricTags;
import com.waplatform.webhook.status.domain.StatusUpdate;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Applies one status of a status webhook: finds our message (by
 * {@code biz_opaque_callback_data}, else by {@code wamid}), moves it forward if the
 * status machine allows and, when it moved, appends the {@code StatusEvent} to the
 * outbox. Callback data that is not shaped like our message ids ({@link MessageIds}) is
 * not ours (the sender always sets our id): the status is unmatched, never published.
 * Must run inside the webhook's transaction.
 */
@Component
public class StatusUpdater {

	static final String STATUS_SPAN = "whatsapp.message.status";

	private static final Logger logger = LoggerFactory.getLogger(StatusUpdater.class);

	private final MessageRefs refs;

	private final StatusStore store;

	private final Outbox outbox;

	private final MeterRegistry meters;

	private final TraceContexts traces;

	StatusUpdater(MessageRefs refs, StatusStore store, Outbox outbox, MeterRegistry meters, TraceContexts traces) {
		this.refs = refs;
		this.store = store;
		this.outbox = outbox;
		this.meters = meters;
		this.traces = traces;
	}

	public Mono<Void> apply(String organizationId, @Nullable String phoneNumberId, WebhookPayload.Status status) {
		StatusUpdate update = StatusUpdate.from(status).orElse(null);
		if (update == null) {
			this.meters.counter("webhook.statuses.unsupported", "status", MetricTags.status(status.status()))
				.increment();
			return Mono.empty();
		}
		return message(organizationId, update).map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((message) -> message.map((found) -> applyTo(found, update, phoneNumberId))
				.orElseGet(() -> unmatched(organizationId, update)));
	}

	private Mono<Void> applyTo(MessageRef message, StatusUpdate update, @Nullable String phoneNumberId) {
		return this.store.applyIfForward(message, update)
			.flatMap((applied) -> applied.moved() ? announce(message, update, phoneNumberId, applied.traceparent())
					: ignored(update));
	}

	private Mono<MessageRef> message(String organizationId, StatusUpdate update) {
		String callbackData = update.callbackData();
		if (callbackData != null) {
			return MessageIds.isValid(callbackData) ? Mono.just(new MessageRef(callbackData, organizationId))
					: Mono.empty();
		}
		return this.refs.find(organizationId, update.wamid());
	}

	/**
	 * Publishes the status in the message's trace (Meta's webhooks carry none): a span
	 * ({@value #STATUS_SPAN}) continuing the trace of the message's send, so its read
	 * model update and callbacks are in it too.
	 */
	private Mono<Void> announce(MessageRef message, StatusUpdate update, @Nullable String phoneNumberId,
			@Nullable String traceparent) {
		this.meters.counter("webhook.statuses.applied", "status", update.status().wireName()).increment();
		return this.traces.continued(STATUS_SPAN, traceparent, this.outbox.append(Topics.STATUS_EVENTS,
				update.toEvent(message.organizationId(), message.messageId(), phoneNumberId)));
	}

	private Mono<Void> ignored(StatusUpdate update) {
		this.meters.counter("webhook.statuses.ignored", "status", update.status().wireName()).increment();
		return Mono.empty();
	}

	private Mono<Void> unmatched(String organizationId, StatusUpdate update) {
		this.meters.counter("webhook.statuses.unmatched").increment();
		String callbackData = update.callbackData();
		logger.info("Status '{}' of wamid {} (organization {}) matches no message{}; skipped",
				update.status().wireName(), LogText.of(update.wamid()), organizationId,
				(callbackData != null) ? ": callback data '" + LogText.of(callbackData) + "' is not a message id" : "");
		return Mono.empty();
	}

}
