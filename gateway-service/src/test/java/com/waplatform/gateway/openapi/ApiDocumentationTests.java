package com.waplatform.gateway.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.waplatform.common.crypto.WebhookSignature;
import com.waplatform.common.json.Json;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.template.TemplateSnapshot;
import com.waplatform.gateway.FakeCallbackService;
import com.waplatform.gateway.FakeTemplateService;
import com.waplatform.gateway.FakeWorkflowService;
import com.waplatform.gateway.GatewayApplication;
import com.waplatform.gateway.GatewayFixtures;
import com.waplatform.gateway.GatewayFixtures.Tenant;
import com.waplatform.gateway.web.Routes;
import com.waplatform.support.kafka.EventPublisher;
import com.waplatform.support.templates.TemplateDirectory;
import com.waplatform.testsupport.Infrastructure;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The contract between the OpenAPI document and the gateway: the document is OpenAPI 3.1
 * and names exactly the routes the controllers map (a route added without its
 * description, or a description left after its route went, fails here), every operation
 * is described and answers problems as {@code application/problem+json}, and every
 * request example is sent to the real API (real HTTP server, Kafka and PostgreSQL; the
 * services behind the proxied routes faked as in the other API tests) and accepted. The
 * examples use the dev stack's demo number and account and the simulator's seeded
 * templates, swapped here for this test's organization. Also writes the document to
 * {@code target/openapi.json}.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=gateway-service", "gateway.admin-token=" + GatewayFixtures.ADMIN_TOKEN,
				// free-form examples to a customer who never wrote: the window is not
				// what this tests
				"gateway.conversations.enforce-service-window=false",
				"platform.internal-api.token=" + ApiDocumentationTests.SERVICE_TOKEN })
@AutoConfigureWebTestClient
@DirtiesContext
class ApiDocumentationTests {

	static final String SERVICE_TOKEN = "service-token-for-tests";

	private static final Duration WAIT = Duration.ofSeconds(30);

	/** The dev stack's demo number and account, which the examples name. */
	private static final String DEMO_NUMBER = "106540352242922";

	private static final String DEMO_ACCOUNT = "102290129340398";

	private static final Pattern PROBLEM_TYPE = Pattern.compile("urn:waplatform:problem:[a-z0-9-]+");

	private static final Set<String> WRITES = Set.of("post", "put", "patch");

	private static FakeTemplateService templateService;

	private static FakeWorkflowService workflowService;

	private static FakeCallbackService callbackService;

	private final WebTestClient client;

	private final RequestMappingHandlerMapping mappings;

	private final EventPublisher publisher;

	private final TemplateDirectory templates;

	private final int port;

	@Autowired
	ApiDocumentationTests(WebTestClient client, RequestMappingHandlerMapping requestMappingHandlerMapping,
			EventPublisher publisher, TemplateDirectory templates, @LocalServerPort int port) {
		this.client = client.mutate().responseTimeout(WAIT).build();
		this.mappings = requestMappingHandlerMapping;
		this.publisher = publisher;
		this.templates = templates;
		this.port = port;
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
		templateService = FakeTemplateService.start();
		registry.add("gateway.template-service-url", templateService::url);
		workflowService = FakeWorkflowService.start(SERVICE_TOKEN);
		registry.add("gateway.workflow-service-url", workflowService::url);
		callbackService = FakeCallbackService.start(SERVICE_TOKEN);
		registry.add("gateway.callback-service-url", callbackService::url);
	}

	@AfterAll
	static void stopServices() {
		templateService.stop();
		workflowService.stop();
		callbackService.stop();
	}

