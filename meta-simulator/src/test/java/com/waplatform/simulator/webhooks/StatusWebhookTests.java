package com.waplatform.simulator.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.waplatform.common.crypto.WebhookSignature;
import com.waplatform.common.json.Json;
import com.waplatform.simulator.Samples;
import com.waplatform.simulator.SimulatorTest;
import com.waplatform.simulator.TestAccounts;
import com.waplatform.simulator.WebhookReceiver;
import com.waplatform.simulator.WebhookReceiver.Received;
import com.waplatform.simulator.accounts.Account;
import com.waplatform.simulator.accounts.AccountRegistry;
import com.waplatform.simulator.conversations.CustomerWindows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Signed status and inbound webhooks posted to a receiver, as Meta posts them. */
@SimulatorTest
class StatusWebhookTests {

	private static final AtomicInteger NEXT_ACCOUNT = new AtomicInteger();

	private static final String SECRET = "webhook-test-secret";

	private final WebTestClient client;

	private final AccountRegistry accounts;

	private final CustomerWindows windows;

	private WebhookReceiver receiver;

	private Account account;

	StatusWebhookTests(@Autowired WebTestClient client, @Autowired AccountRegistry accounts,
			@Autowired CustomerWindows windows) {
		this.client = client;
		this.accounts = accounts;
		this.windows = windows;
	}

