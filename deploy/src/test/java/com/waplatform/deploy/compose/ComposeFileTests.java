package com.waplatform.deploy.compose;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.waplatform.deploy.environment.ComposeFile;
import com.waplatform.deploy.environment.ExampleEnvironment;
import com.waplatform.deploy.environment.ServiceEnvironment;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * docker-compose.yml, checked where no Docker engine runs: valid against the Compose
 * Specification's JSON schema once interpolated with {@code .env.example}, every
 * application configured only through the variables it reads and given every one it
 * requires, health checks and start order on health, and no secret committed.
 */
class ComposeFileTests {

	private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

	private static final Path COMPOSE = REPOSITORY.resolve("docker-compose.yml");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ComposeFile compose = ComposeFile.read(COMPOSE, ExampleEnvironment.filledIn(REPOSITORY));

	@Test
	void isValidAgainstTheComposeSpecification() throws IOException {
		assertThat(violations(JSON.valueToTree(this.compose.document()))).isEmpty();
	}

	@Test
	void theSchemaRefusesAMisspeltKey() throws IOException {
		Map<String, Object> document = new LinkedHashMap<>(this.compose.document());
		Map<String, Object> services = new LinkedHashMap<>(this.compose.services());
		Map<String, Object> gateway = new LinkedHashMap<>(this.compose.service("gateway-service"));
		gateway.put("healthchek", gateway.remove("healthcheck"));
		services.put("gateway-service", gateway);
		document.put("services", services);
		assertThat(violations(JSON.valueToTree(document))).isNotEmpty();
	}

	@Test
	void everyApplicationIsConfiguredOnlyThroughTheVariablesItReadsAndGetsEveryOneItRequires() {
		Map<String, Set<String>> unknown = new TreeMap<>();
		Map<String, Set<String>> missing = new TreeMap<>();
		ServiceEnvironment.all(REPOSITORY).forEach((application, environment) -> {
			Set<String> given = this.compose.environment(application).keySet();
			Set<String> notRead = new TreeSet<>(given);
			notRead.removeAll(environment.read());
			if (!notRead.isEmpty()) {
				unknown.put(application, notRead);
			}
			Set<String> notGiven = new TreeSet<>(environment.required());
			notGiven.removeAll(given);
			if (!notGiven.isEmpty()) {
				missing.put(application, notGiven);
			}
		});
		assertThat(unknown).as("variables the file gives an application that does not read them").isEmpty();
		assertThat(missing).as("variables an application requires that the file does not give").isEmpty();
	}

	@Test
	void everyApplicationHasAHealthCheckAndStartsOnlyOnceWhatItNeedsIsHealthy() {
		for (String application : ServiceEnvironment.all(REPOSITORY).keySet()) {
			Map<String, Object> service = this.compose.service(application);
			assertThat(service.get("image")).as(application).asString().startsWith("waplatform/" + application + ":");
			assertThat(service).as(application).containsKey("healthcheck");
			Object dependsOn = service.get("depends_on");
			if (dependsOn != null) {
				((Map<?, ?>) dependsOn).forEach((dependency, condition) -> assertThat(condition).as(application)
					.isEqualTo(Map.of("condition", "service_healthy")));
			}
		}
		for (String platformService : ServiceEnvironment.SERVICES) {
			@SuppressWarnings("unchecked")
			Map<String, Object> dependsOn = (Map<String, Object>) this.compose.service(platformService)
				.get("depends_on");
			assertThat(dependsOn).as(platformService).containsKeys("kafka", "postgres");
		}
		for (String name : this.compose.services().keySet()) {
			assertThat(this.compose.service(name)).as(name).containsKey("healthcheck");
		}
	}

	@Test
	void onlyTheGatewayTheSimulatorAndTheDashboardsArePublished() {
		Set<String> published = new TreeSet<>();
		this.compose.services().forEach((name, service) -> {
			if (((Map<?, ?>) service).containsKey("ports")) {
				published.add(name);
			}
		});
		assertThat(published).containsExactlyInAnyOrder("gateway-service", "meta-simulator", "prometheus", "grafana");
	}

	@Test
	void theExampleEnvironmentCommitsNoSecretAndComposeRefusesToStartWithoutThem() {
		Map<String, String> example = ComposeFile.dotEnv(REPOSITORY.resolve(".env.example"));
		List<String> required = ComposeFile.requiredVariables(COMPOSE);
		assertThat(required).contains("DB_PASSWORD", "PLATFORM_CREDENTIAL_KEY", "PLATFORM_INTERNAL_TOKEN",
				"GATEWAY_ADMIN_TOKEN", "META_WEBHOOK_VERIFY_TOKEN", "GRAFANA_ADMIN_PASSWORD");
		for (String name : required) {
			assertThat(example).as("%s in .env.example", name).containsEntry(name, "");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> ComposeFile.read(COMPOSE, example))
			.withMessageContaining("required variable");
	}

	/**
	 * The published schema names its 2019-09 dialect but keeps draft-04's {@code id}
	 * keyword (2019-09 says {@code $id}) on its parts; they only label them.
	 */
	private static void removeDraft4Ids(JsonNode node) {
		if (node instanceof ObjectNode object && object.path("id").isString()) {
			object.remove("id");
		}
		node.forEach(ComposeFileTests::removeDraft4Ids);
	}

	@Test
	void prometheusScrapesEveryServiceOnItsActuatorPortAndGrafanaIsProvisionedFromTheRepository() throws IOException {
		@SuppressWarnings("unchecked")
		Map<String, Object> prometheus = new Yaml()
			.load(Files.readString(REPOSITORY.resolve("deploy/prometheus/prometheus.yml")));
		Set<String> targets = new TreeSet<>();
		for (Object job : (List<?>) prometheus.get("scrape_configs")) {
			Map<?, ?> scrape = (Map<?, ?>) job;
			assertThat(scrape.get("metrics_path")).isEqualTo("/actuator/prometheus");
			for (Object config : (List<?>) scrape.get("static_configs")) {
				((List<?>) ((Map<?, ?>) config).get("targets")).forEach((target) -> targets.add(target.toString()));
			}
		}
		Set<String> expected = new TreeSet<>();
		for (String service : ServiceEnvironment.SERVICES) {
			expected.add(service + ":" + ServiceEnvironment.of(REPOSITORY, service).defaultOf("MANAGEMENT_PORT"));
			assertThat(this.compose.environment(service)).doesNotContainKey("MANAGEMENT_PORT");
		}
		assertThat(targets).isEqualTo(expected);
		for (String volume : List.of(volume("prometheus", "/etc/prometheus"),
				volume("grafana", "/etc/grafana/provisioning"), volume("grafana", "/var/lib/grafana/dashboards"))) {
			assertThat(REPOSITORY.resolve(volume)).as(volume).isDirectory();
		}
	}

	/** The repository directory a compose service mounts at a container path. */
	private String volume(String service, String containerPath) {
		return ((List<?>) this.compose.service(service).get("volumes")).stream()
			.map(Object::toString)
			.filter((volume) -> volume.split(":")[1].equals(containerPath))
			.map((volume) -> volume.split(":")[0])
			.findFirst()
			.orElseThrow(() -> new AssertionError(service + " mounts nothing at " + containerPath));
	}

	private static List<Error> violations(JsonNode document) throws IOException {
		try (InputStream in = ComposeFileTests.class.getResourceAsStream("/compose-spec.json")) {
			JsonNode schema = JSON.readTree(in);
			removeDraft4Ids(schema);
			Schema compose = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09).getSchema(schema);
			return compose.validate(document);
		}
	}

}
