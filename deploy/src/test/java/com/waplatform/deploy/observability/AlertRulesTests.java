package com.waplatform.deploy.observability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/prometheus}: promtool accepts the rules and the configuration, the rules'
 * unit tests pass and cover every alert both firing and not firing, and every alert has a
 * severity, a summary, a description and a runbook entry in docs/operations.md.
 */
class AlertRulesTests {

	private static final Pattern RUNBOOK_URL = Pattern.compile("docs/operations\\.md#([a-z0-9-]+)");

	@Test
	void promtoolAcceptsTheRules() {
		Promtool.Result result = Promtool.run(Repository.PROMETHEUS, "check", "rules", "alerts.yml");
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("SUCCESS: " + alerts().size() + " rules found");
	}

	@Test
	void theRulesUnitTestsPass() {
		Promtool.Result result = Promtool.run(Repository.PROMETHEUS, "test", "rules", "alerts-test.yml");
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("SUCCESS");
	}

	@Test
	void promtoolAcceptsThePrometheusConfigurationWithItsRuleFile() {
		Promtool.Result result = Promtool.run(Repository.PROMETHEUS, "check", "config", "prometheus.yml");
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("SUCCESS: 1 rule files found");
	}

	@Test
	void prometheusScrapesEveryServiceOnItsManagementPort() {
		JsonNode config = Repository.yaml(Repository.PROMETHEUS.resolve("prometheus.yml"));
		Map<String, List<String>> targets = new LinkedHashMap<>();
		for (JsonNode job : config.path("scrape_configs")) {
			assertThat(job.path("metrics_path").asString()).isEqualTo("/actuator/prometheus");
			List<String> addresses = new ArrayList<>();
			job.path("static_configs")
				.forEach((group) -> group.path("targets").forEach((t) -> addresses.add(t.asString())));
			targets.put(job.path("job_name").asString(), addresses);
		}
		assertThat(targets).containsExactlyInAnyOrderEntriesOf(
				Map.of("gateway-service", List.of("gateway-service:9080"), "sender-service",
						List.of("sender-service:9081"), "template-service", List.of("template-service:9082"),
						"webhook-service", List.of("webhook-service:9083"), "workflow-service",
						List.of("workflow-service:9084"), "callback-service", List.of("callback-service:9085")));
		assertThat(config.path("rule_files").get(0).asString()).isEqualTo("alerts.yml");
	}

	@Test
	void everyAlertHasASeverityASummaryADescriptionAndARunbookEntry() {
		Set<String> anchors = Runbook.anchors(Repository.ROOT.resolve("docs/operations.md"));
		assertThat(alerts()).isNotEmpty().allSatisfy((name, rule) -> {
			assertThat(rule.path("labels").path("severity").asString()).as(name).isIn("critical", "warning");
			assertThat(rule.path("annotations").path("summary").asString()).as(name).isNotBlank();
			assertThat(rule.path("annotations").path("description").asString()).as(name).isNotBlank();
			Matcher url = RUNBOOK_URL.matcher(rule.path("annotations").path("runbook_url").asString());
			assertThat(url.matches()).as(name + " runbook_url").isTrue();
			assertThat(url.group(1)).as(name + " runbook anchor").isEqualTo(name.toLowerCase(Locale.ROOT));
			assertThat(anchors).as("## Runbook entries of docs/operations.md").contains(url.group(1));
		});
	}

	@Test
	void everyAlertIsTestedFiringAndNotFiring() {
		JsonNode tests = Repository.yaml(Repository.PROMETHEUS.resolve("alerts-test.yml"));
		Map<String, Boolean> firing = new HashMap<>();
		Map<String, Boolean> quiet = new HashMap<>();
		for (JsonNode test : tests.path("tests")) {
			for (JsonNode check : test.path("alert_rule_test")) {
				String alert = check.path("alertname").asString();
				if (check.path("exp_alerts").isEmpty()) {
					quiet.put(alert, true);
				}
				else {
					firing.put(alert, true);
				}
			}
		}
		assertThat(firing.keySet()).as("alerts tested firing").containsExactlyInAnyOrderElementsOf(alerts().keySet());
		assertThat(quiet.keySet()).as("alerts tested not firing")
			.containsExactlyInAnyOrderElementsOf(alerts().keySet());
	}

	/** The alerting rules of alerts.yml by name. */
	static Map<String, JsonNode> alerts() {
		Map<String, JsonNode> alerts = new LinkedHashMap<>();
		for (JsonNode group : Repository.yaml(Repository.PROMETHEUS.resolve("alerts.yml")).path("groups")) {
			for (JsonNode rule : group.path("rules")) {
				assertThat(rule.has("alert")).as("only alerting rules in alerts.yml: " + rule).isTrue();
				assertThat(alerts.put(rule.path("alert").asString(), rule)).as("alert names are unique").isNull();
			}
		}
		return alerts;
	}

}
