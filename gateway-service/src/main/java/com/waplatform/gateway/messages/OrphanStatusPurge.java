package com.waplatform.gateway.messages;

import java.time.Duration;
import java.time.Instant;

import com.waplatform.support.retention.PurgedTable;
import com.waplatform.support.retention.RetentionPurge;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes messages known only from status events (no send request recorded) once they are
 * older than {@code gateway.read-model.orphan-ttl}, with their history: a status whose
 * send request never came is one of a message we never sent (e.g. a webhook's
 * {@code biz_opaque_callback_data} that is not ours). They are counted in
 * {@code gateway.read-model.orphan-statuses}; each round logs one line with its count.
 * The batches are service-support's {@link RetentionPurge} (also counted in
 * {@code platform.retention.purged{table="messages_orphans"}}); they lock their rows with
 * {@code skip locked}, so instances purging at the same time share the work.
 */
@Component
class OrphanStatusPurge {

	static final String PURGED_METRIC = "gateway.read-model.orphan-statuses";

	private static final Log log = LogFactory.getLog(OrphanStatusPurge.class);

	private final RetentionPurge retention;

	private final PurgedTable orphans;

	private final Counter purged;

	OrphanStatusPurge(RetentionPurge retention, ReadModelProperties properties, MeterRegistry meters) {
		this.retention = retention;
		this.orphans = orphans(properties.orphanTtl());
		this.purged = Counter.builder(PURGED_METRIC)
			.description("Messages known only from status events, purged after gateway.read-model.orphan-ttl "
					+ "without a send request")
			.register(meters);
	}

	/** One batch, one statement: the history first, then the rows it belongs to. */
	private static PurgedTable orphans(Duration ttl) {
		return new PurgedTable("messages_orphans", ttl, """
				with orphans as (
					select id from messages where requested_at is null and created_at < :cutoff
					order by created_at limit :batch for update skip locked
				), history as (
					delete from message_history where message_id in (select id from orphans)
				)
				delete from messages where id in (select id from orphans)""");
	}

	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT2M")
	Mono<Void> purge() {
		// deferred: Spring subscribes the returned publisher again each round, so the
		// cutoff must be computed per round, not once when the method is first called
		return Mono
			.defer(() -> Mono.justOrEmpty(this.orphans.cutoff(Instant.now())).flatMap(this::purgeCreatedBefore).then());
	}

	/** Purges the orphans created before {@code cutoff}; emits how many. */
	Mono<Long> purgeCreatedBefore(Instant cutoff) {
		return this.retention.purge(this.orphans, cutoff).doOnNext((count) -> {
			this.purged.increment(count);
			log.info("Purged " + count + " message(s) known only from status events, created before " + cutoff
					+ " without a send request");
		});
	}

}
