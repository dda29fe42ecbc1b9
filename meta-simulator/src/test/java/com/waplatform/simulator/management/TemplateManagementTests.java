package com.waplatform.simulator.management;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.waplatform.common.crypto.WebhookSignature;
import com.waplatform.common.json.Json;
import com.waplatform.simulator.Samples;
import com.waplatform.simulator.SimulatorTest;
import com.waplatform.simulator.WebhookReceiver;
import com.waplatform.simulator.WebhookReceiver.Received;
import com.waplatform.simulator.accounts.Account;
import com.waplatform.simulator.accounts.AccountRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Template management as Meta has it: create → PENDING → APPROVED with its webhook,
 * delete, status and quality changes with theirs, usage headers and 80007.
 */
@SimulatorTest
class TemplateManagementTests {

	private static final AtomicInteger NEXT = new AtomicInteger(10);

	private static final String CREATE = """
			{"name":"%s","language":"en_US","category":"utility",
			 "components":[{"type":"BODY","text":"Your order {{1}} shipped.","example":{"body_text":[["A-1"]]}}]}""";

	private final WebTestClient client;

	private final AccountRegistry accounts;

	private WebhookReceiver receiver;

	private Account account;

	TemplateManagementTests(@Autowired WebTestClient client, @Autowired AccountRegistry accounts) {
		this.client = client;
		this.accounts = accounts;
	}

	@BeforeEach
	void newWaba() throws Exception {
		this.receiver = new WebhookReceiver();
		int n = NEXT.incrementAndGet();
		this.account = new Account("3000000000077" + n, "3000000000078" + n, "15550107800", "mgmt-token-" + n,
				"mgmt-secret-" + n, this.receiver.url("/hooks"), null, false, null);
		this.accounts.put(this.account);
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Test
	void aCreatedTemplateIsPendingThenApprovedWithMetasWebhook() {
		JsonNode created = body(templates("POST", "", CREATE.formatted("order_shipped")), 200);
		assertThat(Samples.shape(created))
			.isEqualTo(Samples.shape(Samples.json("api/bindambc_resp_create_template.json")));
		assertThat(created.get("status").asString()).isEqualTo("PENDING");
		assertThat(created.get("category").asString()).isEqualTo("UTILITY");
		String id = created.get("id").asString();
		assertThat(send("order_shipped").get("error").get("code").asInt()).isEqualTo(132001);
		List<Received> hooks = awaitHooks(1);
		JsonNode payload = Json.mapper().readTree(hooks.get(0).body());
		assertThat(WebhookSignature.verify(this.account.appSecret(), hooks.get(0).body(), hooks.get(0).signature()))
			.isTrue();
		assertThat(Samples.shape(payload))
			.isEqualTo(Samples.shape(Samples.json("webhooks/pywa_template_status_update_approved.json")));
		JsonNode value = payload.get("entry").get(0).get("changes").get(0).get("value");
		assertThat(payload.get("entry").get(0).get("id").asString()).isEqualTo(this.account.wabaId());
		assertThat(value.get("event").asString()).isEqualTo("APPROVED");
		assertThat(value.get("message_template_id").asString()).isEqualTo(id);
		assertThat(value.get("message_template_name").asString()).isEqualTo("order_shipped");
		assertThat(value.get("message_template_language").asString()).isEqualTo("en_US");
		assertThat(value.get("reason").asString()).isEqualTo("NONE");
		assertThat(send("order_shipped").has("messages")).isTrue();
	}

	@Test
	void creationIsValidatedLikeMetas() {
		for (String invalid : List.of(CREATE.formatted("Bad-Name"), CREATE.formatted("ok").replace("utility", "promo"),
				"""
						{"name":"no_body","language":"en_US","category":"UTILITY","components":[{"type":"FOOTER","text":"x"}]}""")) {
			assertThat(body(templates("POST", "", invalid), 400).get("error").get("code").asInt()).isEqualTo(100);
		}
		body(templates("POST", "", CREATE.formatted("twice")), 200);
		assertThat(body(templates("POST", "", CREATE.formatted("twice")), 400).get("error").get("code").asInt())
			.isEqualTo(100);
	}

	@Test
	void deletingRemovesEveryLanguageOfTheName() {
		body(templates("POST", "", CREATE.formatted("to_delete")), 200);
		body(templates("POST", "", CREATE.formatted("to_delete").replace("en_US", "es")), 200);
		assertThat(body(templates("DELETE", "?name=to_delete", null), 200)).isEqualTo(Json.mapper().readTree("""
				{"success":true}"""));
		assertThat(body(templates("GET", "?name=to_delete", null), 200).get("data")).isEmpty();
		assertThat(body(templates("DELETE", "?name=to_delete", null), 400).get("error").get("code").asInt())
			.isEqualTo(100);
	}

	@Test
	void statusAndQualityChangesPostTheirWebhooksAndPauseSends() {
		changeStatus("welcome_message", "{\"status\":\"PAUSED\",\"reason\":\"LOW_QUALITY\"}");
		JsonNode paused = value(awaitHooks(1).get(0));
		assertThat(paused.get("event").asString()).isEqualTo("PAUSED");
		assertThat(paused.get("reason").asString()).isEqualTo("LOW_QUALITY");
		JsonNode error = send("welcome_message").get("error");
		assertThat(error.get("code").asInt()).isEqualTo(132015);
		assertThat(error.get("message").asString()).isEqualTo("(#132015) Template is paused");
		changeStatus("welcome_message", "{\"status\":\"DISABLED\"}");
		assertThat(send("welcome_message").get("error").get("code").asInt()).isEqualTo(132016);
		this.client.post()
			.uri("/admin/templates/{waba}/welcome_message/en/quality", this.account.wabaId())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"score\":\"YELLOW\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.quality_score.score")
			.isEqualTo("YELLOW");
		Received quality = awaitHooks(3).get(2);
		assertThat(Samples.shape(Json.mapper().readTree(quality.body())))
			.isEqualTo(Samples.shape(Samples.json("webhooks/pywa_template_quality_update_yellow.json")));
		assertThat(value(quality).get("previous_quality_score").asString()).isEqualTo("UNKNOWN");
		assertThat(value(quality).get("new_quality_score").asString()).isEqualTo("YELLOW");
	}

