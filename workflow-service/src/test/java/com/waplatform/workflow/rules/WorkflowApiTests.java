package com.waplatform.workflow.rules;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.waplatform.common.account.OrganizationSettings;
import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.json.Json;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.template.TemplateSnapshot;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.support.kafka.EventPublisher;
import com.waplatform.support.templates.TemplateDirectory;
import com.waplatform.testsupport.Infrastructure;
import com.waplatform.workflow.WorkflowApplication;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.waplatform.workflow.rules.WorkflowApiFixtures.paymentDue;
import static com.waplatform.workflow.rules.WorkflowApiFixtures.seeded;
import static com.waplatform.workflow.rules.WorkflowApiFixtures.tourOperator;
import static com.waplatform.workflow.rules.WorkflowApiFixtures.welcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The workflows API, {@code /internal/workflows?organizationId=}, on the whole service
 * (embedded Kafka and PostgreSQL): rules and their versions, the checks against the
 * organization's number and templates, the default rules and the dry run. Every test has
 * its own organizations.
 */
@SpringBootTest(classes = { WorkflowApplication.class, WorkflowApiFixtures.Listeners.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=workflow-service", "platform.internal-api.token=" + WorkflowApiTests.TOKEN })
@AutoConfigureWebTestClient
@DirtiesContext
class WorkflowApiTests {

	static final String TOKEN = "workflow-api-tests-token";

	private static final String PROBLEM = "urn:waplatform:problem:";

	private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

	private static final LocalDate DUE_DATE = LocalDate.now(MADRID).plusDays(5);

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
	}

	@Autowired
	WebTestClient web;

	@Autowired
	EventPublisher publisher;

	@Autowired
	AccountDirectory accounts;

	@Autowired
	TemplateDirectory templates;

	@Autowired
	DatabaseClient db;

	@Autowired
	WorkflowApiFixtures.SendRequests sendRequests;

	@Test
	void everyChangeOfARuleIsANewVersion() {
		String org = organization(true);
		Answer created = call(HttpMethod.POST, "", org, welcome("welcome"));
		assertThat(created.status()).isEqualTo(201);
		String id = created.body().path("id").asString();
		assertThat(created.headers().getFirst(HttpHeaders.LOCATION)).isEqualTo("/v1/workflows/" + id);
		assertThat(created.body().path("version").asInt()).isEqualTo(1);
		assertThat(created.body().path("enabled").asBoolean()).isTrue();
		assertThat(created.body().path("template").path("name").asString()).isEqualTo("welcome_message");
		assertThat(items(org)).singleElement()
			.satisfies((item) -> assertThat(item.path("id").asString()).isEqualTo(id));
		assertThat(call(HttpMethod.GET, "/" + id, org, null).body().path("name").asString()).isEqualTo("welcome");

		String changed = welcome("welcome").replace("\"urgent\": false", "\"description\": \"changed\"");
		Answer updated = call(HttpMethod.PUT, "/" + id, org, changed);
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.body().path("version").asInt()).isEqualTo(2);
		assertThat(updated.body().path("description").asString()).isEqualTo("changed");
		Answer disabled = call(HttpMethod.POST, "/" + id + "/disable", org, null);
		assertThat(disabled.body().path("enabled").asBoolean()).isFalse();
		assertThat(disabled.body().path("version").asInt()).isEqualTo(3);
		// no change, no version
		assertThat(call(HttpMethod.POST, "/" + id + "/disable", org, null).body().path("version").asInt()).isEqualTo(3);
		Answer enabled = call(HttpMethod.POST, "/" + id + "/enable", org, null);
		assertThat(enabled.body().path("enabled").asBoolean()).isTrue();
		assertThat(enabled.body().path("version").asInt()).isEqualTo(4);
		assertThat(versions(org, id)).containsExactly("4 enabled true", "3 disabled false", "2 updated true",
				"1 created true");

		assertThat(status(HttpMethod.DELETE, "/" + id, org, null)).isEqualTo(204);
		assertThat(status(HttpMethod.GET, "/" + id, org, null)).isEqualTo(404);
		assertThat(status(HttpMethod.DELETE, "/" + id, org, null)).isEqualTo(404);
		assertThat(items(org)).isEmpty();
		assertThat(versions(org, id)).containsExactly("5 deleted false", "4 enabled true", "3 disabled false",
				"2 updated true", "1 created true");
	}

	@Test
	void aNameIsUsedOnceWithinAnOrganization() {
		String org = organization(true);
		assertThat(status(HttpMethod.POST, "", org, welcome("hello"))).isEqualTo(201);
		assertProblem(call(HttpMethod.POST, "", org, welcome("hello")), 409, "conflict");
		String other = call(HttpMethod.POST, "", org, welcome("other")).body().path("id").asString();
		assertProblem(call(HttpMethod.PUT, "/" + other, org, welcome("hello")), 409, "conflict");
		assertThat(status(HttpMethod.POST, "", organization(true), welcome("hello"))).isEqualTo(201);
	}

	@Test
	void anotherOrganizationsRuleIsNotFoundOnAnyRoute() {
		String org = organization(true);
		String id = call(HttpMethod.POST, "", org, welcome("mine")).body().path("id").asString();
		String intruder = organization(true);
		assertProblem(call(HttpMethod.GET, "/" + id, intruder, null), 404, "not-found");
		assertProblem(call(HttpMethod.PUT, "/" + id, intruder, welcome("theirs")), 404, "not-found");
		assertProblem(call(HttpMethod.POST, "/" + id + "/disable", intruder, null), 404, "not-found");
		assertProblem(call(HttpMethod.POST, "/" + id + "/enable", intruder, null), 404, "not-found");
		assertProblem(call(HttpMethod.GET, "/" + id + "/versions", intruder, null), 404, "not-found");
		assertProblem(call(HttpMethod.POST, "/" + id + "/test", intruder, paymentDue("payment.due", DUE_DATE)), 404,
				"not-found");
		assertProblem(call(HttpMethod.DELETE, "/" + id, intruder, null), 404, "not-found");
		assertThat(items(intruder)).isEmpty();
		assertThat(status(HttpMethod.GET, "/not-a-uuid", org, null)).isEqualTo(404);
		Answer untouched = call(HttpMethod.GET, "/" + id, org, null);
		assertThat(untouched.body().path("version").asInt()).isEqualTo(1);
		assertThat(untouched.body().path("name").asString()).isEqualTo("mine");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "{not json", "[1, 2]", "''" })
	void aBodyThatIsNoJsonObjectIs400(String body) {
		assertProblem(call(HttpMethod.POST, "", organization(true), body), 400, "malformed-request");
	}

	@Test
	void anInvalidRuleIs422NamingEveryField() {
		String rule = welcome("broken").replace("\"phone\": \"/customerPhone\"", "\"phone\": \"customerPhone\"")
			.replace("{\"from\": \"/customerName\"}", "{\"from\": \"/customerName\", \"format\": \"roman\"}");
		Answer answer = call(HttpMethod.POST, "", organization(true), rule);
		assertProblem(answer, 422, "invalid-workflow");
		assertThat(errors(answer)).containsOnlyKeys("recipient.phone", "parameters[0].format");
		assertThat(errors(answer).get("recipient.phone")).contains("not a JSON Pointer");
		assertThat(errors(answer).get("parameters[0].format")).contains("one of date, datetime");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"missing template|welcome_message|no_such_template|[{\"from\": \"/customerName\"}]|template.name|does not exist",
			"too few parameters|welcome_message|payment_reminder|[{\"from\": \"/customerName\"}]|"
					+ "parameters[1]|expected 3 body parameters",
			"positional for named|welcome_message|follow_up|[{\"from\": \"/customerName\"}]|"
					+ "parameters (template.components[body].parameters[0].parameter_name)|parameters are named",
			"named for positional|welcome_message|welcome_message|{\"name\": {\"from\": \"/customerName\"}}|"
					+ "parameters (template.components[body].parameters[0].parameter_name)|parameters are positional" })
	void aRuleTheTemplatesDoNotFitIs422NamingTheGap(String description, String template, String replacement,
			String parameters, String field, String message) {
		String rule = welcome("gap").replace("\"name\": \"" + template + "\"", "\"name\": \"" + replacement + "\"")
			.replace("[{\"from\": \"/customerName\"}]", parameters);
		Answer answer = call(HttpMethod.POST, "", organization(true), rule);
		assertProblem(answer, 422, "invalid-workflow");
		assertThat(errors(answer)).containsKey(field);
		assertThat(errors(answer).get(field)).contains(message);
	}

	@Test
	void aBusinessNumberOfAnotherOrganizationIs422() {
		String org = organization(true);
		String foreign = "pn-" + organization(true);
		String rule = welcome("foreign").replace("\"phone\": \"/customerPhone\"",
				"\"phone\": \"/customerPhone\", \"phoneNumberId\": \"" + foreign + "\"");
		Answer answer = call(HttpMethod.POST, "", org, rule);
		assertProblem(answer, 422, "invalid-workflow");
		assertThat(errors(answer)).containsOnlyKeys("recipient.phoneNumberId");
		assertThat(errors(answer).get("recipient.phoneNumberId")).contains(foreign,
				"not a number of this organization");
	}

	@Test
	void templatesNotSyncedYetIs503WithRetryAfter() {
		Answer answer = call(HttpMethod.POST, "", organization(false), welcome("early"));
		assertProblem(answer, 503, "templates-not-synced");
		assertThat(answer.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
	}

	/**
	 * The simulator's MARKETING template, {@code summer_promo}, has a text header
	 * variable that a rule's parameters cannot fill; its body-only copy shows the
	 * marketing switch.
	 */
	@Test
	void aMarketingTemplateIsRefusedWhileMarketingIsOff() {
		String org = organization(true);
		MessageTemplate promo = seeded("summer_promo");
		assertThat(promo.category()).isEqualTo("MARKETING");
		MessageTemplate bodyOnly = new MessageTemplate(null, "summer_promo_body", promo.language(), promo.status(),
				promo.category(), promo.parameterFormat(),
				promo.componentsOrEmpty().stream().filter((c) -> "BODY".equals(c.type())).toList(), null, null, null);
		this.templates.apply(TemplateSnapshot.of(org, "waba-" + org, bodyOnly, "v1"));
		this.accounts.apply(OrganizationSettings.of(org, true, false, null, null, Map.of()));
		String rule = welcome("promo").replace("welcome_message", "summer_promo_body")
			.replace("[{\"from\": \"/customerName\"}]", "[{\"from\": \"/customerName\"}, {\"value\": \"15%\"}]");
		Answer refused = call(HttpMethod.POST, "", org, rule);
		assertProblem(refused, 422, "invalid-workflow");
		assertThat(errors(refused)).containsOnlyKeys("template.name");
		assertThat(errors(refused).get("template.name")).contains("MARKETING", "marketing is switched off");

		this.accounts.apply(OrganizationSettings.of(org, true, true, null, null, Map.of()));
		assertThat(call(HttpMethod.POST, "", org, rule).status()).isEqualTo(201);
	}

	@Test
	void theDefaultRulesAreInstalledOnce() {
		String org = organization(true);
		Answer first = call(HttpMethod.POST, "/defaults", org, null);
		assertThat(first.status()).isEqualTo(201);
		assertThat(first.body().path("installed").asInt()).isEqualTo(6);
		assertThat(first.body().path("items")).extracting((item) -> item.path("name").asString())
			.containsExactlyInAnyOrder("booking-confirmation", "inquiry-received", "payment-reminder", "tour-details",
					"welcome-message", "inquiry-follow-up");
		Answer second = call(HttpMethod.POST, "/defaults", org, null);
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.body().path("installed").asInt()).isZero();
		assertThat(second.body().path("items")).hasSize(6);
		assertThat(items(org)).hasSize(6);
	}

	@Test
	void aDryRunShowsThePaymentRemindersAndSendsNothing() {
		String org = organization(true);
		String id = defaultRule(org, "payment-reminder");
		Answer answer = call(HttpMethod.POST, "/" + id + "/test", org, paymentDue("payment.due", DUE_DATE));
		assertThat(answer.status()).isEqualTo(200);
		JsonNode result = answer.body();
		assertThat(result.path("outcome").asString()).isEqualTo("planned");
		assertThat(result.path("workflow").asString()).isEqualTo(id);
		// the seeded template's body, {{1}}..{{3}} filled as the rule maps the event
		String text = seeded("payment_reminder").componentsOrEmpty()
			.get(0)
			.text()
			.replace("{{1}}", "Ana Souza")
			.replace("{{2}}", "€450.00")
			.replace("{{3}}", "LIS-77");
		assertThat(result.path("messages")).hasSize(2);
		for (int i = 0; i < 2; i++) {
			JsonNode message = result.path("messages").get(i);
			ZonedDateTime at = ZonedDateTime.of(DUE_DATE.minusDays((i == 0) ? 3 : 1), LocalTime.of(10, 0), MADRID);
			assertThat(message.path("sendAt").asString()).isEqualTo(at.toInstant().toString());
			assertThat(message.path("sendAtLocal").asString()).isEqualTo(at.toOffsetDateTime().toString());
			assertThat(message.path("timeZone").asString()).isEqualTo("Europe/Madrid");
			assertThat(message.path("scheduled").asBoolean()).isTrue();
			assertThat(message.path("to").asString()).isEqualTo("+34600123456");
			assertThat(message.path("from").asString()).isEqualTo("pn-" + org);
			assertThat(message.path("template").asString()).isEqualTo("payment_reminder");
			assertThat(message.path("text").asString()).isEqualTo(text);
		}
		assertThat(count("select count(*) as n from scheduled_messages where organization_id = :org", org)).isZero();
		assertThat(count("select count(*) as n from outbox where payload like '%' || :org || '%'", org)).isZero();
		assertThat(this.sendRequests.of(org)).isEmpty();
	}

	@Test
	void aDryRunWithAnEventOfAnotherTypeIs422() {
		String org = organization(true);
		String id = defaultRule(org, "payment-reminder");
		Answer answer = call(HttpMethod.POST, "/" + id + "/test", org, paymentDue("booking.confirmed", DUE_DATE));
		assertProblem(answer, 422, "invalid-workflow");
		assertThat(errors(answer)).containsOnlyKeys("type");
		assertThat(errors(answer).get("type")).contains("booking.confirmed", "payment.due");
	}

	@Test
	void aDryRunOfAFalseConditionIsSkipped() {
		String org = organization(true);
		ObjectNode rule = (ObjectNode) tourOperator("payment-reminder");
		rule.put("name", "usd-payments");
		((ObjectNode) rule.path("trigger")).set("conditions",
				Json.mapper().readTree("[{\"pointer\": \"/currency\", \"equals\": \"USD\"}]"));
		String id = call(HttpMethod.POST, "", org, rule.toString()).body().path("id").asString();
		Answer answer = call(HttpMethod.POST, "/" + id + "/test", org, paymentDue("payment.due", DUE_DATE));
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body().path("outcome").asString()).isEqualTo("skipped");
		assertThat(answer.body().path("reason").asString()).isEqualTo("condition_false");
		assertThat(answer.body().path("messages").isArray()).isTrue();
		assertThat(answer.body().path("messages")).isEmpty();
	}

	@Test
	void withoutTheServiceTokenIs401() {
		this.web.get()
			.uri("/internal/workflows?organizationId={org}", "org-any")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		this.web.post()
			.uri("/internal/workflows?organizationId={org}", "org-any")
			.headers((headers) -> headers.setBearerAuth("not-the-token"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(welcome("x"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	private Answer call(HttpMethod method, String path, String org, @Nullable String body) {
		WebTestClient.RequestBodySpec request = this.web.method(method)
			.uri("/internal/workflows" + path + "?organizationId={org}", org)
			.headers((headers) -> headers.setBearerAuth(TOKEN));
		WebTestClient.RequestHeadersSpec<?> ready = (body != null)
				? request.contentType(MediaType.APPLICATION_JSON).bodyValue(body) : request;
		EntityExchangeResult<String> result = ready.exchange().expectBody(String.class).returnResult();
		String text = result.getResponseBody();
		return new Answer(result.getStatus().value(), result.getResponseHeaders(),
				(text != null) ? Json.mapper().readTree(text) : Json.mapper().missingNode());
	}

	private int status(HttpMethod method, String path, String org, @Nullable String body) {
		return call(method, path, org, body).status();
	}

	private static void assertProblem(Answer answer, int status, String kind) {
		assertThat(answer.status()).isEqualTo(status);
		assertThat(answer.body().path("type").asString()).isEqualTo(PROBLEM + kind);
	}

	/** The organization's rules, as the list route answers them. */
	private List<JsonNode> items(String org) {
		Answer answer = call(HttpMethod.GET, "", org, null);
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body().path("items").isArray()).isTrue();
		return answer.body().path("items").valueStream().toList();
	}

	private List<String> versions(String org, String id) {
		Answer answer = call(HttpMethod.GET, "/" + id + "/versions", org, null);
		assertThat(answer.status()).isEqualTo(200);
		return answer.body()
			.path("items")
			.valueStream()
			.map((v) -> v.path("version").asInt() + " " + v.path("change").asString() + " "
					+ v.path("enabled").asBoolean())
			.toList();
	}

	private static Map<String, String> errors(Answer answer) {
		return answer.body()
			.path("errors")
			.valueStream()
			.collect(Collectors.toMap((e) -> e.path("field").asString(), (e) -> e.path("message").asString(),
					(a, b) -> a + " / " + b));
	}

	private String defaultRule(String org, String name) {
		return call(HttpMethod.POST, "/defaults", org, null).body()
			.path("items")
			.valueStream()
			.filter((item) -> name.equals(item.path("name").asString()))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asString();
	}

	private long count(String sql, String org) {
		return this.db.sql(sql).bind("org", org).map((row) -> row.get("n", Long.class)).one().block();
	}

	/**
	 * A new organization with a default business number, and the simulator's templates in
	 * its account unless {@code withTemplates} is false.
	 */
	private String organization(boolean withTemplates) {
		String org = "org-api-" + UUID.randomUUID().toString().substring(0, 8);
		PhoneNumberConfigured number = PhoneNumberConfigured.of(org, "pn-" + org, "waba-" + org, "+15550100",
				"sealed-token", 80, true);
		StepVerifier.create(this.publisher.publish(Topics.ACCOUNTS, number))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.accounts.phoneNumber("pn-" + org).isPresent());
		if (withTemplates) {
			seeded()
				.forEach((template) -> this.templates.apply(TemplateSnapshot.of(org, "waba-" + org, template, "v1")));
		}
		return org;
	}

	private record Answer(int status, HttpHeaders headers, JsonNode body) {

	}

}
