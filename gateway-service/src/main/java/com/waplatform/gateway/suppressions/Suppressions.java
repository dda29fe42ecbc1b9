package com.waplatform.gateway.suppressions;

import java.time.Instant;

import com.waplatform.common.conversation.SuppressionChanged;
import com.waplatform.common.kafka.Topics;
import com.waplatform.support.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Service;

/**
 * Adds customers to an organization's suppression list and removes them, audited and
 * announced ({@link SuppressionChanged} on {@code wa.suppressions}, outbox) in the
 * caller's transaction. Changes of one customer are serialized (a transaction-scoped
 * advisory lock) and applied in the order they happened, not the order they arrive: a
 * change older than the customer's last audited one (a STOP processed after the START
 * that followed it) is recorded nowhere and changes nothing.
 */
@Service
public class Suppressions {

	/** The audit's {@code source} of operator changes. */
	public static final String API = "api";

	private final DatabaseClient db;

	private final Outbox outbox;

	private final MeterRegistry meters;

	Suppressions(DatabaseClient db, Outbox outbox, MeterRegistry meters) {
		this.db = db;
		this.outbox = outbox;
		this.meters = meters;
	}

	/**
	 * Applies a change inside the caller's transaction; emits what it did. Call
	 * {@link #count} once the transaction committed.
	 */
	public Mono<Outcome> apply(Change change) {
		if (SuppressionChanged.OPERATOR.equals(change.reason())) {
			// an operator acts now: never out of order
			return lock(change.organizationId(), change.customer()).then(applyInOrder(change));
		}
		return lock(change.organizationId(), change.customer())
			.then(lastChangeAt(change.organizationId(), change.customer()))
			.map((last) -> last.isAfter(change.at()))
			.defaultIfEmpty(false)
			.flatMap((stale) -> stale ? Mono.just(Outcome.UNCHANGED) : applyInOrder(change));
	}

	/** Whether the customer is on the organization's suppression list. */
	public Mono<Boolean> isSuppressed(String organizationId, String customer) {
		return this.db.sql("select 1 from suppressions where organization_id = :org and customer = :customer")
			.bind("org", organizationId)
			.bind("customer", customer)
			.map((row) -> true)
			.one()
			.defaultIfEmpty(false);
	}

	/** {@code gateway.suppressions.changes{reason,action}}, for a committed change. */
	public void count(Change change, Outcome outcome) {
		if (outcome != Outcome.UNCHANGED) {
			this.meters.counter("gateway.suppressions.changes", "reason", change.reason(), "action", outcome.action())
				.increment();
		}
	}

	private Mono<Outcome> applyInOrder(Change change) {
		Mono<Long> write = change.suppress() ? insert(change) : delete(change);
		return write.flatMap((rows) -> {
			if (rows == 0) {
				return Mono.just(Outcome.UNCHANGED);
			}
			Outcome outcome = change.suppress() ? Outcome.ADDED : Outcome.REMOVED;
			return audit(change, outcome)
				.then(this.outbox.append(Topics.SUPPRESSIONS, SuppressionChanged.of(change.organizationId(),
						change.customer(), change.suppress(), change.reason(), change.detail())))
				.thenReturn(outcome);
		});
	}

	private Mono<Void> lock(String organizationId, String customer) {
		return this.db.sql("select pg_advisory_xact_lock(hashtext(:key))")
			.bind("key", "suppression:" + SuppressionChanged.keyOf(organizationId, customer))
			.then();
	}

	private Mono<Instant> lastChangeAt(String organizationId, String customer) {
		return this.db
			.sql("select max(effective_at) as at from suppression_audit where organization_id = :org "
					+ "and customer = :customer")
			.bind("org", organizationId)
			.bind("customer", customer)
			.map((row) -> java.util.Optional.ofNullable(row.get("at", Instant.class)))
			.one()
			.flatMap(Mono::justOrEmpty);
	}

	private Mono<Long> insert(Change change) {
		GenericExecuteSpec insert = this.db.sql("""
				insert into suppressions (organization_id, customer, suppressed_since, reason, detail)
				values (:org, :customer, :at, :reason, :detail) on conflict do nothing""")
			.bind("org", change.organizationId())
			.bind("customer", change.customer())
			.bind("at", change.at())
			.bind("reason", change.reason());
		return nullable(insert, "detail", change.detail()).fetch().rowsUpdated();
	}

	private Mono<Long> delete(Change change) {
		return this.db.sql("delete from suppressions where organization_id = :org and customer = :customer")
			.bind("org", change.organizationId())
			.bind("customer", change.customer())
			.fetch()
			.rowsUpdated();
	}

	private Mono<Void> audit(Change change, Outcome outcome) {
		GenericExecuteSpec insert = this.db.sql("""
				insert into suppression_audit (organization_id, customer, action, reason, source, detail, effective_at)
				values (:org, :customer, :action, :reason, :source, :detail, :at)""")
			.bind("org", change.organizationId())
			.bind("customer", change.customer())
			.bind("action", outcome.action())
			.bind("reason", change.reason())
			.bind("source", change.source())
			.bind("at", change.at());
		return nullable(insert, "detail", change.detail()).then();
	}

	private static GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, @Nullable String value) {
		return (value != null) ? spec.bind(name, value) : spec.bindNull(name, String.class);
	}

	/**
	 * A change asked for.
	 *
	 * @param suppress true: add the customer; false: remove
	 * @param reason {@code keyword}, {@code user_preferences} or {@code operator}
	 * ({@link SuppressionChanged})
	 * @param source where it came from: the inbound wamid, the business number, or
	 * {@value #API}
	 * @param detail the keyword, Meta's wording or the operator's note
	 * @param at when the customer (or operator) asked
	 */
	public record Change(String organizationId, String customer, boolean suppress, String reason, String source,
			@Nullable String detail, Instant at) {
	}

	/** What a change did. */
	public enum Outcome {

		ADDED, REMOVED, UNCHANGED;

		String action() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