	@BeforeEach
	void startReceiver() throws Exception {
		this.receiver = new WebhookReceiver();
		String phoneNumberId = "3000000000009" + String.format("%02d", NEXT_ACCOUNT.incrementAndGet());
		this.account = new Account(TestAccounts.WABA_ID, phoneNumberId, "15550109999", "webhook-token-" + phoneNumberId,
				SECRET, this.receiver.url("/meta/webhooks"), null, false, null);
		this.accounts.put(this.account);
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Test
	void postsSentDeliveredReadInOrderSignedLikeMeta() {
		String wamid = send("""
				{"messaging_product":"whatsapp","to":"+16505551234","type":"text","text":{"body":"Olá"},
				 "biz_opaque_callback_data":"café-42"}""");
		List<Received> received = awaitWebhooks(3);
		assertThat(received).extracting((request) -> status(request).get("status").asString())
			.containsExactly("sent", "delivered", "read");
		for (Received request : received) {
			assertThat(WebhookSignature.verify(SECRET, request.body(), request.signature())).isTrue();
			assertThat(request.contentType()).startsWith("application/json");
			assertThat(request.userAgent()).isEqualTo("facebookexternalua");
			assertThat(request.path()).isEqualTo("/meta/webhooks");
			String raw = new String(request.body(), StandardCharsets.US_ASCII);
			assertThat(raw).contains("caf\\u00E9-42").doesNotContain("é");
			JsonNode status = status(request);
			assertThat(status.get("id").asString()).isEqualTo(wamid);
			assertThat(status.get("recipient_id").asString()).isEqualTo("16505551234");
			assertThat(status.get("biz_opaque_callback_data").asString()).isEqualTo("café-42");
			assertThat(Long.parseLong(status.get("timestamp").asString())).isCloseTo(System.currentTimeMillis() / 1000,
					org.assertj.core.data.Offset.offset(60L));
			JsonNode value = Json.mapper()
				.readTree(request.body())
				.get("entry")
				.get(0)
				.get("changes")
				.get(0)
				.get("value");
			assertThat(value.get("metadata").get("phone_number_id").asString()).isEqualTo(this.account.phoneNumberId());
			assertThat(value.get("metadata").get("display_phone_number").asString()).isEqualTo("15550109999");
		}
		JsonNode sent = Json.mapper().readTree(received.get(0).body());
		assertThat(Samples.shape(sent))
			.isEqualTo(metaStatusShape("webhooks/pywa_status_sent_biz_opaque_callback_data.json"));
		assertThat(status(received.get(0)).get("pricing").get("category").asString()).isEqualTo("service");
		assertThat(status(received.get(2)).has("pricing")).isFalse();
	}

	@Test
	void templateStatusesArePricedByCategory() {
		send("""
				{"messaging_product":"whatsapp","to":"+16505551234","type":"template",
				 "template":{"name":"welcome_message","language":{"code":"en"},
				  "components":[{"type":"body","parameters":[{"type":"text","text":"Ana"}]}]}}""");
		List<Received> received = awaitWebhooks(3);
		JsonNode delivered = status(received.get(1));
		assertThat(delivered.get("status").asString()).isEqualTo("delivered");
		assertThat(Samples.shape(Json.mapper().readTree(received.get(1).body())))
			.isEqualTo(metaStatusShape("webhooks/pywa_status_delivered.json"));
		assertThat(delivered.get("pricing")).isEqualTo(Json.mapper().readTree("""
				{"billable":true,"pricing_model":"PMP","category":"utility","type":"regular"}"""));
	}

	@Test
	void retriesFailedDeliveriesAsMetaDoesAndKeepsTheOrder() {
		// an endpoint down for six attempts (a restart): Meta keeps redelivering for
		// days, so nothing is lost
		this.receiver.respondWith(500, 503, 500, 503, 500, 503);
		send("""
				{"messaging_product":"whatsapp","to":"+16505551234","type":"text","text":{"body":"retry me"}}""");
		List<Received> received = awaitWebhooks(9);
		assertThat(received)
			.extracting((request) -> status(request).get("status").asString() + "/" + request.answeredStatus())
			.containsExactly("sent/500", "sent/503", "sent/500", "sent/503", "sent/500", "sent/503", "sent/200",
					"delivered/200", "read/200");
		assertThat(received.get(0).body()).isEqualTo(received.get(6).body());
	}

	@Test
	void markAsReadPostsNoWebhook() {
		this.client.post()
			.uri("/v23.0/{id}/messages", this.account.phoneNumberId())
			.headers((headers) -> headers.setBearerAuth(this.account.accessToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"messaging_product":"whatsapp","status":"read","message_id":"wamid.abc"}""")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
		String wamid = send("""
				{"messaging_product":"whatsapp","to":"+16505551234","type":"reaction",
				 "reaction":{"message_id":"wamid.abc","emoji":"👍"}}""");
		List<Received> received = awaitWebhooks(3);
		assertThat(received).allMatch((request) -> wamid.equals(status(request).get("id").asString()));
	}

	@Test
	void inboundTextIsPostedSignedAndOpensTheWindow() {
		byte[] answer = this.client.post()
			.uri("/admin/inbound")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"phoneNumberId":"%s","from":"+16505551234","text":"Olá 😀","name":"Ana"}"""
				.formatted(this.account.phoneNumberId()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		JsonNode result = Json.mapper().readTree(answer);
		assertThat(result.get("delivered").asBoolean()).isTrue();
		List<Received> received = this.receiver.received();
		assertThat(received).hasSize(1);
		Received inbound = received.get(0);
		assertThat(WebhookSignature.verify(SECRET, inbound.body(), inbound.signature())).isTrue();
		assertThat(new String(inbound.body(), StandardCharsets.US_ASCII)).contains("Ol\\u00E1 \\uD83D\\uDE00");
		JsonNode payload = Json.mapper().readTree(inbound.body());
		assertThat(Samples.shape(payload)).isEqualTo(Samples.shape(Samples.json("webhooks/spec_inbound_text.json")));
		JsonNode message = payload.get("entry").get(0).get("changes").get(0).get("value").get("messages").get(0);
		assertThat(message.get("from").asString()).isEqualTo("16505551234");
		assertThat(message.get("text").get("body").asString()).isEqualTo("Olá 😀");
		assertThat(message.get("id").asString()).isEqualTo(result.get("id").asString());
		assertThat(this.windows.lastInbound(this.account.phoneNumberId(), "16505551234")).isPresent();
	}

	@Test
	void unreachableReceiverDoesNotBlockSends() {
		this.receiver.close();
		for (int i = 0; i < 3; i++) {
			send("""
					{"messaging_product":"whatsapp","to":"+16505551234","text":{"body":"nobody listens"}}""");
		}
	}

	private String send(String json) {
		return send(this.client, this.account, json);
	}

	/** Sends {@code json} from {@code account}'s number; the wamid. */
	static String send(WebTestClient client, Account account, String json) {
		byte[] body = client.post()
			.uri("/v23.0/{id}/messages", account.phoneNumberId())
			.headers((headers) -> headers.setBearerAuth(account.accessToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		return Json.mapper().readTree(body).get("messages").get(0).get("id").asString();
	}

	private List<Received> awaitWebhooks(int count) {
		await().atMost(Duration.ofSeconds(10)).until(() -> this.receiver.received().size() >= count);
		await().during(Duration.ofMillis(150))
			.atMost(Duration.ofSeconds(2))
			.until(() -> this.receiver.received().size() == count);
		return this.receiver.received();
	}

	private static JsonNode status(Received request) {
		return Json.mapper()
			.readTree(request.body())
			.get("entry")
			.get(0)
			.get("changes")
			.get(0)
			.get("value")
			.get("statuses")
			.get(0);
	}

	/**
	 * Meta's status webhook shape as in pywa's samples, less what v24+ and our simulation
	 * leave out (contacts with BSUIDs, conversation) plus {@code pricing.type}
	 * (per-message pricing).
	 */
	private static Set<String> metaStatusShape(String sample) {
		Set<String> shape = new HashSet<>(Samples.shape(Samples.json(sample)));
		shape.removeIf((path) -> path.contains(".contacts") || path.contains(".conversation"));
		shape.add("entry[].changes[].value.statuses[].pricing.type");
		return shape;
	}

}
