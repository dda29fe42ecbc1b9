package com.waplatform.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.waplatform.common.json.Json;
import com.waplatform.devstack.DemoAccount;
import com.waplatform.devstack.LocalPlatform;
import com.waplatform.devstack.LocalPlatform.Service;
import com.waplatform.devstack.PlatformOptions;
import com.waplatform.systemtests.JsonCalls.Answer;
import com.waplatform.systemtests.TemplateSends.Style;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The template issue's "done when", end to end: the whole platform against a simulator
 * seeded with a few hundred templates in three WhatsApp Business Accounts (the seed
 * templates plus a generated catalog per account: five languages, positional and named
 * parameters, every header format, every button type, every status).
 * <ol>
 * <li>template-service's sync loads them all, a second sync changes nothing, and Meta's
 * status webhook changes a template's sendability within 5 seconds;</li>
 * <li>every template error the simulator raises (132000, 132001, 132005, 132012, 132015,
 * 132016) is caught by the gateway before sending, and nothing reaches the simulator,
 * while the same send made straight to the simulator gets that error;</li>
 * <li>for every approved template of the three accounts, the gateway's preview is what
 * the simulator renders for the same send.</li>
 * </ol>
 */
class TemplatesEndToEndTests {

	private static final Logger logger = LoggerFactory.getLogger(TemplatesEndToEndTests.class);

	private static final int CATALOG_PER_WABA = 100;

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final Duration SENDABILITY = Duration.ofSeconds(5);

	private static final Set<String> ACCEPTED = Set.of("accepted", "sent", "delivered", "read");

	private static final Set<String> REFUSED = Set.of("failed", "rejected", "expired");

	private static LocalPlatform platform;

	private static DemoAccount demo;

	private static final List<Business> businesses = new ArrayList<>();

	private static JsonCalls api;

	private static JsonCalls simulator;

	private static JsonCalls graph;

	private static boolean catalogLoaded;

	@BeforeAll
	static void startPlatform() {
		platform = LocalPlatform.start(PlatformOptions.randomPorts()
			.withOverrides(Map.of("platform.kafka.partitions", 2, "spring.main.banner-mode", "off",
					"simulator.catalog.templates-per-waba", CATALOG_PER_WABA)));
		demo = platform.demo();
		api = new JsonCalls(client(Service.GATEWAY), demo.apiKey());
		JsonCalls admin = new JsonCalls(client(Service.GATEWAY), platform.adminToken());
		simulator = new JsonCalls(client(Service.SIMULATOR), null);
		graph = simulator.withBearer(demo.accessToken());
		businesses
			.add(new Business(demo.wabaId(), demo.phoneNumberId(), demo.displayPhoneNumber(), demo.accessToken()));
		for (int i = 1; i <= 2; i++) {
			Business business = new Business("10229012934040" + i, "10654035224293" + i, "+1555078390" + i,
					"second-access-token-" + i);
			Map<String, Object> account = new LinkedHashMap<>();
			account.put("wabaId", business.wabaId());
			account.put("phoneNumberId", business.phoneNumberId());
			account.put("displayPhoneNumber", business.displayPhoneNumber());
			account.put("accessToken", business.accessToken());
			account.put("appSecret", demo.appSecret());
			account.put("enforceServiceWindow", false);
			assertThat(simulator.post("/admin/accounts", account).status()).isEqualTo(200);
			Map<String, Object> number = new LinkedHashMap<>();
			number.put("phoneNumberId", business.phoneNumberId());
			number.put("wabaId", business.wabaId());
			number.put("displayPhoneNumber", business.displayPhoneNumber());
			number.put("accessToken", business.accessToken());
			number.put("throughputPerSecond", 80);
			number.put("default", false);
			Answer configured = admin.post("/v1/admin/organizations/{org}/phone-numbers", number,
					demo.organizationId());
			assertThat(configured.status()).as("%s", configured).isEqualTo(201);
			businesses.add(business);
		}
	}

	@AfterAll
	static void stopPlatform() {
		if (platform != null) {
			platform.close();
		}
	}

	// 1. sync and status webhooks

