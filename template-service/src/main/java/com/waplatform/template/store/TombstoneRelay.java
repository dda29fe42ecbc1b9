package com.waplatform.template.store;

import java.util.List;

import com.waplatform.common.kafka.Topics;
import com.waplatform.support.kafka.EventPublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Publishes the tombstones (null values) of deleted templates on the compacted
 * {@code wa.template-sync}, so consumers rebuilding their caches from it forget them. The
 * outbox cannot carry null values, so a deletion writes a row in
 * {@code template_tombstones} in the transaction that appends the {@code DELETED}
 * snapshot to the outbox; this relay publishes a tombstone only once no outbox row of the
 * key is left, i.e. after the broker acknowledged the snapshot (the outbox relay deletes
 * its rows after the acknowledgement). Same key, same partition: consumers see the
 * snapshot, then the tombstone. At least once: a crash between publishing and deleting
 * the row publishes the tombstone again, which is harmless. Rows are locked ({@code for
 * update skip locked}) while their tombstones are published, so a template listed again
 * meanwhile (which deletes the row) waits, and its new snapshot follows the tombstone.
 */
@Component
class TombstoneRelay {

	private static final int BATCH = 100;

	private final DatabaseClient db;

	private final TransactionalOperator tx;

	private final EventPublisher publisher;

	private final Counter published;

	TombstoneRelay(DatabaseClient db, TransactionalOperator tx, EventPublisher publisher, MeterRegistry meters) {
		this.db = db;
		this.tx = tx;
		this.publisher = publisher;
		this.published = Counter.builder("template.tombstones.published")
			.description("Tombstones of deleted templates published on wa.template-sync")
			.register(meters);
	}

	@Scheduled(fixedDelayString = "${template.sync.tombstone-poll:500ms}")
	Mono<Void> relay() {
		Mono<Void> batch = this.db.sql("""
				select record_key from template_tombstones t where not exists
					(select 1 from outbox o where o.topic = :topic and o.record_key = t.record_key)
				order by created_at limit :limit for update skip locked
				""")
			.bind("topic", Topics.TEMPLATE_SYNC.name())
			.bind("limit", BATCH)
			.map((row) -> row.get("record_key", String.class))
			.all()
			.collectList()
			.flatMap(this::publish);
		return this.tx.transactional(batch);
	}

	private Mono<Void> publish(List<String> keys) {
		if (keys.isEmpty()) {
			return Mono.empty();
		}
		return Flux.fromIterable(keys)
			.concatMap((key) -> this.publisher.delete(Topics.TEMPLATE_SYNC, key))
			.then(this.db.sql("delete from template_tombstones where record_key = any(:keys)")
				.bind("keys", keys.toArray(String[]::new))
				.then())
			.doOnSuccess((done) -> this.published.increment(keys.size()));
	}

}