	@Test
	void theDocumentIsOpenApi31AndDocumentsExactlyTheRoutesTheControllersServe() throws IOException {
		JsonNode document = document();
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/openapi.json"), document.toPrettyString());
		assertThat(document.path("openapi").asString()).startsWith("3.1");
		Set<String> served = new TreeSet<>();
		Set<String> library = new TreeSet<>();
		this.mappings.getHandlerMethods().forEach((info, handler) -> {
			boolean ours = handler.getBeanType().getName().startsWith("com.waplatform.gateway.");
			routes(info).forEach(ours ? served::add : library::add);
		});
		assertThat(served).as("routes the gateway's controllers map").hasSizeGreaterThan(40);
		assertThat(documented(document)).as("routes in the OpenAPI document (left: served, right: documented)")
			.isEqualTo(served);
		// what else answers is springdoc's own, and public read-only (GatewaySecurity)
		assertThat(library).allSatisfy((route) -> assertThat(route)
			.matches("GET (" + Routes.API_DOCS + "(\\.yaml|/swagger-config)?|" + Routes.API_DOCS_UI + ")"));
		// and every route of the maintained descriptions is one of them
		JsonNode descriptions = Json.mapper()
			.readTree(Json.mapper()
				.writeValueAsString(new org.yaml.snakeyaml.Yaml().load(resource(ApiDescriptions.LOCATION))));
		assertThat(served).containsAll(documented(descriptions));
	}

	@Test
	void everyOperationIsDescribedSecuredAndAnswersProblemsAsProblemDetails() {
		JsonNode document = document();
		Set<String> operationIds = new TreeSet<>();
		List<String> undescribed = new ArrayList<>();
		forEachOperation(document, (path, method, operation) -> {
			String route = method.toUpperCase(java.util.Locale.ROOT) + " " + path;
			if (operation.path("summary").asString("").isBlank() || operation.path("tags").isEmpty()
					|| !operation.path("operationId").isString()) {
				undescribed.add(route + ": summary, tags and operationId");
			}
			if (!operationIds.add(operation.path("operationId").asString())) {
				undescribed.add(route + ": operationId " + operation.path("operationId").asString() + " twice");
			}
			if (path.startsWith("/v1/") && operation.path("security").isEmpty()) {
				undescribed.add(route + ": security");
			}
			operation.path("responses").properties().forEach((entry) -> {
				JsonNode response = resolve(document, entry.getValue());
				if (entry.getKey().startsWith("2") && response.path("description").asString("").isBlank()) {
					undescribed.add(route + " " + entry.getKey() + ": description");
				}
				if (path.startsWith("/v1/") && entry.getKey().matches("[45]\\d\\d")
						&& !response.path("content").has("application/problem+json")) {
					undescribed.add(route + " " + entry.getKey() + ": application/problem+json");
				}
			});
			if (WRITES.contains(method) && operation.path("requestBody").path("required").asBoolean(false)
					&& !operation.path("requestBody").path("content").has("multipart/form-data")
					&& examples(operation).isEmpty()) {
				undescribed.add(route + ": a request example");
			}
		});
		assertThat(undescribed).isEmpty();
		assertThat(document.at("/components/securitySchemes").propertyNames()).contains("apiKey", "adminToken",
				"metaSignature");
	}

	/**
	 * The problem types docs/gateway-service.md lists are the ones the document names.
	 */
	@Test
	void theDocumentNamesEveryProblemTypeThePageLists() throws IOException {
		JsonNode document = document();
		Set<String> listed = new TreeSet<>();
		document.at("/components/schemas/ProblemDetail/properties/type/examples")
			.forEach((type) -> listed.add(type.asString()));
		Set<String> named = matches(PROBLEM_TYPE, document.toString());
		assertThat(listed).as("problem types the document lists").containsAll(named).hasSizeGreaterThan(20);
		Path page = Path.of("..", "docs", "gateway-service.md");
		assertThat(page).exists();
		Set<String> documented = matches(PROBLEM_TYPE, Files.readString(page));
		assertThat(listed).as("problem types of docs/gateway-service.md").containsAll(documented);
	}

