package com.waplatform.gateway.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.waplatform.gateway.messages.domain.MessageRequest;
import com.waplatform.gateway.stats.StatisticsViews.Analytics;
import com.waplatform.gateway.stats.StatisticsViews.FailureReason;
import com.waplatform.gateway.stats.StatisticsViews.Group;
import com.waplatform.gateway.stats.StatisticsViews.TemplateUsage;
import com.waplatform.gateway.stats.domain.AnalyticsQuery;
import com.waplatform.gateway.stats.domain.AnalyticsQuery.GroupBy;
import com.waplatform.gateway.stats.domain.Funnel;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;

/**
 * {@code GET /v1/analytics/messages}: three grouped queries over the read model's
 * messages created in the range (index {@code messages_organization_created}), each
 * computing the groups and the total at once ({@code grouping sets}): the funnel and the
 * medians (from each message's status history: the first {@code accepted},
 * {@code delivered} and {@code read} times; PostgreSQL's {@code percentile_cont}), the
 * most frequent failure reasons per group, and template usage. Mark-as-read requests are
 * not messages and are left out.
 */
@Component
class AnalyticsQueries {

	/** At most this many groups are returned (the range bounds days; this the rest). */
	static final int MAX_GROUPS = 1000;

	private static final String FAILED = "('failed', 'expired', 'rejected')";

	/** The messages of the range; every query reads them {@code from messages m}. */
	private static final String SCOPE = """
			where m.organization_id = :org and m.requested_at is not null
				and m.created_at >= :since and m.created_at < :until
				and m.type is distinct from :markAsRead""";

	private final DatabaseClient db;

	private final StatisticsProperties properties;

	AnalyticsQueries(DatabaseClient db, StatisticsProperties properties) {
		this.db = db;
		this.properties = properties;
	}

	Mono<Analytics> analytics(String organizationId, AnalyticsQuery query) {
		String key = key(query.groupBy());
		Mono<List<Map.Entry<GroupKey, Group>>> funnels = bound(this.db.sql(funnelSql(key)), organizationId, query)
			.map((row) -> Map.entry(groupKey(row), group(row)))
			.all()
			.collectList();
		Mono<Map<GroupKey, List<FailureReason>>> failures = bound(this.db.sql(failuresSql(key)), organizationId, query)
			.bind("top", this.properties.topFailureReasons())
			.map((row) -> Map.entry(groupKey(row),
					new FailureReason(row.get("error_code", Integer.class), row.get("error_title", String.class),
							row.get("n", Long.class))))
			.all()
			.collectList()
			.map(AnalyticsQueries::byGroup);
		Mono<List<TemplateUsage>> templates = bound(this.db.sql("""
				select m.template_name, m.template_language, count(*) as n
				from messages m
				""" + SCOPE + """
				 and m.template_name is not null
				group by m.template_name, m.template_language
				order by n desc, m.template_name, m.template_language nulls last
				limit :max"""), organizationId, query).bind("max", this.properties.maxTemplates())
			.map((row) -> new TemplateUsage(row.get("template_name", String.class),
					row.get("template_language", String.class), row.get("n", Long.class)))
			.all()
			.collectList();
		return Mono.zip(funnels, failures, templates).map((all) -> {
			Group total = new Group(null, 0, 0, 0, 0, 0, 0, null, null, null, null, null, List.of());
			List<Group> groups = new ArrayList<>();
			for (Map.Entry<GroupKey, Group> funnel : all.getT1()) {
				Group group = funnel.getValue().withFailures(all.getT2().getOrDefault(funnel.getKey(), List.of()));
				if (funnel.getKey().total()) {
					total = group;
				}
				else {
					groups.add(group);
				}
			}
			return new Analytics(query.since(), query.until(), query.groupBy().wireName(), total, List.copyOf(groups),
					all.getT3());
		});
	}

	/** The group key's SQL: a fixed expression per {@link GroupBy}, never caller text. */
	private static String key(GroupBy groupBy) {
		return switch (groupBy) {
			case DAY -> "to_char(m.created_at at time zone 'UTC', 'YYYY-MM-DD')";
			case TEMPLATE -> "m.template_name";
			case NUMBER -> "m.phone_number_id";
			case CONTEXT -> "m.context_type";
		};
	}