	@Test
	void templateCallsCarryTheUsageHeaderAndAre80007OverTheQuota() {
		this.client.post()
			.uri("/admin/limits/wabas/{waba}", this.account.wabaId())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"managementCallsPerHour\":4}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
		for (int call = 1; call <= 4; call++) {
			EntityExchangeResult<byte[]> result = templates("GET", "?limit=1", null);
			assertThat(result.getStatus().value()).isEqualTo(200);
			JsonNode usage = usage(result);
			assertThat(usage.get("type").asString()).isEqualTo("whatsapp_business_management");
			assertThat(usage.get("call_count").asInt()).isEqualTo(call * 25);
			assertThat(usage.get("total_time").asInt()).isEqualTo(call * 25);
			assertThat(usage.get("estimated_time_to_regain_access").asInt()).isZero();
		}
		EntityExchangeResult<byte[]> throttled = templates("POST", "", CREATE.formatted("too_many"));
		JsonNode error = body(throttled, 400).get("error");
		assertThat(error.get("code").asInt()).isEqualTo(80007);
		assertThat(error.get("fbtrace_id").asString()).isNotBlank();
		assertThat(usage(throttled).get("call_count").asInt()).isEqualTo(100);
		assertThat(usage(throttled).get("estimated_time_to_regain_access").asInt()).isGreaterThan(0);
		assertThat(throttled.getResponseHeaders().getFirst("x-fb-trace-id")).isNotBlank();
	}

	private JsonNode usage(EntityExchangeResult<byte[]> result) {
		String header = result.getResponseHeaders().getFirst("x-business-use-case-usage");
		assertThat(header).isNotNull();
		JsonNode usage = Json.mapper().readTree(header);
		assertThat(usage.propertyNames()).containsExactly(this.account.wabaId());
		return usage.get(this.account.wabaId()).get(0);
	}

	private void changeStatus(String name, String json) {
		this.client.post()
			.uri("/admin/templates/{waba}/{name}/en/status", this.account.wabaId(), name)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
	}

	private EntityExchangeResult<byte[]> templates(String method, String query, String json) {
		WebTestClient.RequestBodySpec request = this.client.method(org.springframework.http.HttpMethod.valueOf(method))
			.uri("/v23.0/" + this.account.wabaId() + "/message_templates" + query)
			.headers((headers) -> headers.setBearerAuth(this.account.accessToken()));
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).bodyValue(json);
		}
		return request.exchange().expectBody().returnResult();
	}

	private JsonNode send(String template) {
		byte[] body = this.client.post()
			.uri("/v23.0/{id}/messages", this.account.phoneNumberId())
			.headers((headers) -> headers.setBearerAuth(this.account.accessToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(template.equals("welcome_message") ? """
					{"messaging_product":"whatsapp","to":"+16505559000","type":"template",
					 "template":{"name":"welcome_message","language":{"code":"en"},
					  "components":[{"type":"body","parameters":[{"type":"text","text":"Ana"}]}]}}"""
					: """
							{"messaging_product":"whatsapp","to":"+16505559000","type":"template",
							 "template":{"name":"%s","language":{"code":"en_US"},
							  "components":[{"type":"body","parameters":[{"type":"text","text":"A-1"}]}]}}"""
						.formatted(template))
			.exchange()
			.expectBody()
			.returnResult()
			.getResponseBody();
		return Json.mapper().readTree(body);
	}

	private static JsonNode body(EntityExchangeResult<byte[]> result, int status) {
		assertThat(result.getStatus().value()).as(new String(result.getResponseBody())).isEqualTo(status);
		return Json.mapper().readTree(result.getResponseBody());
	}

	private List<Received> awaitHooks(int count) {
		await().atMost(Duration.ofSeconds(5)).until(() -> this.receiver.received().size() >= count);
		return this.receiver.received();
	}

	private static JsonNode value(Received hook) {
		return Json.mapper().readTree(hook.body()).get("entry").get(0).get("changes").get(0).get("value");
	}

}