	@Test
	void aSyncLoadsEveryTemplateOfEveryAccountAndASecondSyncChangesNothing() {
		awaitCatalogLoaded();
		int total = 0;
		for (Business business : businesses) {
			List<JsonNode> held = simulatorTemplates(business.wabaId());
			total += held.size();
			logger.info("WABA {}: {} templates loaded, by status {}, languages {}, header formats {}, buttons {}",
					business.wabaId(), held.size(), countBy(held, "status"), countBy(held, "language"),
					headerFormats(held), buttonTypes(held));
		}
		assertThat(total).isGreaterThanOrEqualTo(3 * (CATALOG_PER_WABA + 10));

		Answer sync = api.post("/v1/templates/sync", null);

		assertThat(sync.status()).as("%s", sync).isEqualTo(200);
		logger.info("Second sync: {}", sync.json());
		assertThat(sync.json().path("failures")).isEmpty();
		JsonNode reports = sync.json().path("reports");
		assertThat(reports).hasSize(businesses.size());
		for (JsonNode report : reports) {
			int held = simulatorTemplates(report.path("wabaId").asString()).size();
			assertThat(report.path("seen").asInt()).as("%s", report).isEqualTo(held);
			assertThat(report.path("unchanged").asInt()).as("%s", report).isEqualTo(held);
			assertThat(report.path("added").asInt()).as("%s", report).isZero();
			assertThat(report.path("changed").asInt()).as("%s", report).isZero();
			assertThat(report.path("removed").asInt()).as("%s", report).isZero();
		}
		assertThat(reports.findValuesAsString("wabaId"))
			.containsExactlyInAnyOrderElementsOf(businesses.stream().map(Business::wabaId).toList());
		assertThat(gatewayListing()).isEqualTo(simulatorListing());
	}

	@Test
	void aStatusWebhookChangesATemplatesSendabilityWithinFiveSeconds() {
		awaitCatalogLoaded();
		Business second = businesses.get(1);
		ObjectNode parameters = Json.mapper().createObjectNode();
		parameters.putArray("parameters").add("Ana");
		assertThat(preview(second, "welcome_message", "en", parameters).status()).isEqualTo(200);
		try {
			long start = System.nanoTime();
			changeStatus(second, "welcome_message", "en", "PAUSED");
			await().atMost(SENDABILITY)
				.pollInterval(Duration.ofMillis(20))
				.until(() -> metaErrorCodes(preview(second, "welcome_message", "en", parameters)).contains(132015));
			Duration paused = Duration.ofNanos(System.nanoTime() - start);
			logger.info("PAUSED status webhook: template refused {} ms after the status change", paused.toMillis());

			String recipient = "+14155550400";
			ObjectNode template = Json.mapper().createObjectNode().put("name", "welcome_message").put("language", "en");
			template.set("parameters", parameters.get("parameters"));
			Answer send = api.post("/v1/messages", message(recipient, template, second.phoneNumberId()));
			assertThat(send.status()).as("%s", send).isEqualTo(422);
			assertThat(metaErrorCodes(send)).containsOnly(132015);
			assertNothingReachedTheSimulator(recipient);
			assertThat(version(detail("welcome_message"), "en", second.wabaId()).path("status").asString())
				.isEqualTo("PAUSED");
			assertThat(version(detail("welcome_message"), "en", second.wabaId()).path("statusReason").asString())
				.as("operators see why")
				.contains("LOW_QUALITY");
			assertThat(version(detail("welcome_message"), "en", demo.wabaId()).path("status").asString())
				.as("the same template of another account")
				.isEqualTo("APPROVED");
		}
		finally {
			long start = System.nanoTime();
			changeStatus(second, "welcome_message", "en", "APPROVED");
			await().atMost(SENDABILITY)
				.pollInterval(Duration.ofMillis(20))
				.until(() -> preview(second, "welcome_message", "en", parameters).status() == 200);
			logger.info("APPROVED status webhook: template sendable again {} ms after the status change",
					Duration.ofNanos(System.nanoTime() - start).toMillis());
		}
	}

	// 2. every template error of the simulator is caught before sending

	@Test
	void parameterCountMismatchIs132000BeforeSending() {
		ObjectNode template = template("booking_confirmation", "en");
		template.putArray("components").add(body("Ana", "Lisbon Old Town Walk", "2026-06-01"));
		assertCaughtBeforeSending(132000, 0, template);
	}

	@Test
	void languageTheTemplateDoesNotExistInIs132001BeforeSending() {
		ObjectNode template = template("booking_confirmation", "es");
		template.putArray("components").add(body("Ana", "Lisbon Old Town Walk", "2026-06-01", "BK-1042"));
		assertCaughtBeforeSending(132001, 1, template);
		// Meta answers the same for a template that exists but is not approved
		assertCaughtBeforeSending(132001, 7, validSendOfATemplateWithStatus("PENDING"));
	}

