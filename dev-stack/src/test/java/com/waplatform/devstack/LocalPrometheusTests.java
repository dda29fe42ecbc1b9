package com.waplatform.devstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalPrometheusTests {

	@Test
	void scrapesEveryServiceOnItsManagementPortWithTheJobNamesOfDeployAndLoadsTheAlertRules() {
		Map<String, Integer> targets = new LinkedHashMap<>();
		targets.put("gateway-service", 19080);
		targets.put("sender-service", 19081);

		String configuration = LocalPrometheus.configuration(targets, Path.of("/repo/deploy/prometheus/alerts.yml"));

		assertThat(configuration).isEqualTo("""
				global:
				  scrape_interval: 3s
				  scrape_timeout: 3s
				  evaluation_interval: 3s
				rule_files:
				  - '/repo/deploy/prometheus/alerts.yml'
				scrape_configs:
				  - job_name: gateway-service
				    metrics_path: /actuator/prometheus
				    static_configs:
				      - targets: ['localhost:19080']
				  - job_name: sender-service
				    metrics_path: /actuator/prometheus
				    static_configs:
				      - targets: ['localhost:19081']
				""");
		assertThat(LocalPrometheus.configuration(targets, null)).doesNotContain("rule_files");
	}

	@Test
	void findsTheRepositorysAlertRulesFromTheModuleDirectory() {
		assertThat(LocalPrometheus.alertRules())
			.isEqualTo(Path.of("..").toAbsolutePath().normalize().resolve("deploy/prometheus/alerts.yml"));
	}

}
