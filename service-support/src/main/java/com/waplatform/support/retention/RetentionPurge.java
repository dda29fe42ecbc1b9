package com.waplatform.support.retention;

import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Purges every {@link PurgedTable} of a service every
 * {@code platform.retention.interval}: batches of {@code platform.retention.batch-size}
 * rows, one short statement each (no long transaction, no long lock), until a batch comes
 * back short. Purged rows are counted in {@code platform.retention.purged{table}}; each
 * table that lost rows logs one line per round.
 */
public class RetentionPurge {

	/** The counter of purged rows, tagged by table. */
	public static final String PURGED_METRIC = "platform.retention.purged";

	private static final Logger logger = LoggerFactory.getLogger(RetentionPurge.class);

	private final DatabaseClient db;

	private final List<PurgedTable> tables;

	private final int batchSize;

	private final MeterRegistry meters;

	public RetentionPurge(DatabaseClient db, List<PurgedTable> tables, int batchSize, MeterRegistry meters) {
		this.db = db;
		this.tables = List.copyOf(tables);
		this.batchSize = batchSize;
		this.meters = meters;
	}

	@Scheduled(fixedDelayString = "${platform.retention.interval:10m}",
			initialDelayString = "${platform.retention.initial-delay:2m}")
	public Mono<Void> purge() {
		// deferred: Spring subscribes the returned publisher again each round, so the
		// cutoffs must be computed per round, not once when the method is first called
		return Mono.defer(() -> {
			Instant now = Instant.now();
			return Flux.fromIterable(this.tables)
				.concatMap((table) -> table.cutoff(now).map((cutoff) -> purge(table, cutoff)).orElse(Mono.empty()))
				.then();
		});
	}

	/** Purges the rows of {@code table} older than {@code cutoff}; emits how many. */
	public Mono<Long> purge(PurgedTable table, Instant cutoff) {
		Counter purged = Counter.builder(PURGED_METRIC)
			.description("Rows deleted by age (platform retention settings)")
			.tag("table", table.table())
			.register(this.meters);
		return batch(table, cutoff, purged)
			.expand((count) -> (count == this.batchSize) ? batch(table, cutoff, purged) : Mono.empty())
			.reduce(0L, Long::sum)
			.doOnNext((count) -> {
				if (count > 0) {
					logger.info("Purged {} row(s) of {} older than {}", count, table.table(), cutoff);
				}
			});
	}

	private Mono<Long> batch(PurgedTable table, Instant cutoff, Counter purged) {
		return this.db.sql(table.batchSql())
			.bind("cutoff", cutoff)
			.bind("batch", this.batchSize)
			.fetch()
			.rowsUpdated()
			.doOnNext(purged::increment);
	}

	/** The tables this purge looks after. */
	public List<PurgedTable> tables() {
		return this.tables;
	}

}