	@Test
	void bodyTooLongOnceFilledInIs132005BeforeSending() {
		ObjectNode template = template("booking_actions", "en");
		template.putArray("components").add(body("x".repeat(1024))).add(urlButton(2, "BK-1042"));
		assertCaughtBeforeSending(132005, 2, template);
	}

	@Test
	void mediaHeaderOfAnotherFormatIs132012BeforeSending() {
		ObjectNode template = template("tour_photo", "en");
		ObjectNode video = Json.mapper().createObjectNode().put("type", "video");
		video.putObject("video").put("link", "https://cdn.example.com/tour.mp4");
		ObjectNode header = Json.mapper().createObjectNode().put("type", "header");
		header.putArray("parameters").add(video);
		template.putArray("components").add(header).add(body("Ana"));
		assertCaughtBeforeSending(132012, 3, template);
	}

	@Test
	void pausedTemplateIs132015BeforeSending() {
		assertCaughtBeforeSending(132015, 4, validSendOfATemplateWithStatus("PAUSED"));
	}

	@Test
	void disabledTemplateIs132016BeforeSending() {
		assertCaughtBeforeSending(132016, 5, validSendOfATemplateWithStatus("DISABLED"));
	}

	/**
	 * Meta documents a body parameter of at most 1024 characters, 32768 when the body is
	 * the template's only component: such a send must pass both the gateway and the
	 * simulator, and only a longer one is 132005 on both sides.
	 */
	@Test
	void aBodyOnlyTemplateTakesTheLongerParameterMetaAllowsOnBothSides() {
		awaitCatalogLoaded();
		String name = "x".repeat(2000);
		ObjectNode template = template("welcome_message", "en");
		template.putArray("components").add(body(name));

		Answer accepted = api.post("/v1/messages", message("+14155550500", template, null));

		assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
		String wamid = awaitWamid(accepted.json().path("id").asString());
		assertThat(simulator.get("/admin/ledger/{wamid}/rendered", wamid).json().path("body").asString())
			.isEqualTo("Welcome " + name + "! Reply to this message any time to talk to us.");

		ObjectNode tooLong = template("welcome_message", "en");
		tooLong.putArray("components").add(body("x".repeat(32769)));
		assertCaughtBeforeSending(132005, 6, tooLong);
	}

	// 3. preview = what the simulator renders

