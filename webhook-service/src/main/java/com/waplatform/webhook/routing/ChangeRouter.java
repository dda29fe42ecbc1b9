package com.waplatform.webhook.routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
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
				.concatMap((change) -> Mono.justOrEmpty(organization(received, entry.id(), change.value()))
					.map((organization) -> new RoutedChange(received.eventId(), entry.id(), organization, change))))
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
	 * The organization of a change: the one whose app secret the gateway verified the
	 * webhook with. A change naming a number or an account of another organization is not
	 * routed (one tenant's app cannot speak for another's messages); it is counted in
	 * {@code webhook.changes.refused} and logged. Webhooks stored before the gateway
	 * bound them to a tenant carry no organization and are attributed by their number,
	 * else their account, as they were then.
	 */
	private Optional<String> organization(WebhookReceived received, String wabaId, JsonNode value) {
		JsonNode phoneNumberId = value.path("metadata").path("phone_number_id");
		Optional<String> ofNumber = phoneNumberId.isString()
				? this.accounts.phoneNumber(phoneNumberId.stringValue()).map(PhoneNumberConfigured::organizationId)
				: Optional.empty();
		Optional<String> ofAccount = this.accounts.organizationOfWaba(wabaId);
		String verified = received.organizationId();
		if (WebhookReceived.UNKNOWN_ORGANIZATION.equals(verified)) {
			return Optional.of(ofNumber.or(() -> ofAccount).orElse(verified));
		}
		boolean foreign = ofNumber.filter((owner) -> !owner.equals(verified)).isPresent()
				|| ofAccount.filter((owner) -> !owner.equals(verified)).isPresent();
		if (foreign) {
			this.meters.counter("webhook.changes.refused").increment();
			logger.warn("Webhook change of organization {} names a number or account of another organization; "
					+ "not routed (WABA {})", verified, LogText.of(wabaId));
			return Optional.empty();
		}
		return Optional.of(verified);
	}

}
