package com.waplatform.support.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.waplatform.common.json.Json;
import com.waplatform.common.message.SendRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The release of held messages that the gateway (API {@code scheduledFor}) and
 * workflow-service (rules) share: each keeps its own {@code scheduled_messages} table (at
 * least {@code message_id}, {@code due_at} and {@code send_request}, the
 * {@link SendRequest} as JSON) and says what releasing one means. A round claims due rows
 * in batches ({@code for update skip locked}, oldest first) and, in the claiming
 * transaction, deletes them and releases each; so every message is released exactly once,
 * with several instances claiming at the same time or after a crash mid-batch (the
 * transaction rolls back, the rows come back). A cancellation that deletes the row
 * competes for the same row lock: whichever comes first wins, the other finds it gone.
 * The lag gauge (now minus the oldest due message not yet released, as of the last round)
 * is measured before each round.
 */
public final class DueMessages {

	private final DatabaseClient db;

	private final TransactionalOperator tx;

	private final Clock clock;

	private final int batchSize;

	private final String label;

	private final AtomicLong lagMillis = new AtomicLong();

	/**
	 * @param label a column or SQL expression of the table returned with each claimed
	 * message (e.g. the rule that held it), {@code null::text} for none
	 * @param lagMetric the name of the lag gauge
	 */
	public DueMessages(DatabaseClient db, TransactionalOperator tx, Clock clock, int batchSize, String label,
			MeterRegistry meters, String lagMetric) {
		this.db = db;
		this.tx = tx;
		this.clock = clock;
		this.batchSize = batchSize;
		this.label = label;
		TimeGauge.builder(lagMetric, this.lagMillis, TimeUnit.MILLISECONDS, AtomicLong::doubleValue)
			.description("Now minus the oldest due held message not yet released, as of the last round")
			.register(meters);
	}

	/**
	 * Releases everything due now, batch after batch; emits how many messages were
	 * released (whatever {@code release} made of them). {@code committed} hears of each
	 * once its batch's transaction committed (to count it: a rolled-back claim comes
	 * back).
	 */
	public Mono<Long> releaseDue(Release release, Consumer<Released> committed) {
		return Mono.defer(() -> {
			Instant now = this.clock.instant();
			return updateLag(now).then(batch(now, release, committed)
				.expand((count) -> (count == this.batchSize) ? batch(now, release, committed) : Mono.empty())
				.reduce(0L, Long::sum));
		});
	}

	/** One batch, one transaction: claims, then releases each. */
	public Mono<Long> batch(Instant now, Release release, Consumer<Released> committed) {
		Flux<Released> outcomes = this.db.sql("""
				delete from scheduled_messages where message_id in (
					select message_id from scheduled_messages where due_at <= :now
					order by due_at limit :batch for update skip locked)
				returning %s as label, send_request""".formatted(this.label))
			.bind("now", now)
			.bind("batch", this.batchSize)
			.map((row) -> new Claimed(Json.mapper().readValue(row.get("send_request", String.class), SendRequest.class),
					row.get("label", String.class)))
			.all()
			// read the claimed rows to the end before the next statement on the
			// connection
			.collectList()
			.flatMapMany((claimed) -> Flux.fromIterable(claimed)
				.concatMap((one) -> release.release(one, now).map((outcome) -> new Released(one, outcome))));
		return this.tx.transactional(outcomes)
			.collectList()
			.doOnNext((done) -> done.forEach(committed))
			.map((done) -> (long) done.size());
	}

	/** Measures the lag gauge as of {@code now}. */
	public Mono<Void> updateLag(Instant now) {
		return this.db.sql("select min(due_at) as oldest from scheduled_messages where due_at <= :now")
			.bind("now", now)
			.map((row) -> Optional.ofNullable(row.get("oldest", Instant.class)))
			.one()
			.doOnNext((oldest) -> this.lagMillis
				.set(oldest.map((at) -> Math.max(0, Duration.between(at, now).toMillis())).orElse(0L)))
			.then();
	}

	/**
	 * Whether a held message's time-to-live ran out before it could be released (the
	 * instances were down): then it is expired, never sent late.
	 */
	public static boolean expired(SendRequest held, Instant now) {
		return held.expiresAt() != null && !held.expiresAt().isAfter(now);
	}

	/**
	 * The send request to publish for a held message now: a new event id and time; its
	 * {@code scheduledFor} stays, in the past now (what it was held for).
	 */
	public static SendRequest due(SendRequest held, Instant now) {
		return new SendRequest(java.util.UUID.randomUUID(), now, held.organizationId(), held.messageId(),
				held.phoneNumberId(), held.recipient(), held.message(), held.context(), held.priority(),
				held.expiresAt(), held.scheduledFor(), held.source());
	}

	/**
	 * What releasing one claimed message means to the service; inside the claim's
	 * transaction.
	 */
	@FunctionalInterface
	public interface Release {

		/** Releases it (publishes, expires...); emits the outcome, a metric tag. */
		Mono<String> release(Claimed claimed, Instant now);

	}

	/** A released message and what releasing it made of it. */
	public record Released(Claimed claimed, String outcome) {

	}

	/**
	 * A claimed message.
	 *
	 * @param label what the table returned for the label expression
	 */
	public record Claimed(SendRequest request, String label) {

	}

}