	@Test
	void previewIsWhatTheSimulatorRendersForEveryApprovedTemplate() {
		awaitCatalogLoaded();
		Map<String, JsonNode> details = new HashMap<>();
		List<String> problems = new ArrayList<>();
		Map<String, Sent> sent = new LinkedHashMap<>();
		List<JsonNode> approved = new ArrayList<>();
		int seq = 0;
		for (Business business : businesses) {
			for (JsonNode held : simulatorTemplates(business.wabaId())) {
				if (!"APPROVED".equals(held.path("status").asString())) {
					continue;
				}
				approved.add(held);
				seq++;
				String name = held.path("name").asString();
				String language = held.path("language").asString();
				String label = name + " (" + language + ", WABA " + business.wabaId() + ")";
				JsonNode version = version(details.computeIfAbsent(name, TemplatesEndToEndTests::detail), language,
						business.wabaId());
				if (version == null) {
					problems.add(label + ": not listed by GET /v1/templates/" + name);
					continue;
				}
				ObjectNode template;
				try {
					template = TemplateSends.valid(name, version, (seq % 2 == 0) ? Style.SHORTHAND : Style.COMPONENTS,
							seq);
				}
				catch (IllegalStateException ex) {
					problems.add(label + ": " + ex.getMessage());
					continue;
				}
				Answer preview = preview(business, name, language, TemplateSends.previewBody(template));
				if (preview.status() != 200) {
					problems.add(label + ": preview of " + template + " answered " + preview);
					continue;
				}
				String recipient = "+1415555" + (1000 + seq);
				Answer accepted = api.post("/v1/messages", message(recipient, template, business.phoneNumberId()));
				if (accepted.status() != 202) {
					problems.add(label + ": send of " + template + " answered " + accepted);
					continue;
				}
				sent.put(accepted.json().path("id").asString(),
						new Sent(label, business, name, language, template, preview.json()));
			}
		}
		Map<String, String> wamids = awaitOutcomes(sent, problems);
		for (Map.Entry<String, String> outcome : wamids.entrySet()) {
			Sent send = sent.get(outcome.getKey());
			Answer rendered = simulator.get("/admin/ledger/{wamid}/rendered", outcome.getValue());
			if (rendered.status() != 200) {
				problems.add(send.label() + ": the simulator has no rendering of " + outcome.getValue());
				continue;
			}
			List<JsonNode> entries = new ArrayList<>();
			simulator.get((uri) -> uri.path("/admin/ledger").queryParam("callbackData", "{id}").build(outcome.getKey()))
				.json()
				.forEach(entries::add);
			if (entries.size() != 1
					|| !send.business().phoneNumberId().equals(entries.get(0).path("phoneNumberId").asString())
					|| !send.name().equals(entries.get(0).path("templateName").asString())
					|| !send.language().equals(entries.get(0).path("templateLanguage").asString())) {
				problems.add(send.label() + ": the simulator's ledger holds " + entries);
			}
			Renderings.differences(send.preview(), rendered.json())
				.forEach((difference) -> problems.add(send.label() + ": " + difference));
			if (send.preview().path("body").asString().contains("{{")) {
				problems.add(send.label() + ": a variable was left unfilled: " + send.preview().path("body"));
			}
			JsonNode location = send.preview().path("header").path("location");
			if (!location.isMissingNode() && !location.isNull()) {
				JsonNode given = send.template().path("components").get(0).path("parameters").get(0).path("location");
				if (!location.equals(given)) {
					problems.add(send.label() + ": preview location " + location + ", sent " + given);
				}
			}
		}
		logger.info("Preview vs simulator: {} approved templates of {} WABAs, {} sent, {} accepted, {} problems",
				approved.size(), businesses.size(), sent.size(), wamids.size(), problems.size());
		assertThat(problems)
			.as("templates whose preview and simulator rendering disagree\n%s", String.join("\n", problems))
			.isEmpty();
		assertThat(approved).hasSizeGreaterThanOrEqualTo(businesses.size() * CATALOG_PER_WABA * 4 / 5);
		assertThat(wamids).hasSize(approved.size());
		assertThat(countBy(approved, "language").keySet()).containsExactlyInAnyOrder("en", "en_US", "es", "pt_BR",
				"de");
		assertThat(headerFormats(approved)).containsKeys("TEXT", "IMAGE", "VIDEO", "DOCUMENT", "LOCATION");
		assertThat(buttonTypes(approved)).containsKeys("QUICK_REPLY", "URL", "PHONE_NUMBER", "COPY_CODE", "OTP", "FLOW",
				"CATALOG");
		assertThat(countBy(approved, "parameter_format")).containsKeys("NAMED", "POSITIONAL");
	}

	// helpers

	private static void assertCaughtBeforeSending(int metaErrorCode, int caseNumber, ObjectNode template) {
		awaitCatalogLoaded();
		String recipient = "+1415555020" + caseNumber;

		Answer refused = api.post("/v1/messages", message(recipient, template, null));

		assertThat(refused.status()).as("%s", refused).isEqualTo(422);
		assertThat(refused.json().path("type").asString()).isEqualTo("urn:waplatform:problem:invalid-template-message");
		assertThat(metaErrorCodes(refused)).as("%s", refused).containsOnly(metaErrorCode);
		logger.info("{} caught before sending: {}", metaErrorCode, refused.json().path("detail").asString());
		assertNothingReachedTheSimulator(recipient);

		// the same send with the check bypassed: the simulator does raise that error
		String bypass = "+1415555030" + caseNumber;
		ObjectNode meta = Json.mapper()
			.createObjectNode()
			.put("messaging_product", "whatsapp")
			.put("recipient_type", "individual")
			.put("to", bypass)
			.put("type", "template");
		meta.set("template", template);
		Answer straight = graph.post("/v23.0/{phoneNumberId}/messages", meta, demo.phoneNumberId());
		assertThat(straight.status()).as("%s", straight).isIn(400, 404);
		assertThat(straight.json().path("error").path("code").asInt()).as("%s", straight).isEqualTo(metaErrorCode);
	}

