package com.waplatform.deploy.observability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/grafana}: every dashboard is JSON Grafana reads (schema version 39, a
 * unique uid), every panel has a title and a description in operators' words, every query
 * an expression and the datasource of the provisioning files ({@code prometheus}). That
 * the expressions name metrics the services really publish, and that Prometheus answers
 * them, is checked end to end in system-tests ({@code EndToEndTests}).
 */
class DashboardsTests {

	private static final String DATASOURCE_UID = "prometheus";

	@Test
	void theSixDashboardsAreThere() {
		assertThat(Repository.dashboards()).extracting((file) -> file.getFileName().toString())
			.containsExactlyInAnyOrder("overview.json", "sending.json", "errors.json", "pipeline.json",
					"templates.json", "jvm-database.json");
	}

	@Test
	void everyDashboardHasAUniqueUidATitleAndTheSchemaVersionItWasWrittenFor() {
		Set<String> uids = new HashSet<>();
		for (Path file : Repository.dashboards()) {
			JsonNode dashboard = Repository.json(file);
			assertThat(dashboard.path("title").asString()).as(file + " title").isNotBlank();
			assertThat(dashboard.path("description").asString()).as(file + " description").isNotBlank();
			assertThat(dashboard.path("schemaVersion").asInt()).as(file + " schemaVersion").isEqualTo(39);
			assertThat(uids.add(dashboard.path("uid").asString())).as(file + " uid is unique").isTrue();
			assertThat(dashboard.path("uid").asString()).as(file + " uid").matches("[a-z0-9-]{1,40}");
		}
	}

	@Test
	void everyPanelHasATitleADescriptionAndQueriesOfThePrometheusDatasource() {
		int panels = 0;
		for (Path file : Repository.dashboards()) {
			for (JsonNode panel : panels(Repository.json(file))) {
				String where = file.getFileName() + " panel " + panel.path("id").asInt() + " '"
						+ panel.path("title").asString() + "'";
				assertThat(panel.path("title").asString()).as(where + " title").isNotBlank();
				assertThat(panel.path("description").asString()).as(where + " description").isNotBlank();
				assertThat(panel.path("datasource").path("uid").asString()).as(where + " datasource")
					.isEqualTo(DATASOURCE_UID);
				assertThat(panel.path("targets").isEmpty()).as(where + " has queries").isFalse();
				for (JsonNode target : panel.path("targets")) {
					assertThat(target.path("expr").asString()).as(where + " expr").isNotBlank();
					assertThat(target.path("datasource").path("uid").asString()).as(where + " target datasource")
						.isEqualTo(DATASOURCE_UID);
				}
				assertGridPosition(where, panel);
				panels++;
			}
		}
		assertThat(panels).isGreaterThan(30);
	}

	@Test
	void templateVariablesQueryThePrometheusDatasource() {
		for (Path file : Repository.dashboards()) {
			for (JsonNode variable : Repository.json(file).path("templating").path("list")) {
				assertThat(variable.path("datasource").path("uid").asString()).as(file + " $" + variable.path("name"))
					.isEqualTo(DATASOURCE_UID);
				assertThat(variable.path("definition").asString()).as(file + " $" + variable.path("name"))
					.startsWith("label_values(");
			}
		}
	}

	@Test
	void provisioningNamesThePrometheusDatasourceAndTheDashboardsDirectory() {
		JsonNode datasources = Repository.yaml(Repository.GRAFANA.resolve("provisioning/datasources/prometheus.yml"))
			.path("datasources");
		assertThat(datasources).hasSize(1);
		assertThat(datasources.get(0).path("uid").asString()).isEqualTo(DATASOURCE_UID);
		assertThat(datasources.get(0).path("type").asString()).isEqualTo("prometheus");
		assertThat(datasources.get(0).path("url").asString()).isEqualTo("http://prometheus:9090");
		JsonNode providers = Repository.yaml(Repository.GRAFANA.resolve("provisioning/dashboards/dashboards.yml"))
			.path("providers");
		assertThat(providers).hasSize(1);
		assertThat(providers.get(0).path("type").asString()).isEqualTo("file");
		assertThat(providers.get(0).path("options").path("path").asString()).isEqualTo("/var/lib/grafana/dashboards");
	}

	private static void assertGridPosition(String where, JsonNode panel) {
		JsonNode grid = panel.path("gridPos");
		assertThat(grid.path("w").asInt()).as(where + " width").isBetween(1, 24);
		assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as(where + " fits the 24 columns")
			.isLessThanOrEqualTo(24);
		assertThat(grid.path("h").asInt()).as(where + " height").isPositive();
	}

	/**
	 * The panels of a dashboard, those inside rows included; rows themselves left out.
	 */
	static List<JsonNode> panels(JsonNode dashboard) {
		List<JsonNode> panels = new ArrayList<>();
		for (JsonNode panel : dashboard.path("panels")) {
			if ("row".equals(panel.path("type").asString())) {
				panel.path("panels").forEach(panels::add);
			}
			else {
				panels.add(panel);
			}
		}
		return panels;
	}

}
