package com.waplatform.webhook.messages;

import java.util.Comparator;
import java.util.List;

import com.waplatform.common.meta.WebhookPayload;
import com.waplatform.webhook.inbound.InboundRecorder;
import com.waplatform.webhook.routing.ChangeHandler;
import com.waplatform.webhook.routing.RoutedChange;
import com.waplatform.webhook.routing.domain.MetricTags;
import com.waplatform.webhook.routing.domain.WebhookPayloads;
import com.waplatform.webhook.status.StatusUpdater;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * The {@code messages} field: delivery statuses of our messages, messages from customers
 * and errors Meta reports about the number. Items are applied one after the other, in the
 * order Meta listed them.
 */
@Component
class MessagesChangeHandler implements ChangeHandler {

	private static final Logger logger = LoggerFactory.getLogger(MessagesChangeHandler.class);

	private final StatusUpdater statuses;

	private final InboundRecorder inbound;

	private final MeterRegistry meters;

	MessagesChangeHandler(StatusUpdater statuses, InboundRecorder inbound, MeterRegistry meters) {
		this.statuses = statuses;
		this.inbound = inbound;
		this.meters = meters;
	}

	@Override
	public String field() {
		return "messages";
	}

	@Override
	public Mono<Void> handle(RoutedChange change) {
		WebhookPayload.MessagesValue value = WebhookPayloads.value(change.change(), WebhookPayload.MessagesValue.class);
		String phoneNumberId = (value.metadata() != null) ? value.metadata().phoneNumberId() : null;
		errors(change, value.errors());
		// in the order of their messages (a stable sort keeps each message's own order):
		// concurrent webhooks carrying statuses of the same messages then lock their rows
		// in one order and cannot deadlock each other
		Flux<Void> statusUpdates = Flux.fromIterable(orEmpty(value.statuses()))
			.sort(Comparator.comparing(MessagesChangeHandler::messageKey))
			.concatMap((status) -> this.statuses.apply(change.organizationId(), phoneNumberId, status));
		// customers' messages are read from the raw JSON: their bodies depend on the type
		JsonNode raw = change.change().value();
		Flux<Void> messages = Flux.fromIterable(raw.path("messages"))
			.concatMap((message) -> this.inbound.record(change.organizationId(), requirePhoneNumber(phoneNumberId),
					raw.path("contacts"), message));
		return statusUpdates.thenMany(messages).then();
	}

	private void errors(RoutedChange change, @Nullable List<WebhookPayload.WebhookError> errors) {
		for (WebhookPayload.WebhookError error : orEmpty(errors)) {
			this.meters.counter("webhook.errors", "code", MetricTags.errorCode(error.code())).increment();
			logger.info("Meta reported error {} '{}' for WABA {}: {}", error.code(), error.title(), change.wabaId(),
					error.details());
		}
	}

	private static String requirePhoneNumber(@Nullable String phoneNumberId) {
		if (phoneNumberId == null) {
			throw new IllegalArgumentException("Inbound messages without 'metadata.phone_number_id'");
		}
		return phoneNumberId;
	}

	private static String messageKey(WebhookPayload.Status status) {
		String callbackData = status.bizOpaqueCallbackData();
		return (callbackData != null) ? callbackData : String.valueOf(status.id());
	}

	private static <T> List<T> orEmpty(@Nullable List<T> list) {
		return (list != null) ? list : List.of();
	}

}
