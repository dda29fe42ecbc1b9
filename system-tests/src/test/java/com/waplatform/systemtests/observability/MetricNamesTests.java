package com.waplatform.systemtests.observability;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetricNamesTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	@Test
	void aSelectorWithMatchersAndARangeIsItsName() {
		assertThat(MetricNames.inExpression(
				"sum by (phone_number_id) (rate(sender_calls_total{organization=~\"$organization\", phone_number_id=~\"$phone_number_id\"}[$__rate_interval]))"))
			.containsExactly("sender_calls_total");
	}

	@Test
	void functionsKeywordsLabelListsAndNumbersAreNotNames() {
		assertThat(MetricNames.inExpression(
				"histogram_quantile(0.99, sum by (le, outcome) (rate(sender_meta_calls_seconds_bucket[5m]))) * 1e3 > bool 0.5"))
			.containsExactly("sender_meta_calls_seconds_bucket");
		assertThat(MetricNames
			.inExpression("a_total / ignoring (class) group_left sum(rate(b_total[10m])) unless on(x) c offset 10m"))
			.containsExactly("a_total", "b_total", "c");
		assertThat(MetricNames.inExpression("max(gateway_scheduler_lag_seconds) by (application) > 120 or up == 0"))
			.containsExactly("gateway_scheduler_lag_seconds", "up");
	}

	@Test
	void identifiersInStringsAreNotNames() {
		assertThat(MetricNames.inExpression(
				"label_replace(sum(increase(sender_dead_letters_total[10m])), \"topic\", \"wa.send-requests-dlt\", \"\", \"\")"))
			.containsExactly("sender_dead_letters_total");
		assertThat(MetricNames.inExpression(
				"label_replace(kafka_consumer_fetch_manager_records_lag{topic=~\".+[.].+\"}, \"group\", \"$1\", \"client_id\", \"consumer-(.+)-[0-9]+\")"))
			.containsExactly("kafka_consumer_fetch_manager_records_lag");
	}

	@Test
	void aVariableQueryNamesItsSeriesNotItsLabel() {
		assertThat(MetricNames
			.inVariableQuery("label_values(sender_rate_allowed{organization=~\"$organization\"}, phone_number_id)"))
			.containsExactly("sender_rate_allowed");
		assertThat(MetricNames.inVariableQuery("label_values(organization)")).isEmpty();
	}

	@Test
	void theExposedNamesAreThoseOfTheSamples() {
		String text = """
				# HELP sender_calls_total Calls to Meta's send endpoint, by number
				# TYPE sender_calls_total counter
				sender_calls_total{application="sender-service",organization="org-1",phone_number_id="pn-1"} 2.0
				jvm_info{vendor="x"} 1
				process_uptime_seconds 12.5
				""";
		assertThat(MetricNames.exposedIn(text)).containsExactly("jvm_info", "process_uptime_seconds",
				"sender_calls_total");
	}

	@Test
	void grafanaVariablesAreResolvedForPrometheus() {
		assertThat(MetricNames.withVariablesResolved(
				"sum(rate(x_total{organization=~\"$organization\"}[$__rate_interval])) + sum(increase(x_total[$__range]))"))
			.isEqualTo("sum(rate(x_total{organization=~\".*\"}[1m])) + sum(increase(x_total[10m]))");
		assertThat(MetricNames
			.withVariablesResolved("label_replace(x{a=~\"$application\"}, \"g\", \"$1\", \"c\", \"(.+)\")"))
			.isEqualTo("label_replace(x{a=~\".*\"}, \"g\", \"$1\", \"c\", \"(.+)\")");
	}

	@Test
	void theRepositorysDashboardsAndAlertsUseTheMetricsOperatorsNeed() {
		assertThat(MetricNames.usedByDashboardsAndAlerts(ROOT))
			.contains("sender_calls_total", "sender_rate_limit", "gateway_queue_oldest_age_seconds",
					"gateway_messages_statuses_total", "template_sync_age_seconds", "outbox_oldest_age_seconds",
					"platform_dead_letters_total", "kafka_consumer_fetch_manager_records_lag", "up")
			.doesNotContain("by", "le", "rate", "sum", "organization", "phone_number_id", "topic", "class");
		assertThat(MetricNames.alertExpressions(ROOT)).hasSize(11);
		assertThat(MetricNames.dashboardQueries(ROOT)).hasSizeGreaterThan(50);
	}

}
