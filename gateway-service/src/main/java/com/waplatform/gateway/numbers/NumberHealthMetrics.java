package com.waplatform.gateway.numbers;

import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.waplatform.common.account.NumberHealth;
import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.gateway.numbers.domain.HealthValues;
import com.waplatform.support.accounts.AccountDirectory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Account health per business number as gauges, registered once per number the account
 * directory knows (a sweep every 10 seconds picks up new numbers; the gauges read the
 * directory's latest facts at each scrape):
 * <ul>
 * <li>{@code gateway.number.messaging-limit{organization, phone_number_id}}: unique
 * customers per 24 hours of the number's messaging limit tier ({@code TIER_10K} → 10000,
 * unlimited → -1; NaN until Meta reported one)</li>
 * <li>{@code gateway.number.quality{organization, phone_number_id, event}}: 1 for Meta's
 * latest quality event ({@code FLAGGED}, {@code UNFLAGGED}, {@code UPGRADE},
 * {@code DOWNGRADE}, {@code ONBOARDING}, {@code THROUGHPUT_UPGRADE}, else {@code OTHER}),
 * 0 for the others: a bounded set of series per number</li>
 * </ul>
 */
@Component
class NumberHealthMetrics {

	private final AccountDirectory directory;

	private final MeterRegistry registry;

	private final Set<String> registered = ConcurrentHashMap.newKeySet();

	NumberHealthMetrics(AccountDirectory directory, MeterRegistry registry) {
		this.directory = directory;
		this.registry = registry;
	}

	@Scheduled(fixedDelayString = "PT10S", initialDelayString = "PT1S")
	void registerNewNumbers() {
		for (PhoneNumberConfigured number : this.directory.all()) {
			if (this.registered.add(number.phoneNumberId())) {
				register(number.organizationId(), number.phoneNumberId());
			}
		}
	}

	private void register(String organizationId, String phoneNumberId) {
		Gauge
			.builder("gateway.number.messaging-limit",
					() -> HealthValues.messagingLimit(latest(phoneNumberId, NumberHealth.MESSAGING_LIMIT).orElse(null)))
			.description("Unique customers per 24 h of the number's messaging limit tier (-1 unlimited)")
			.tag("organization", organizationId)
			.tag("phone_number_id", phoneNumberId)
			.register(this.registry);
		for (String event : HealthValues.QUALITY_EVENTS) {
			quality(organizationId, phoneNumberId, event);
		}
		quality(organizationId, phoneNumberId, HealthValues.OTHER_EVENT);
	}

	private void quality(String organizationId, String phoneNumberId, String event) {
		Gauge
			.builder("gateway.number.quality",
					() -> event
						.equals(HealthValues.qualityEvent(latest(phoneNumberId, NumberHealth.QUALITY).orElse(null))) ? 1
								: 0)
			.description("1 for Meta's latest quality event of the number, 0 for the others")
			.tag("organization", organizationId)
			.tag("phone_number_id", phoneNumberId)
			.tag("event", event)
			.register(this.registry);
	}

	/** The latest value of an aspect, reported for the number's own organization. */
	private Optional<String> latest(String phoneNumberId, String aspect) {
		return this.directory.phoneNumber(phoneNumberId)
			.flatMap((number) -> this.directory.health(number)
				.stream()
				.filter((fact) -> fact.aspect().equals(aspect) && fact.organizationId().equals(number.organizationId()))
				.max(Comparator.comparing(NumberHealth::occurredAt)))
			.map(NumberHealth::value);
	}

}
