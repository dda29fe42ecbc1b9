package com.waplatform.webhook.routing;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.meta.WebhookPayload;
import com.waplatform.common.webhook.WebhookReceived;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.webhook.routing.domain.LogText;
import com.waplatform.webhook.routing.domain.MetricTags;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * Sends each change of a webhook to the {@link ChangeHandler} of its field, in order.
 * Fields without a handler (account and phone-number updates for now) are counted and
 * logged.
 */
@Component
class ChangeRouter {

	private static final Logger logger = LoggerFactory.getLogger(ChangeRouter.class);

	private final Map<String, ChangeHandler> handlers;

	private final AccountDirectory accounts;

	private final MeterRegistry meters;

	ChangeRouter(List<ChangeHandler> handlers, AccountDirectory accounts, MeterRegistry meters) {
		this.handlers = handlers.stream()
			.collect(Collectors.toUnmodifiableMap(ChangeHandler::field, Function.identity()));
		this.accounts = accounts;
		this.meters = meters;
	}

	Mono<Void> route(WebhookReceived received, WebhookPayload payload) {
		return Flux.fromIterable(payload.entry())
			.concatMap((entry) -> Flux.fromIterable(entry.changes())
				.map((change) -> new RoutedChange(received.eventId(), entry.id(),
						organization(entry.id(), change.value(), received.organizationId()), change)))
			.concatMap(this::dispatch)
			.then();
	}

	private Mono<Void> dispatch(RoutedChange change) {
		this.meters.counter("webhook.changes", "field", MetricTags.field(change.field())).increment();
		ChangeHandler handler = this.handlers.get(change.field());
		if (handler == null) {
			logger.info("Webhook change '{}' for WABA {} (organization {}) not routed yet: {}",
					LogText.of(change.field()), LogText.of(change.wabaId()), change.organizationId(),
					change.change().value());
			return Mono.empty();
		}
		return handler.handle(change);
	}

	/**
	 * The organization owning the change: by its phone number, else by its WABA, else the
	 * one the gateway resolved on receipt.
	 */
	private String organization(String wabaId, JsonNode value, String fallback) {
		JsonNode phoneNumberId = value.path("metadata").path("phone_number_id");
		if (phoneNumberId.isString()) {
			String organization = this.accounts.phoneNumber(phoneNumberId.stringValue())
				.map(PhoneNumberConfigured::organizationId)
				.orElse(null);
			if (organization != null) {
				return organization;
			}
		}
		return this.accounts.organizationOfWaba(wabaId).orElse(fallback);
	}

}