	private static void assertNothingReachedTheSimulator(String recipient) {
		Answer stored = api.get((uri) -> uri.path("/v1/messages").queryParam("to", "{to}").build(recipient));
		assertThat(stored.json().path("messages")).as("messages stored for %s", recipient).isEmpty();
		Answer ledger = simulator.get((uri) -> uri.path("/admin/ledger").queryParam("to", "{to}").build(recipient));
		assertThat(ledger.json()).as("simulator ledger for %s", recipient).isEmpty();
		String digits = recipient.substring(1);
		assertThat(simulator.get("/admin/ledger/rejections").json())
			.noneMatch((rejection) -> rejection.path("requestJson").asString().contains(digits));
	}

	private static ObjectNode validSendOfATemplateWithStatus(String status) {
		awaitCatalogLoaded();
		JsonNode held = simulatorTemplates(demo.wabaId()).stream()
			.filter((template) -> status.equals(template.path("status").asString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the simulator holds no " + status + " template"));
		String name = held.path("name").asString();
		JsonNode version = version(detail(name), held.path("language").asString(), demo.wabaId());
		assertThat(version).as("%s (%s) as the gateway lists it", name, held.path("language")).isNotNull();
		assertThat(version.path("status").asString()).isEqualTo(status);
		return TemplateSends.valid(name, version, Style.COMPONENTS, 7);
	}

	/** Waits until Meta accepted the message; fails at once if it was refused. */
	private static String awaitWamid(String id) {
		return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
			JsonNode message = api.get("/v1/messages/{id}", id).json();
			String status = message.path("status").asString();
			if (REFUSED.contains(status)) {
				throw new IllegalStateException("message " + id + " was not accepted: " + message);
			}
			return (ACCEPTED.contains(status) && message.hasNonNull("wamid")) ? message.path("wamid").asString() : null;
		}, Objects::nonNull);
	}

