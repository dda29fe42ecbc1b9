package com.waplatform.gateway.suppressions;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.waplatform.gateway.suppressions.SuppressionViews.AuditEntry;
import com.waplatform.gateway.suppressions.SuppressionViews.CustomerSuppression;
import com.waplatform.gateway.suppressions.SuppressionViews.Page;
import com.waplatform.gateway.suppressions.SuppressionViews.Suppression;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

/** Reads suppression lists and their audit, always within one organization. */
@Repository
class SuppressionQueries {

	private final DatabaseClient db;

	SuppressionQueries(DatabaseClient db) {
		this.db = db;
	}

	/** A page of suppressed customers, newest first, suppressed before {@code before}. */
	Mono<Page> list(String organizationId, @Nullable String customer, @Nullable Instant before, int limit) {
		StringBuilder sql = new StringBuilder(
				"select customer, suppressed_since, reason, detail from suppressions where organization_id = :org");
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("org", organizationId);
		if (customer != null) {
			sql.append(" and customer = :customer");
			values.put("customer", customer);
		}
		if (before != null) {
			sql.append(" and suppressed_since < :before");
			values.put("before", before);
		}
		sql.append(" order by suppressed_since desc, customer desc limit :limit");
		values.put("limit", limit + 1);
		GenericExecuteSpec spec = this.db.sql(sql.toString());
		for (Map.Entry<String, Object> value : values.entrySet()) {
			spec = spec.bind(value.getKey(), value.getValue());
		}
		return spec.map(SuppressionQueries::suppression).all().collectList().map((found) -> {
			if (found.size() <= limit) {
				return new Page(found, null);
			}
			List<Suppression> page = List.copyOf(found.subList(0, limit));
			return new Page(page, page.get(page.size() - 1).suppressedSince());
		});
	}

	/**
	 * The customer's state with its audit, newest change first; empty when never listed.
	 */
	Mono<CustomerSuppression> find(String organizationId, String customer) {
		Mono<List<AuditEntry>> audit = this.db.sql("""
				select action, reason, source, detail, effective_at, recorded_at from suppression_audit
				where organization_id = :org and customer = :customer order by effective_at desc, id desc""")
			.bind("org", organizationId)
			.bind("customer", customer)
			.map((row) -> new AuditEntry(row.get("action", String.class), row.get("reason", String.class),
					row.get("source", String.class), row.get("detail", String.class),
					row.get("effective_at", Instant.class), row.get("recorded_at", Instant.class)))
			.all()
			.collectList();
		Mono<List<Suppression>> current = this.db
			.sql("select customer, suppressed_since, reason, detail from suppressions "
					+ "where organization_id = :org and customer = :customer")
			.bind("org", organizationId)
			.bind("customer", customer)
			.map(SuppressionQueries::suppression)
			.all()
			.collectList();
		return Mono.zip(current, audit).flatMap((both) -> {
			List<AuditEntry> entries = both.getT2();
			if (both.getT1().isEmpty()) {
				return entries.isEmpty() ? Mono.empty()
						: Mono.just(new CustomerSuppression(customer, false, null, null, null, entries));
			}
			Suppression now = both.getT1().get(0);
			return Mono.just(new CustomerSuppression(customer, true, now.suppressedSince(), now.reason(), now.detail(),
					entries));
		});
	}

	private static Suppression suppression(Readable row) {
		return new Suppression(row.get("customer", String.class), row.get("suppressed_since", Instant.class),
				row.get("reason", String.class), row.get("detail", String.class));
	}

}
