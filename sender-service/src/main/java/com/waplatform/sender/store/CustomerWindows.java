package com.waplatform.sender.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.waplatform.sender.domain.CustomerWindow;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The {@code customer_windows} table: per organization, business number and customer,
 * when the customer last wrote and when Meta last answered 131047. Written and read in
 * batches (one statement per batch, arrays bound as one parameter each); both times only
 * move forward ({@code greatest}), so a redelivered or late fact never moves a window
 * back. Every statement is scoped to the organization.
 */
@Component
public class CustomerWindows {

	private final DatabaseClient db;

	CustomerWindows(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Records a batch of facts in one statement; emits one {@code true} per fact, in
	 * order.
	 */
	public Mono<List<Boolean>> recordAll(List<Fact> facts) {
		// one row per key: an upsert may not touch a row twice
		Map<Key, CustomerWindow> merged = new LinkedHashMap<>();
		for (Fact fact : facts) {
			merged.merge(fact.key(), fact.window(), CustomerWindow::merge);
		}
		int size = merged.size();
		String[] orgs = new String[size];
		String[] numbers = new String[size];
		String[] customers = new String[size];
		String[] inbound = new String[size];
		String[] closed = new String[size];
		int i = 0;
		for (Map.Entry<Key, CustomerWindow> entry : merged.entrySet()) {
			orgs[i] = entry.getKey().organizationId();
			numbers[i] = entry.getKey().phoneNumberId();
			customers[i] = entry.getKey().customer();
			inbound[i] = text(entry.getValue().lastInbound());
			closed[i] = text(entry.getValue().closedAt());
			i++;
		}
		return this.db.sql("""
				insert into customer_windows (organization_id, phone_number_id, customer, last_inbound_at, closed_at)
				select r.org, r.number, r.customer, r.inbound::timestamptz, r.closed::timestamptz
				from unnest(:orgs::text[], :numbers::text[], :customers::text[], :inbound::text[], :closed::text[])
				  as r(org, number, customer, inbound, closed)
				on conflict (organization_id, phone_number_id, customer) do update set
				  last_inbound_at = greatest(customer_windows.last_inbound_at, excluded.last_inbound_at),
				  closed_at = greatest(customer_windows.closed_at, excluded.closed_at),
				  updated_at = now()""")
			.bind("orgs", orgs)
			.bind("numbers", numbers)
			.bind("customers", customers)
			.bind("inbound", inbound)
			.bind("closed", closed)
			.then()
			.thenReturn(facts.stream().map((fact) -> Boolean.TRUE).toList());
	}

	/**
	 * Reads the windows of a batch of keys in one statement; emits, in order, each one's
	 * window ({@link CustomerWindow#NONE} when the customer never wrote).
	 */
	public Mono<List<CustomerWindow>> loadAll(List<Key> keys) {
		int size = keys.size();
		String[] orgs = new String[size];
		String[] numbers = new String[size];
		String[] customers = new String[size];
		for (int i = 0; i < size; i++) {
			orgs[i] = keys.get(i).organizationId();
			numbers[i] = keys.get(i).phoneNumberId();
			customers[i] = keys.get(i).customer();
		}
		return this.db.sql("""
				select w.organization_id, w.phone_number_id, w.customer, w.last_inbound_at, w.closed_at
				from customer_windows w
				join unnest(:orgs::text[], :numbers::text[], :customers::text[]) as k(org, number, customer)
				  on w.organization_id = k.org and w.phone_number_id = k.number and w.customer = k.customer""")
			.bind("orgs", orgs)
			.bind("numbers", numbers)
			.bind("customers", customers)
			.map((row) -> Map.entry(
					new Key(row.get("organization_id", String.class), row.get("phone_number_id", String.class),
							row.get("customer", String.class)),
					new CustomerWindow(instant(row.get("last_inbound_at", OffsetDateTime.class)),
							instant(row.get("closed_at", OffsetDateTime.class)))))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.map((found) -> {
				List<CustomerWindow> windows = new ArrayList<>(size);
				for (Key key : keys) {
					windows.add(found.getOrDefault(key, CustomerWindow.NONE));
				}
				return windows;
			});
	}

	private static @Nullable String text(@Nullable Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime value) {
		return (value != null) ? value.toInstant() : null;
	}

	/**
	 * A customer of an organization's business number ({@code customer} as
	 * {@link CustomerWindow#customerKey} writes it).
	 */
	public record Key(String organizationId, String phoneNumberId, String customer) {

		public static Key of(String organizationId, String phoneNumberId, String customer) {
			return new Key(organizationId, phoneNumberId, CustomerWindow.customerKey(customer));
		}

	}

	/** What became known of a customer's window. */
	public record Fact(Key key, CustomerWindow window) {
	}

}