	private static String funnelSql(String key) {
		return """
				with base as (
					select %s as k, m.status, h.accepted_at, h.delivered_at, h.read_at,
						coalesce(h.was_accepted, false) as was_accepted, coalesce(h.was_sent, false) as was_sent,
						coalesce(h.was_delivered, false) as was_delivered, coalesce(h.was_read, false) as was_read
					from messages m
					left join lateral (
						select min(status_at) filter (where status = 'accepted') as accepted_at,
							min(status_at) filter (where status = 'delivered') as delivered_at,
							min(status_at) filter (where status = 'read') as read_at,
							bool_or(status in ('accepted', 'sent', 'delivered', 'read')) as was_accepted,
							bool_or(status in ('sent', 'delivered', 'read')) as was_sent,
							bool_or(status in ('delivered', 'read')) as was_delivered,
							bool_or(status = 'read') as was_read
						from message_history where message_id = m.id
					) h on true
					%s
				)
				select grouping(k) = 1 as is_total, k, count(*) as total,
					count(*) filter (where was_accepted) as accepted, count(*) filter (where was_sent) as sent,
					count(*) filter (where was_delivered) as delivered, count(*) filter (where was_read) as read,
					count(*) filter (where status in %s) as failed,
					percentile_cont(0.5) within group (order by
						greatest(0, extract(epoch from delivered_at - accepted_at))::double precision)
						filter (where delivered_at is not null and accepted_at is not null) as median_delivered,
					percentile_cont(0.5) within group (order by
						greatest(0, extract(epoch from read_at - accepted_at))::double precision)
						filter (where read_at is not null and accepted_at is not null) as median_read
				from base
				group by grouping sets ((k), ())
				order by is_total desc, k nulls last
				limit %d""".formatted(key, SCOPE, FAILED, MAX_GROUPS + 1);
	}

	private static String failuresSql(String key) {
		return """
				with base as (
					select %s as k, m.error_code, m.error_title
					from messages m
					%s and m.status in %s
				), reasons as (
					select grouping(k) = 1 as is_total, k, error_code, error_title, count(*) as n
					from base
					group by grouping sets ((k, error_code, error_title), (error_code, error_title))
				)
				select is_total, k, error_code, error_title, n from (
					select reasons.*, row_number() over (partition by is_total, k
						order by n desc, error_code nulls last, error_title nulls last) as position
					from reasons
				) ranked
				where position <= :top
				order by is_total desc, k nulls last, position""".formatted(key, SCOPE, FAILED);
	}

	private static GenericExecuteSpec bound(GenericExecuteSpec spec, String organizationId, AnalyticsQuery query) {
		return spec.bind("org", organizationId)
			.bind("since", query.since())
			.bind("until", query.until())
			.bind("markAsRead", MessageRequest.MARK_AS_READ);
	}

	/** A group's figures; its key is null for the total and for messages without one. */
	private static Group group(Readable row) {
		boolean isTotal = Boolean.TRUE.equals(row.get("is_total", Boolean.class));
		Funnel funnel = new Funnel(count(row, "total"), count(row, "accepted"), count(row, "sent"),
				count(row, "delivered"), count(row, "read"), count(row, "failed"));
		return new Group(isTotal ? null : row.get("k", String.class), funnel.total(), funnel.accepted(), funnel.sent(),
				funnel.delivered(), funnel.read(), funnel.failed(), funnel.deliveryRate(), funnel.readRate(),
				funnel.failureRate(), seconds(row, "median_delivered"), seconds(row, "median_read"), List.of());
	}

	private static GroupKey groupKey(Readable row) {
		boolean isTotal = Boolean.TRUE.equals(row.get("is_total", Boolean.class));
		return new GroupKey(isTotal, isTotal ? null : row.get("k", String.class));
	}

	private static Map<GroupKey, List<FailureReason>> byGroup(List<Map.Entry<GroupKey, FailureReason>> rows) {
		Map<GroupKey, List<FailureReason>> byGroup = new HashMap<>();
		rows.forEach((row) -> byGroup.computeIfAbsent(row.getKey(), (k) -> new ArrayList<>()).add(row.getValue()));
		return byGroup;
	}

	private static long count(Readable row, String column) {
		Number value = row.get(column, Number.class);
		return (value != null) ? value.longValue() : 0;
	}

	/** Seconds to three decimals (Meta's timestamps have whole seconds). */
	private static @Nullable Double seconds(Readable row, String column) {
		Double value = row.get(column, Double.class);
		return (value != null) ? Math.round(value * 1000.0) / 1000.0 : null;
	}

	private record GroupKey(boolean total, @Nullable String key) {
	}

}
