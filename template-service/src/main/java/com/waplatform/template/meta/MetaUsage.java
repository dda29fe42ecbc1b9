package com.waplatform.template.meta;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.waplatform.template.domain.BusinessUseCaseUsage;
import com.waplatform.template.domain.UsageGovernor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Reads {@code x-business-use-case-usage} of every Graph answer into the
 * {@link UsageGovernor}, and tells callers whether an account may be called now. Meters:
 * {@code template.meta.usage{wabaId}} (the last usage, % of the most used quota) and
 * {@code template.sync.throttled{reason}} (calls not made, or refused by Meta, because of
 * the limits).
 */
@Component
public class MetaUsage {

	private static final Logger logger = LoggerFactory.getLogger(MetaUsage.class);

	private final UsageGovernor governor;

	private final Clock clock;

	private final MeterRegistry meters;

	private final Set<String> gauged = ConcurrentHashMap.newKeySet();

	MetaUsage(MetaApiProperties properties, MeterRegistry meters) {
		this.governor = new UsageGovernor(properties.usageThreshold(), properties.throttleCoolDown());
		this.clock = Clock.systemUTC();
		this.meters = meters;
	}

	/** Fails with {@link AccountThrottledException} while the account backs off. */
	public void check(String wabaId) {
		var until = this.governor.blockedUntil(wabaId, this.clock.instant());
		if (until.isPresent()) {
			throttledCounter("backing-off").increment();
			throw new AccountThrottledException(wabaId, until.get());
		}
	}

	public boolean mayCall(String wabaId) {
		return this.governor.mayCall(wabaId, this.clock.instant());
	}

	/** Reads the usage header of an answer (success or error). */
	void observe(HttpHeaders headers) {
		Map<String, BusinessUseCaseUsage> usage = BusinessUseCaseUsage
			.parse(headers.getFirst(BusinessUseCaseUsage.HEADER));
		usage.forEach((wabaId, used) -> {
			gauge(wabaId);
			if (this.governor.record(wabaId, used, this.clock.instant())) {
				throttledCounter("usage").increment();
				logger.warn("Meta management usage of WABA {} at {}% (regain access in {}): backing off until {}",
						wabaId, used.percent(), used.regainAccessIn(),
						this.governor.blockedUntil(wabaId, this.clock.instant()).orElse(null));
			}
		});
	}

	/** Meta refused a call for the account with a throttling error code. */
	void throttledByMeta(String wabaId, int code, HttpHeaders headers) {
		BusinessUseCaseUsage used = BusinessUseCaseUsage.parse(headers.getFirst(BusinessUseCaseUsage.HEADER))
			.get(wabaId);
		@Nullable Duration regain = (used != null) ? used.regainAccessIn() : null;
		this.governor.throttled(wabaId, regain, this.clock.instant());
		throttledCounter("meta-error").increment();
		logger.warn("Meta throttled WABA {} (error {}): backing off until {}", wabaId, code,
				this.governor.blockedUntil(wabaId, this.clock.instant()).orElse(null));
	}

	private void gauge(String wabaId) {
		if (this.gauged.add(wabaId)) {
			Gauge.builder("template.meta.usage", this.governor, (g) -> g.lastPercent(wabaId).orElse(0))
				.description("Last reported use of Meta's management quota, % of the most used one")
				.tag("wabaId", wabaId)
				.baseUnit("percent")
				.register(this.meters);
		}
	}

	private Counter throttledCounter(String reason) {
		return Counter.builder("template.sync.throttled")
			.description("Graph calls not made (backing-off), or that started a back-off (usage, meta-error)")
			.tag("reason", reason)
			.register(this.meters);
	}

}