	@Test
	void everyRequestExampleIsAcceptedByTheRealApi() {
		String appSecret = "secret-" + UUID.randomUUID();
		Tenant tenant = GatewayFixtures.aTenantWithADefaultNumber(this.client, appSecret);
		List<MessageTemplate> seeded = seededTemplates();
		seeded.forEach(
				(template) -> this.publisher
					.publish(Topics.TEMPLATE_SYNC,
							TemplateSnapshot.of(tenant.organizationId(), tenant.wabaId(), template, "v1"))
					.block(WAIT));
		await().atMost(WAIT)
			.until(() -> seeded.stream()
				.allMatch((template) -> this.templates.snapshot(tenant.wabaId(), template.name(), template.language())
					.isPresent()));
		Map<String, String> pathValues = new HashMap<>();
		pathValues.put("organizationId", tenant.organizationId());
		pathValues.put("workflowId",
				created(tenant, "/v1/workflows", "{\"name\": \"examples\", \"trigger\": {\"type\": \"x\"}}"));
		pathValues.put("callbackId", created(tenant, "/v1/callbacks", "{\"url\": \"https://hooks.example/x\"}"));
		JsonNode document = document();
		List<String> sent = new ArrayList<>();
		forEachOperation(document, (path, method, operation) -> {
			operation.path("requestBody").path("content").properties().forEach((content) -> {
				examples(content.getValue()).forEach((name, example) -> {
					String route = method.toUpperCase(java.util.Locale.ROOT) + " " + path + " (" + content.getKey()
							+ ", " + name + ")";
					byte[] body = substituted(example, tenant).getBytes(StandardCharsets.UTF_8);
					EntityExchangeResult<String> answer = send(
							HttpMethod.valueOf(method.toUpperCase(java.util.Locale.ROOT)),
							uri(path, operation, pathValues), content.getKey(), body, tenant, appSecret);
					assertThat(answer.getStatus().is2xxSuccessful())
						.as("%s answered %s %s", route, answer.getStatus(), answer.getResponseBody())
						.isTrue();
					sent.add(route);
					withdrawIfScheduled(answer.getResponseBody(), tenant);
				});
			});
		});
		assertThat(sent).as("request examples sent").hasSizeGreaterThan(20);
		System.out.println("request examples accepted: " + sent.size());
	}

	@Test
	void swaggerUiAndTheYamlDocumentAreServed() {
		String page = this.client.get()
			.uri(Routes.API_DOCS_UI)
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.returnResult(String.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
		this.client.get()
			.uri(page)
			.exchange()
			.expectStatus()
			.value((status) -> assertThat(status).as(page).isEqualTo(200))
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("swagger-ui"));
		this.client.get()
			.uri(Routes.API_DOCS_UI_CONFIG)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.url")
			.isEqualTo(Routes.API_DOCS);
		this.client.get()
			.uri(Routes.API_DOCS_YAML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((yaml) -> assertThat(yaml).startsWith("openapi: 3.1"));
	}

	private JsonNode document() {
		String json = this.client.get()
			.uri(Routes.API_DOCS)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return Json.mapper().readTree(json);
	}

	private static Set<String> routes(RequestMappingInfo info) {
		Set<String> routes = new TreeSet<>();
		info.getPatternsCondition()
			.getPatterns()
			.forEach((pattern) -> info.getMethodsCondition()
				.getMethods()
				.forEach((method) -> routes.add(method.name() + " " + pattern.getPatternString())));
		return routes;
	}

	private static Set<String> documented(JsonNode document) {
		Set<String> routes = new TreeSet<>();
		forEachOperation(document,
				(path, method, operation) -> routes.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path));
		return routes;
	}

	private static void forEachOperation(JsonNode document, OperationVisitor visitor) {
		document.path("paths").properties().forEach((path) -> path.getValue().properties().forEach((operation) -> {
			if (Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace")
				.contains(operation.getKey())) {
				visitor.visit(path.getKey(), operation.getKey(), operation.getValue());
			}
		}));
	}

	/** The request examples of an operation, or of one of its contents, by name. */
	private static Map<String, JsonNode> examples(JsonNode node) {
		Map<String, JsonNode> examples = new java.util.LinkedHashMap<>();
		if (node.has("requestBody")) {
			node.path("requestBody").path("content").forEach((content) -> examples.putAll(examples(content)));
			return examples;
		}
		node.path("examples")
			.properties()
			.forEach((entry) -> examples.put(entry.getKey(), entry.getValue().path("value")));
		if (node.has("example")) {
			examples.put("example", node.get("example"));
		}
		return examples;
	}

