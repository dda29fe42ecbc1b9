package com.waplatform.callback.delivery;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The gauges {@code callbacks.backlog} (unfinished deliveries: pending or waiting for a
 * retry) and {@code callbacks.endpoints.disabled} (endpoints not enabled, automatically
 * or by hand), measured every {@code callbacks.delivery.metrics-interval}.
 */
@Component
class DeliveryGauges {

	static final String BACKLOG_METRIC = "callbacks.backlog";

	static final String DISABLED_METRIC = "callbacks.endpoints.disabled";

	private final DeliveryStore store;

	private final AtomicLong backlog = new AtomicLong();

	private final AtomicLong disabled = new AtomicLong();

	DeliveryGauges(DeliveryStore store, MeterRegistry meters) {
		this.store = store;
		Gauge.builder(BACKLOG_METRIC, this.backlog, AtomicLong::doubleValue)
			.description("Callback deliveries not finished yet")
			.register(meters);
		Gauge.builder(DISABLED_METRIC, this.disabled, AtomicLong::doubleValue)
			.description("Callback endpoints that are disabled")
			.register(meters);
	}

	@Scheduled(fixedDelayString = "${callbacks.delivery.metrics-interval:10s}")
	Mono<Void> measure() {
		// deferred: each round queries afresh
		return Mono.defer(() -> this.store.backlog()
			.doOnNext(this.backlog::set)
			.then(this.store.disabledEndpoints())
			.doOnNext(this.disabled::set)
			.then());
	}

}
