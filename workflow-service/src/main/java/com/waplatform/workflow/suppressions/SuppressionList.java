package com.waplatform.workflow.suppressions;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.waplatform.common.conversation.SuppressionChanged;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The suppression list of every organization (table {@code suppressions}): a row per
 * suppressed customer, keyed by the organization and the customer as
 * {@code wa.suppressions} names them (E.164 number or business-scoped user id). Writes
 * are idempotent: the compacted topic is replayed from its start by a new consumer group.
 */
@Component
public class SuppressionList {

	/**
	 * A SQL condition that holds when the customer of a row of {@code table} (which has
	 * {@code organization_id} and {@code customer}) is suppressed: for statements that
	 * decide in the database, such as the scheduler's claim.
	 */
	public static String suppressedCondition(String table) {
		return "exists (select 1 from suppressions s where s.organization_id = " + table
				+ ".organization_id and s.customer = " + table + ".customer)";
	}

	private final DatabaseClient db;

	SuppressionList(DatabaseClient db) {
		this.db = db;
	}

	/** Applies a change: a suppressed customer gets a row, a removed one loses it. */
	Mono<Void> apply(SuppressionChanged change) {
		if (!change.suppressed()) {
			return remove(change.organizationId(), change.customer());
		}
		DatabaseClient.GenericExecuteSpec upsert = this.db.sql("""
				insert into suppressions (organization_id, customer, reason, detail, changed_at)
				values (:org, :customer, :reason, :detail, :at)
				on conflict (organization_id, customer) do update
					set reason = excluded.reason, detail = excluded.detail, changed_at = excluded.changed_at""")
			.bind("org", change.organizationId())
			.bind("customer", change.customer())
			.bind("reason", change.reason())
			.bind("at", change.occurredAt());
		upsert = (change.detail() != null) ? upsert.bind("detail", change.detail())
				: upsert.bindNull("detail", String.class);
		return upsert.then();
	}

	/** Takes the customer off the organization's list (no-op when not on it). */
	Mono<Void> remove(String organizationId, String customer) {
		return this.db.sql("delete from suppressions where organization_id = :org and customer = :customer")
			.bind("org", organizationId)
			.bind("customer", customer)
			.then();
	}

	/** Whether any of a customer's identities (number, user id) is suppressed. */
	public Mono<Boolean> isSuppressed(String organizationId, Collection<@Nullable String> identities) {
		return suppressedAmong(organizationId, identities).map((suppressed) -> !suppressed.isEmpty());
	}

	/** Which of these customers of the organization are suppressed. */
	public Mono<Set<String>> suppressedAmong(String organizationId, Collection<@Nullable String> customers) {
		List<String> known = customers.stream().filter((customer) -> customer != null).distinct().toList();
		if (known.isEmpty()) {
			return Mono.just(Set.of());
		}
		return this.db
			.sql("select customer from suppressions where organization_id = :org and customer = any(:customers)")
			.bind("org", organizationId)
			.bind("customers", known.toArray(String[]::new))
			.map((row) -> row.get("customer", String.class))
			.all()
			.collect(HashSet<String>::new, Set::add)
			.map(Set::copyOf);
	}

}