	private static JsonNode resolve(JsonNode document, JsonNode node) {
		String ref = node.path("$ref").asString(null);
		return (ref != null) ? document.at(ref.substring(1)) : node;
	}

	/**
	 * The example for this test's organization: the demo number and account become its
	 * own, and a scheduled message is due within the hour.
	 */
	private static String substituted(JsonNode example, Tenant tenant) {
		JsonNode copy = example.deepCopy();
		if (copy instanceof ObjectNode object && object.has("scheduledFor")) {
			object.put("scheduledFor",
					Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString());
		}
		return copy.toString().replace(DEMO_NUMBER, tenant.phoneNumberId()).replace(DEMO_ACCOUNT, tenant.wabaId());
	}

	/**
	 * The operation's path with this test's resources or the parameters' examples, and
	 * its required query parameters.
	 */
	private static String uri(String path, JsonNode operation, Map<String, String> pathValues) {
		StringBuilder query = new StringBuilder();
		String uri = path;
		for (JsonNode parameter : operation.path("parameters")) {
			String name = parameter.path("name").asString();
			String example = parameter.path("example").asString("");
			if ("path".equals(parameter.path("in").asString())) {
				uri = uri.replace("{" + name + "}",
						java.net.URLEncoder.encode(pathValues.getOrDefault(name, example), StandardCharsets.UTF_8));
			}
			else if ("query".equals(parameter.path("in").asString()) && parameter.path("required").asBoolean(false)) {
				query.append((query.length() == 0) ? "?" : "&").append(name).append('=').append(example);
			}
		}
		assertThat(uri).as("path parameters of " + path).doesNotContain("{");
		return uri + query;
	}

	private EntityExchangeResult<String> send(HttpMethod method, String uri, String contentType, byte[] body,
			Tenant tenant, String appSecret) {
		return this.client.method(method).uri(URI.create("http://localhost:" + this.port + uri)).headers((headers) -> {
			if (uri.startsWith("/v1/admin/")) {
				headers.setBearerAuth(GatewayFixtures.ADMIN_TOKEN);
			}
			else if (uri.startsWith("/v1/")) {
				headers.setBearerAuth(tenant.apiKey());
			}
			else {
				headers.set(WebhookSignature.HEADER, WebhookSignature.sign(appSecret, body));
			}
		})
			.contentType(MediaType.parseMediaType(contentType))
			.bodyValue(body)
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

	/**
	 * Cancels a message an example scheduled: the database is shared with the other test
	 * classes, whose scheduler rounds would release it.
	 */
	private void withdrawIfScheduled(@Nullable String answer, Tenant tenant) {
		if (answer == null || answer.isBlank()) {
			return;
		}
		JsonNode json = Json.mapper().readTree(answer);
		if ("scheduled".equals(json.path("status").asString(""))) {
			this.client.delete()
				.uri("/v1/messages/{id}", json.path("id").asString())
				.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
				.exchange()
				.expectStatus()
				.isNoContent();
		}
	}

	private String created(Tenant tenant, String path, String json) {
		return this.client.post()
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.path("id")
			.asString();
	}

	/** The templates the simulator seeds into every account (and the examples name). */
	private static List<MessageTemplate> seededTemplates() {
		List<MessageTemplate> templates = new ArrayList<>();
		Json.mapper()
			.readTree(resource("meta-simulator/seed-templates.json"))
			.forEach((template) -> templates.add(Json.mapper().treeToValue(template, MessageTemplate.class)));
		return templates;
	}

	private static String resource(String location) {
		try (InputStream in = new ClassPathResource(location).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Set<String> matches(Pattern pattern, String text) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group());
		}
		return found;
	}

	@FunctionalInterface
	private interface OperationVisitor {

		void visit(String path, String method, JsonNode operation);

	}

}
