package com.waplatform.sender.meta;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * {@code sender.meta.calls} (timer by outcome), {@code sender.meta.errors} (by Meta error
 * code or failure kind) and {@code sender.meta.inflight} (calls awaiting Meta's answer).
 */
@Component
class MetaMetrics {

	private final MeterRegistry registry;

	private final AtomicInteger inFlight = new AtomicInteger();

	MetaMetrics(MeterRegistry registry) {
		this.registry = registry;
		Gauge.builder("sender.meta.inflight", this.inFlight, AtomicInteger::get)
			.description("Calls to Meta awaiting an answer")
			.register(registry);
	}

	long started() {
		this.inFlight.incrementAndGet();
		return System.nanoTime();
	}

	void ended() {
		this.inFlight.decrementAndGet();
	}

	void timed(long startedAt, String outcome) {
		Timer.builder("sender.meta.calls")
			.description("Calls to Meta's send endpoint")
			.tag("outcome", outcome)
			.publishPercentileHistogram()
			.register(this.registry)
			.record(Duration.ofNanos(System.nanoTime() - startedAt));
	}

	void error(String code) {
		Counter.builder("sender.meta.errors")
			.description("Errors answered by Meta or met calling it")
			.tag("code", code)
			.register(this.registry)
			.increment();
	}

}
