package com.waplatform.simulator.stats;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The counters of every business number, kept for {@code GET /admin/stats} and exported
 * to Micrometer: {@code simulator.messages.received{phone_number_id}},
 * {@code simulator.messages.accepted{phone_number_id}},
 * {@code simulator.messages.rejected{phone_number_id,code}} and
 * {@code simulator.faults.injected{phone_number_id,kind}}.
 */
@Component
public class SimulatorStats {

	/** Seconds of timeline kept per number: 30 minutes. */
	static final int TIMELINE_SECONDS = 1800;

	private final Map<String, NumberStats> byNumber = new ConcurrentHashMap<>();

	private final MeterRegistry registry;

	private final Clock clock = Clock.systemUTC();

	SimulatorStats(MeterRegistry registry) {
		this.registry = registry;
	}

	public void received(String phoneNumberId) {
		stats(phoneNumberId).received();
		Counter.builder("simulator.messages.received")
			.description("Sends received for a known business number")
			.tag("phone_number_id", phoneNumberId)
			.register(this.registry)
			.increment();
	}

	public void accepted(String phoneNumberId) {
		stats(phoneNumberId).accepted(nowSecond());
		Counter.builder("simulator.messages.accepted")
			.description("Messages the simulator accepted")
			.tag("phone_number_id", phoneNumberId)
			.register(this.registry)
			.increment();
	}

	public void rejected(String phoneNumberId, int code) {
		stats(phoneNumberId).rejected(code, nowSecond());
		Counter.builder("simulator.messages.rejected")
			.description("Sends the simulator refused, by Meta error code")
			.tag("phone_number_id", phoneNumberId)
			.tag("code", Integer.toString(code))
			.register(this.registry)
			.increment();
	}

	public void fault(String phoneNumberId, String kind) {
		stats(phoneNumberId).fault(kind);
		Counter.builder("simulator.faults.injected")
			.description("Faults injected into sends, by kind")
			.tag("phone_number_id", phoneNumberId)
			.tag("kind", kind)
			.register(this.registry)
			.increment();
	}

	public Map<String, NumberStats> all() {
		return new TreeMap<>(this.byNumber);
	}

	public Optional<NumberStats> of(String phoneNumberId) {
		return Optional.ofNullable(this.byNumber.get(phoneNumberId));
	}

	/** Forgets the counters kept for the admin API (Micrometer's stay monotonic). */
	public void clear() {
		this.byNumber.clear();
	}

	public long nowSecond() {
		return this.clock.instant().getEpochSecond();
	}

	private NumberStats stats(String phoneNumberId) {
		return this.byNumber.computeIfAbsent(phoneNumberId, (id) -> new NumberStats(TIMELINE_SECONDS));
	}

}
