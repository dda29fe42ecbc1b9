package com.waplatform.gateway.stats.domain;

import java.time.Duration;
import java.time.Instant;

import com.waplatform.gateway.stats.domain.AnalyticsQuery.GroupBy;
import com.waplatform.gateway.stats.domain.AnalyticsQuery.Problem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyticsQueryTests {

	private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

	private static final Duration WEEK = Duration.ofDays(7);

	private static final Duration MAX = Duration.ofDays(92);

	@Test
	void defaultsAreTheLastSevenDaysByDay() {
		AnalyticsQuery query = AnalyticsQuery.read(null, null, null, NOW, WEEK, MAX).query();
		assertThat(query).isEqualTo(new AnalyticsQuery(NOW.minus(WEEK), NOW, GroupBy.DAY));
		assertThat(AnalyticsQuery.read(null, "2026-03-01", "template", NOW, WEEK, MAX).query())
			.isEqualTo(new AnalyticsQuery(Instant.parse("2026-02-22T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z"),
					GroupBy.TEMPLATE));
	}

	@Test
	void datesAreMidnightUtcAndInstantsAreKept() {
		AnalyticsQuery query = AnalyticsQuery.read("2026-03-01", "2026-03-02T06:30:00Z", "context", NOW, WEEK, MAX)
			.query();
		assertThat(query.since()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
		assertThat(query.until()).isEqualTo(Instant.parse("2026-03-02T06:30:00Z"));
		assertThat(query.groupBy()).isEqualTo(GroupBy.CONTEXT);
	}

	@Test
	void everyBadParameterIsNamed() {
		assertThat(AnalyticsQuery.read("soon", "2026-13-01", "hour", NOW, WEEK, MAX).problems())
			.extracting(Problem::field)
			.containsExactly("until", "since", "groupBy");
		assertThat(AnalyticsQuery.read("2026-03-02", "2026-03-02", null, NOW, WEEK, MAX).problems())
			.extracting(Problem::field)
			.containsExactly("since");
		assertThat(AnalyticsQuery.read("2025-12-01", "2026-03-03T00:00:01Z", null, NOW, WEEK, MAX).problems())
			.singleElement()
			.satisfies((problem) -> assertThat(problem.message()).contains("at most 92 days"));
		assertThat(AnalyticsQuery.read("2025-12-01", "2026-03-03", null, NOW, WEEK, MAX).query()).isNotNull();
		assertThat(AnalyticsQuery.read(null, null, "DAY", NOW, WEEK, MAX).problems()).extracting(Problem::field)
			.containsExactly("groupBy");
	}

	@Test
	void ratesAreRoundedAndAbsentWithoutADenominator() {
		Funnel funnel = new Funnel(7, 6, 3, 3, 2, 3);
		assertThat(funnel.deliveryRate()).isEqualTo(0.5);
		assertThat(funnel.readRate()).isEqualTo(0.6667);
		assertThat(funnel.failureRate()).isEqualTo(0.4286);
		Funnel empty = new Funnel(0, 0, 0, 0, 0, 0);
		assertThat(empty.deliveryRate()).isNull();
		assertThat(empty.readRate()).isNull();
		assertThat(empty.failureRate()).isNull();
	}

}
