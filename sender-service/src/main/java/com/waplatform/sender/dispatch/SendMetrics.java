package com.waplatform.sender.dispatch;

import java.time.Duration;
import java.util.Locale;

import com.waplatform.sender.domain.MessageState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * Counters and timers of the send path: {@code sender.messages} (by number and outcome:
 * accepted, failed, expired, dead_lettered, duplicate),
 * {@code sender.duplicates.skipped}, {@code sender.retries} (by number and reason) and
 * {@code sender.bucket.wait} (time from queueing to the call),
 * {@code sender.prepare.time} (from handing a message out to its SENDING record: above
 * {@code lead}, calls wait for it) and {@code sender.call.lateness} (how long after its
 * throughput slot a call started: the dispatcher woke late). Gauges of lanes are
 * registered by the engine.
 */
@Component
public class SendMetrics {

	private final MeterRegistry registry;

	private final Counter duplicatesSkipped;

	SendMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.duplicatesSkipped = Counter.builder("sender.duplicates.skipped")
			.description("Redelivered send requests of messages already final, not sent again")
			.register(registry);
	}

	MeterRegistry registry() {
		return this.registry;
	}

	void outcome(String phoneNumberId, MessageState state) {
		count(phoneNumberId, state.name().toLowerCase(Locale.ROOT));
	}

	public void duplicate(String phoneNumberId) {
		this.duplicatesSkipped.increment();
		count(phoneNumberId, "duplicate");
	}

	void retry(String phoneNumberId, String reason) {
		Counter.builder("sender.retries")
			.description("Messages put back to be sent again, by reason")
			.tag("phone_number_id", phoneNumberId)
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

	void waited(String phoneNumberId, Duration wait) {
		Timer.builder("sender.bucket.wait")
			.description("Time from queueing a message to its call to Meta (rate limits, priorities, retries)")
			.tag("phone_number_id", phoneNumberId)
			.publishPercentileHistogram()
			.register(this.registry)
			.record(wait);
	}

	void prepared(String phoneNumberId, Duration took) {
		Timer.builder("sender.prepare.time")
			.description("Time from handing a message out to its SENDING record (template re-check, database)")
			.tag("phone_number_id", phoneNumberId)
			.publishPercentiles(0.5, 0.99)
			.register(this.registry)
			.record(took);
	}

	void lateness(String phoneNumberId, Duration late) {
		Timer.builder("sender.call.lateness")
			.description("How long after its throughput slot a call to Meta started")
			.tag("phone_number_id", phoneNumberId)
			.publishPercentiles(0.5, 0.99)
			.register(this.registry)
			.record(late);
	}

	private void count(String phoneNumberId, String outcome) {
		Counter.builder("sender.messages")
			.description("Send requests by outcome")
			.tag("phone_number_id", phoneNumberId)
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

}