	/** Waits for every sent message's outcome; answers the wamids of the accepted. */
	private static Map<String, String> awaitOutcomes(Map<String, Sent> sent, List<String> problems) {
		Map<String, String> wamids = new LinkedHashMap<>();
		Set<String> pending = new TreeSet<>(sent.keySet());
		await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			for (String id : List.copyOf(pending)) {
				JsonNode message = api.get("/v1/messages/{id}", id).json();
				String status = message.path("status").asString();
				if (ACCEPTED.contains(status) && message.hasNonNull("wamid")) {
					wamids.put(id, message.path("wamid").asString());
					pending.remove(id);
				}
				else if (REFUSED.contains(status)) {
					problems.add(sent.get(id).label() + ": " + status + " " + message.path("error") + " for "
							+ sent.get(id).template());
					pending.remove(id);
				}
			}
			assertThat(pending).as("messages not accepted yet").isEmpty();
		});
		return wamids;
	}

	private static synchronized void awaitCatalogLoaded() {
		if (catalogLoaded) {
			return;
		}
		long start = System.nanoTime();
		Map<String, Set<String>> held = simulatorListing();
		await().atMost(TIMEOUT)
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(gatewayListing()).isEqualTo(held));
		logger.info("Templates of {} WABAs listed by the gateway, as the simulator holds them, after {} ms more",
				held.size(), Duration.ofNanos(System.nanoTime() - start).toMillis());
		catalogLoaded = true;
	}

	/** WABA → "name|language|status" of every template, as the simulator holds them. */
	private static Map<String, Set<String>> simulatorListing() {
		Map<String, Set<String>> listing = new TreeMap<>();
		for (Business business : businesses) {
			Set<String> templates = new TreeSet<>();
			simulatorTemplates(business.wabaId()).forEach((template) -> templates.add(key(template)));
			listing.put(business.wabaId(), templates);
		}
		return listing;
	}

	/**
	 * WABA → "name|language|status" of every template, as GET /v1/templates pages them.
	 */
	private static Map<String, Set<String>> gatewayListing() {
		Map<String, Set<String>> listing = new TreeMap<>();
		businesses.forEach((business) -> listing.put(business.wabaId(), new TreeSet<>()));
		String cursor = null;
		do {
			String after = cursor;
			JsonNode page = api.get((uri) -> {
				uri.path("/v1/templates").queryParam("limit", 100);
				return (after != null) ? uri.queryParam("cursor", "{cursor}").build(after) : uri.build();
			}).json();
			for (JsonNode template : page.path("templates")) {
				listing.computeIfAbsent(template.path("wabaId").asString(), (waba) -> new TreeSet<>())
					.add(key(template));
			}
			cursor = Renderings.text(page, "nextCursor");
		}
		while (cursor != null);
		return listing;
	}

	private static String key(JsonNode template) {
		return template.path("name").asString() + "|" + template.path("language").asString() + "|"
				+ template.path("status").asString();
	}

	private static List<JsonNode> simulatorTemplates(String wabaId) {
		List<JsonNode> templates = new ArrayList<>();
		simulator.get("/admin/templates/{wabaId}", wabaId).json().forEach(templates::add);
		return templates;
	}

	private static JsonNode detail(String name) {
		Answer detail = api.get("/v1/templates/{name}", name);
		assertThat(detail.status()).as("%s", detail).isEqualTo(200);
		return detail.json();
	}

	private static JsonNode version(JsonNode detail, String language, String wabaId) {
		for (JsonNode version : detail.path("languages")) {
			if (language.equals(version.path("language").asString())
					&& wabaId.equals(version.path("wabaId").asString())) {
				return version;
			}
		}
		return null;
	}

	private static Answer preview(Business business, String name, String language, ObjectNode body) {
		return api.post((uri) -> uri.path("/v1/templates/{name}/preview")
			.queryParam("language", "{language}")
			.queryParam("from", "{from}")
			.build(name, language, business.phoneNumberId()), body);
	}

	private static void changeStatus(Business business, String name, String language, String status) {
		Answer changed = simulator.post("/admin/templates/{waba}/{name}/{language}/status",
				Map.of("status", status, "reason", "PAUSED".equals(status) ? "LOW_QUALITY" : "NONE"), business.wabaId(),
				name, language);
		assertThat(changed.status()).as("%s", changed).isEqualTo(200);
	}

	private static List<Integer> metaErrorCodes(Answer answer) {
		List<Integer> codes = new ArrayList<>();
		if (answer.status() == 422 && answer.body() != null) {
			answer.body().path("errors").forEach((error) -> codes.add(error.path("metaErrorCode").asInt()));
		}
		return codes;
	}

	private static ObjectNode message(String to, ObjectNode template, String from) {
		ObjectNode message = Json.mapper().createObjectNode().put("to", to).put("type", "template");
		message.set("template", template);
		if (from != null) {
			message.put("from", from);
		}
		return message;
	}

	private static ObjectNode template(String name, String language) {
		ObjectNode template = Json.mapper().createObjectNode().put("name", name);
		template.putObject("language").put("code", language);
		return template;
	}

	private static ObjectNode body(String... values) {
		ObjectNode body = Json.mapper().createObjectNode().put("type", "body");
		ArrayNode parameters = body.putArray("parameters");
		for (String value : values) {
			parameters.addObject().put("type", "text").put("text", value);
		}
		return body;
	}

	private static ObjectNode urlButton(int index, String suffix) {
		ObjectNode button = Json.mapper()
			.createObjectNode()
			.put("type", "button")
			.put("sub_type", "url")
			.put("index", Integer.toString(index));
		button.putArray("parameters").addObject().put("type", "text").put("text", suffix);
		return button;
	}

	private static Map<String, Integer> countBy(List<JsonNode> templates, String field) {
		Map<String, Integer> counts = new TreeMap<>();
		templates.forEach((template) -> counts.merge(template.path(field).asString("-"), 1, Integer::sum));
		return counts;
	}

	private static Map<String, Integer> headerFormats(List<JsonNode> templates) {
		Map<String, Integer> counts = new TreeMap<>();
		for (JsonNode template : templates) {
			for (JsonNode component : template.path("components")) {
				if ("HEADER".equals(component.path("type").asString())) {
					counts.merge(component.path("format").asString("TEXT"), 1, Integer::sum);
				}
			}
		}
		return counts;
	}

	private static Map<String, Integer> buttonTypes(List<JsonNode> templates) {
		Map<String, Integer> counts = new TreeMap<>();
		for (JsonNode template : templates) {
			for (JsonNode component : template.path("components")) {
				component.path("buttons")
					.forEach((button) -> counts.merge(button.path("type").asString(), 1, Integer::sum));
			}
		}
		return counts;
	}

	private static WebTestClient client(Service service) {
		return WebTestClient.bindToServer().baseUrl(platform.url(service)).responseTimeout(TIMEOUT).build();
	}

	/**
	 * A WhatsApp Business Account with its one number, known to simulator and gateway.
	 */
	private record Business(String wabaId, String phoneNumberId, String displayPhoneNumber, String accessToken) {
	}

	/** A template send made, with the gateway's preview of it. */
	private record Sent(String label, Business business, String name, String language, ObjectNode template,
			JsonNode preview) {
	}

}
