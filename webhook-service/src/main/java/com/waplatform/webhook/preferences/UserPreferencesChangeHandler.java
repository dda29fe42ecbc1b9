package com.waplatform.webhook.preferences;

import com.waplatform.common.inbound.UserPreference;
import com.waplatform.common.kafka.Topics;
import com.waplatform.support.outbox.Outbox;
import com.waplatform.support.outbox.ProcessedEvents;
import com.waplatform.webhook.preferences.domain.UserPreferenceMapping;
import com.waplatform.webhook.routing.ChangeHandler;
import com.waplatform.webhook.routing.RoutedChange;
import com.waplatform.webhook.routing.domain.LogText;
import com.waplatform.webhook.routing.domain.MetricTags;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The {@code user_preferences} field: each customer's choice becomes a
 * {@link UserPreference} on {@code wa.inbound-messages} (key
 * {@code {phoneNumberId}:{customer}}, the key of the customer's messages, so a stop and
 * the messages around it keep their order), through the outbox, once per event id: the id
 * is derived from what Meta sent, so the same choice in a redelivered or replayed webhook
 * is recognised ({@code ProcessedEvents}). Consumers (suppression lists) act on
 * {@code stop}/{@code resume}.
 */
@Component
class UserPreferencesChangeHandler implements ChangeHandler {

	static final String FIELD = "user_preferences";

	static final String CONSUMER = "webhook-service.preferences";

	private static final Logger logger = LoggerFactory.getLogger(UserPreferencesChangeHandler.class);

	private final ProcessedEvents processedEvents;

	private final Outbox outbox;

	private final MeterRegistry meters;

	UserPreferencesChangeHandler(ProcessedEvents processedEvents, Outbox outbox, MeterRegistry meters) {
		this.processedEvents = processedEvents;
		this.outbox = outbox;
		this.meters = meters;
	}

	@Override
	public String field() {
		return FIELD;
	}

	@Override
	public Mono<Void> handle(RoutedChange change) {
		return Flux.fromIterable(UserPreferenceMapping.map(change.organizationId(), change.change().value()))
			.concatMap(this::record)
			.then();
	}

	private Mono<Void> record(UserPreference preference) {
		return this.processedEvents.firstTime(CONSUMER, preference.eventId()).flatMap((first) -> {
			if (!first) {
				this.meters.counter("webhook.user.preferences.duplicates").increment();
				return Mono.empty();
			}
			this.meters
				.counter("webhook.user.preferences", "category", MetricTags.preferenceCategory(preference.category()),
						"value", MetricTags.preferenceValue(preference.value()))
				.increment();
			logger.info("Customer of number {} (organization {}) chose {} {}", preference.phoneNumberId(),
					preference.organizationId(), LogText.of(preference.category()), LogText.of(preference.value()));
			return this.outbox.append(Topics.INBOUND_MESSAGES, preference);
		});
	}

}
