package com.waplatform.gateway.stats;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.support.accounts.AccountDirectory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The queue of {@code GET /v1/queue} as gauges, per business number the account directory
 * knows: {@code gateway.queue.pending{organization, phone_number_id}} (queued, not
 * accepted by Meta yet, not dead-lettered) and
 * {@code gateway.queue.oldest.age{organization, phone_number_id}} (how long the oldest of
 * them has waited, 0 when none). Measured from the read model every 10 seconds, one
 * grouped query over every organization; the age grows between two measurements. The read
 * model sees a message from its request on, so these show messages waiting whatever holds
 * them: the sender down or paused, a consumer behind, Meta refusing.
 */
@Component
class QueueMetrics {

	private static final String SQL = """
			select m.organization_id, m.phone_number_id, count(*) as pending,
				min(greatest(m.created_at, coalesce(m.scheduled_for, m.created_at))) as oldest_pending
			from messages m
			left join send_dead_letters d on d.message_id = m.id
			where m.status = 'queued' and m.requested_at is not null and d.message_id is null
			group by m.organization_id, m.phone_number_id""";

	private final DatabaseClient db;

	private final AccountDirectory directory;

	private final MeterRegistry registry;

	private final Clock clock;

	/** By organization and number ({@link #key}). */
	private final Map<String, Waiting> numbers = new ConcurrentHashMap<>();

	QueueMetrics(DatabaseClient db, AccountDirectory directory, MeterRegistry registry, Clock clock) {
		this.db = db;
		this.directory = directory;
		this.registry = registry;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "PT10S", initialDelayString = "PT2S")
	Mono<Void> measure() {
		return Mono.defer(() -> {
			this.directory.all().forEach(this::register);
			Map<String, long[]> measured = new ConcurrentHashMap<>();
			return this.db.sql(SQL).map((row) -> {
				Instant oldest = row.get("oldest_pending", Instant.class);
				return Map.entry(
						key(row.get("organization_id", String.class), row.get("phone_number_id", String.class)),
						new long[] { row.get("pending", Number.class).longValue(),
								(oldest != null) ? oldest.toEpochMilli() : 0 });
			}).all().doOnNext((entry) -> measured.put(entry.getKey(), entry.getValue())).then(Mono.fromRunnable(() -> {
				this.numbers.forEach((key, waiting) -> {
					// the number's own organization's messages only (another's are
					// dead-lettered by the sender)
					long[] values = measured.getOrDefault(key, new long[] { 0, 0 });
					waiting.pending.set(values[0]);
					waiting.oldestEpochMillis.set(values[1]);
				});
			}));
		});
	}

	private static String key(String organizationId, String phoneNumberId) {
		return organizationId + "/" + phoneNumberId;
	}

	private void register(PhoneNumberConfigured number) {
		String phoneNumberId = number.phoneNumberId();
		this.numbers.computeIfAbsent(key(number.organizationId(), phoneNumberId), (numberKey) -> {
			Waiting waiting = new Waiting(new AtomicLong(), new AtomicLong());
			Gauge.builder("gateway.queue.pending", waiting.pending, AtomicLong::doubleValue)
				.description("Messages queued and not accepted by Meta yet (nor dead-lettered)")
				.tag("organization", number.organizationId())
				.tag("phone_number_id", phoneNumberId)
				.register(this.registry);
			TimeGauge.builder("gateway.queue.oldest.age", waiting, TimeUnit.MILLISECONDS, this::age)
				.description("How long the oldest message queued and not accepted by Meta yet has waited")
				.tag("organization", number.organizationId())
				.tag("phone_number_id", phoneNumberId)
				.register(this.registry);
			return waiting;
		});
	}

	private double age(Waiting waiting) {
		long oldest = waiting.oldestEpochMillis.get();
		return (oldest == 0) ? 0 : Math.max(0, this.clock.millis() - oldest);
	}

	private record Waiting(AtomicLong pending, AtomicLong oldestEpochMillis) {

	}

}
