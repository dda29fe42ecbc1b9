package com.waplatform.callback.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.waplatform.callback.delivery.domain.Envelope;
import com.waplatform.common.event.Event;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The deliveries ({@code deliveries}): one row per event and subscribed endpoint, written
 * in the consumer's transaction, claimed when due, and kept as the delivery log once
 * finished. States: {@code pending} (not attempted yet), {@code failed} (the last attempt
 * failed, the next is due at {@code next_attempt_at}), {@code delivered},
 * {@code gave_up}.
 * <p>
 * Order: a delivery is claimed only when no earlier delivery (lower {@code seq}, the
 * insert order, which is the order the events were read in) of the same endpoint and
 * order key (the message, or the customer for inbound events) is unfinished. So a
 * {@code read} never overtakes its {@code delivered}, whatever the retries.
 */
@Repository
class DeliveryStore {

	static final List<String> UNFINISHED = List.of("pending", "failed");

	private static final String LOG_COLUMNS = "seq, id, event_id, event_type, message_id, state, attempts, "
			+ "last_status_code, last_error, last_attempt_at, next_attempt_at, delivered_at, created_at, replay_of";

	private final DatabaseClient db;

	DeliveryStore(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * A delivery of the event to the endpoint; none twice for one event and endpoint. A
	 * status ({@code statusRank} not null) that does not advance past one already queued
	 * for the message (same or higher rank: Meta's {@code sent} read before the sender's
	 * {@code accepted}) is recorded {@code superseded} and never posted, so a receiver
	 * sees each message's statuses in lifecycle order, as {@code MessageStatus} orders
	 * them.
	 */
	Mono<Long> enqueue(UUID endpointId, Event event, String orderKey, @Nullable String messageId,
			@Nullable Integer statusRank, Instant now) {
		UUID id = UUID.randomUUID();
		DatabaseClient.GenericExecuteSpec insert = this.db.sql("""
				insert into deliveries (id, endpoint_id, organization_id, event_id, event_type, message_id,
					order_key, body, state, status_rank, next_attempt_at, created_at)
				values (:id, :endpoint, :org, :event, :type, :message, :orderKey, :body,
					case when cast(:rank as integer) is not null and exists (select 1 from deliveries o
						where o.endpoint_id = :endpoint and o.order_key = :orderKey and o.replay_of is null
							and o.status_rank >= cast(:rank as integer)) then 'superseded' else 'pending' end,
					cast(:rank as integer), :now, :now)
				on conflict (endpoint_id, event_id) where replay_of is null do nothing""")
			.bind("id", id)
			.bind("endpoint", endpointId)
			.bind("org", event.organizationId())
			.bind("event", event.eventId())
			.bind("type", event.eventType())
			.bind("orderKey", orderKey)
			.bind("body", Envelope.body(id, now, event))
			.bind("now", now);
		insert = (messageId != null) ? insert.bind("message", messageId) : insert.bindNull("message", String.class);
		insert = (statusRank != null) ? insert.bind("rank", statusRank) : insert.bindNull("rank", Integer.class);
		return insert.fetch().rowsUpdated();
	}

	/**
	 * Reserves due deliveries until {@code leaseUntil} (for update skip locked: several
	 * instances never claim the same one), of enabled endpoints only, each the earliest
	 * unfinished one of its endpoint and order key.
	 */
	Flux<Claimed> claim(Instant now, int limit, Instant leaseUntil) {
		return this.db.sql("""
				update deliveries d set lease_until = :lease
				from endpoints e
				where e.id = d.endpoint_id and d.id in (
					select c.id from deliveries c join endpoints ce on ce.id = c.endpoint_id
					where c.state in ('pending', 'failed') and c.next_attempt_at <= :now
						and (c.lease_until is null or c.lease_until <= :now) and ce.enabled
						and not exists (select 1 from deliveries p where p.endpoint_id = c.endpoint_id
							and p.order_key = c.order_key and p.seq < c.seq and p.state in ('pending', 'failed'))
					order by c.next_attempt_at, c.seq
					limit :limit
					for update of c skip locked)
				returning d.id, d.endpoint_id, d.body, d.attempts, d.first_attempt_at, d.created_at, e.url,
					e.secret_sealed""")
			.bind("lease", leaseUntil)
			.bind("now", now)
			.bind("limit", limit)
			.map((row) -> new Claimed(row.get("id", UUID.class), row.get("endpoint_id", UUID.class),
					row.get("url", String.class), row.get("secret_sealed", String.class), row.get("body", String.class),
					row.get("attempts", Integer.class), row.get("first_attempt_at", Instant.class),
					row.get("created_at", Instant.class)))
			.all();
	}

	Mono<Long> delivered(Claimed claimed, Instant attemptedAt, int statusCode, Instant now) {
		return this.db.sql("""
				update deliveries set state = 'delivered', attempts = attempts + 1,
					first_attempt_at = coalesce(first_attempt_at, :at), last_attempt_at = :at,
					last_status_code = :code, last_error = null, lease_until = null, delivered_at = :now
				where id = :id""")
			.bind("at", attemptedAt)
			.bind("code", statusCode)
			.bind("now", now)
			.bind("id", claimed.id())
			.fetch()
			.rowsUpdated()
			.flatMap((count) -> this.db
				.sql("update endpoints set consecutive_failures = 0 where id = :endpoint and consecutive_failures > 0")
				.bind("endpoint", claimed.endpointId())
				.fetch()
				.rowsUpdated()
				.thenReturn(count));
	}

	/**
	 * Records a failed attempt: retried at {@code nextAttempt}, or given up when it is
	 * null; emits the endpoint's run of consecutive failures and whether it is enabled.
	 */
	Mono<Run> failed(Claimed claimed, Instant attemptedAt, int statusCode, String error,
			@Nullable Instant nextAttempt) {
		DatabaseClient.GenericExecuteSpec update = this.db.sql("""
				update deliveries set state = :state, attempts = attempts + 1,
					first_attempt_at = coalesce(first_attempt_at, :at), last_attempt_at = :at,
					last_status_code = :code, last_error = :error, lease_until = null,
					next_attempt_at = coalesce(:next, next_attempt_at)
				where id = :id""")
			.bind("state", (nextAttempt != null) ? "failed" : "gave_up")
			.bind("at", attemptedAt)
			.bind("error", error)
			.bind("id", claimed.id());
		update = (statusCode > 0) ? update.bind("code", statusCode) : update.bindNull("code", Integer.class);
		update = (nextAttempt != null) ? update.bind("next", nextAttempt) : update.bindNull("next", Instant.class);
		return update.fetch()
			.rowsUpdated()
			.then(this.db.sql("""
					update endpoints set consecutive_failures = consecutive_failures + 1 where id = :endpoint
					returning consecutive_failures, enabled""")
				.bind("endpoint", claimed.endpointId())
				.map((row) -> new Run(row.get("consecutive_failures", Integer.class),
						Boolean.TRUE.equals(row.get("enabled", Boolean.class))))
				.one());
	}

	/** Disables an endpoint automatically; emits whether this call disabled it. */
	Mono<Boolean> disable(UUID endpointId, String reason, Instant now) {
		return this.db.sql("""
				update endpoints set enabled = false, disabled_reason = :reason, disabled_at = :now, updated_at = :now
				where id = :endpoint and enabled""")
			.bind("reason", reason)
			.bind("now", now)
			.bind("endpoint", endpointId)
			.fetch()
			.rowsUpdated()
			.map((count) -> count > 0);
	}

	/**
	 * A page of an endpoint's deliveries, newest first: those before {@code beforeSeq}
	 * (null: from the newest), of {@code state} when given.
	 */
	Flux<Map<String, Object>> log(String organizationId, UUID endpointId, @Nullable Long beforeSeq,
			@Nullable String state, int limit) {
		DatabaseClient.GenericExecuteSpec select = this.db
			.sql("select " + LOG_COLUMNS + " from deliveries where organization_id = :org and endpoint_id = :endpoint"
					+ ((beforeSeq != null) ? " and seq < :before" : "") + ((state != null) ? " and state = :state" : "")
					+ " order by seq desc limit :limit")
			.bind("org", organizationId)
			.bind("endpoint", endpointId)
			.bind("limit", limit);
		select = (beforeSeq != null) ? select.bind("before", beforeSeq) : select;
		select = (state != null) ? select.bind("state", state) : select;
		return select.map(DeliveryViews::view).all();
	}

	/** One delivery of the organization's endpoint, with its body. */
	Mono<Stored> find(String organizationId, UUID endpointId, UUID id) {
		return this.db
			.sql("select state, body from deliveries where organization_id = :org and endpoint_id = :endpoint "
					+ "and id = :id")
			.bind("org", organizationId)
			.bind("endpoint", endpointId)
			.bind("id", id)
			.map((row) -> new Stored(row.get("state", String.class), row.get("body", String.class)))
			.one();
	}

	/** A new delivery of the same event, due now; emits its log entry. */
	Mono<Map<String, Object>> replay(String organizationId, UUID endpointId, UUID original, String body, UUID id,
			Instant now) {
		return this.db.sql("""
				insert into deliveries (id, endpoint_id, organization_id, event_id, event_type, message_id,
					order_key, body, state, next_attempt_at, created_at, replay_of)
				select :id, endpoint_id, organization_id, event_id, event_type, message_id, order_key, :body,
					'pending', :now, :now, id
				from deliveries where organization_id = :org and endpoint_id = :endpoint and id = :original
				returning %s""".formatted(LOG_COLUMNS))
			.bind("id", id)
			.bind("body", body)
			.bind("now", now)
			.bind("org", organizationId)
			.bind("endpoint", endpointId)
			.bind("original", original)
			.map(DeliveryViews::view)
			.one();
	}

	/** Unfinished deliveries (the backlog). */
	Mono<Long> backlog() {
		return this.db.sql("select count(*) as n from deliveries where state in ('pending', 'failed')")
			.map((row) -> row.get("n", Long.class))
			.one();
	}

	Mono<Long> disabledEndpoints() {
		return this.db.sql("select count(*) as n from endpoints where not enabled")
			.map((row) -> row.get("n", Long.class))
			.one();
	}

	/**
	 * A claimed delivery.
	 *
	 * @param secretSealed the endpoint's signing secret, sealed
	 * @param attempts attempts made before this one
	 * @param firstAttemptAt null before the first attempt
	 */
	record Claimed(UUID id, UUID endpointId, String url, String secretSealed, String body, int attempts,
			@Nullable Instant firstAttemptAt, Instant createdAt) {

	}

	/** An endpoint's run of consecutive failed attempts. */
	record Run(int failures, boolean enabled) {

	}

	record Stored(String state, String body) {

	}

}
