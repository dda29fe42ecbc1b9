package com.waplatform.simulator.webhooks;

import java.util.List;

import com.waplatform.common.crypto.WebhookSignature;
import com.waplatform.common.json.Json;
import com.waplatform.simulator.Samples;
import com.waplatform.simulator.SimulatorTest;
import com.waplatform.simulator.TestNumbers;
import com.waplatform.simulator.WebhookReceiver;
import com.waplatform.simulator.WebhookReceiver.Received;
import com.waplatform.simulator.accounts.Account;
import com.waplatform.simulator.accounts.AccountRegistry;
import com.waplatform.simulator.conversations.CustomerWindows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer taps a button of a message the simulator accepted
 * ({@code POST /admin/inbound/reply}); {@code user_preferences} and account-level
 * webhooks through the admin API, compared with Meta's samples.
 */
@SimulatorTest
class ReplyAndAccountEventTests {

	private static final String CUSTOMER = "+16505551234";

	private final WebTestClient client;

	private final AccountRegistry accounts;

	private final CustomerWindows windows;

	private WebhookReceiver receiver;

	private Account account;

	ReplyAndAccountEventTests(@Autowired WebTestClient client, @Autowired AccountRegistry accounts,
			@Autowired CustomerWindows windows) {
		this.client = client;
		this.accounts = accounts;
		this.windows = windows;
	}

	@BeforeEach
	void startReceiver() throws Exception {
		this.receiver = new WebhookReceiver();
		this.account = TestNumbers.unlimited(this.accounts, this.receiver.url("/meta/webhooks"));
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Test
	void tappingATemplateQuickReplySendsItsPayloadOrItsText() {
		String wamid = StatusWebhookTests.send(this.client, this.account,
				"""
						{"messaging_product":"whatsapp","to":"%s","type":"template","template":{"name":"booking_actions",
						 "language":{"code":"en"},"components":[{"type":"body","parameters":[{"type":"text","text":"BK-1"}]},
						 {"type":"button","sub_type":"quick_reply","index":"0","parameters":[{"type":"payload","payload":"CONFIRM-BK-1"}]},
						 {"type":"button","sub_type":"url","index":"2","parameters":[{"type":"text","text":"BK-1"}]}]}}"""
					.formatted(CUSTOMER));

		JsonNode first = reply(wamid, "\"index\":0");
		JsonNode byPayload = reply(wamid, "\"id\":\"CONFIRM-BK-1\"");
		JsonNode second = reply(wamid, "\"index\":1");

		JsonNode sample = InboundTypesTests
			.messageOf(Samples.json("webhooks-real/netflie__a_button_notification.json"));
		assertThat(Samples.shape(first)).isEqualTo(Samples.shape(sample));
		assertThat(first.get("type").asString()).isEqualTo("button");
		assertThat(first.get("from").asString()).isEqualTo("16505551234");
		assertThat(first.get("context").get("id").asString()).isEqualTo(wamid);
		assertThat(first.get("context").get("from").asString()).isEqualTo(this.account.displayPhoneNumber());
		assertThat(first.get("button").get("payload").asString()).isEqualTo("CONFIRM-BK-1");
		assertThat(first.get("button").get("text").asString()).isEqualTo("Confirm");
		assertThat(byPayload.get("button")).isEqualTo(first.get("button"));
		assertThat(second.get("button").get("payload").asString()).isEqualTo("Cancel");
		assertThat(second.get("button").get("text").asString()).isEqualTo("Cancel");
		assertThat(this.windows.lastInbound(this.account.phoneNumberId(), "16505551234")).isPresent();
		refused(wamid, "\"index\":2");
		refused(wamid, "\"index\":7");
	}

	@Test
	void tappingAnInteractiveReplyButtonOrListRowSendsItsIdAndTitle() {
		String buttons = StatusWebhookTests.send(this.client, this.account, """
				{"messaging_product":"whatsapp","to":"%s","type":"interactive","interactive":{"type":"button",
				 "body":{"text":"Go?"},"action":{"buttons":[{"type":"reply","reply":{"id":"yes-1","title":"Yes"}},
				 {"type":"reply","reply":{"id":"no-1","title":"No"}}]}}}""".formatted(CUSTOMER));
		String list = StatusWebhookTests.send(this.client, this.account,
				"""
						{"messaging_product":"whatsapp","to":"%s","type":"interactive","interactive":{"type":"list",
						 "body":{"text":"Pick"},"action":{"button":"Tours","sections":[{"title":"A","rows":[{"id":"r1","title":"Lisbon"}]},
						 {"title":"B","rows":[{"id":"r2","title":"Porto","description":"2 days"}]}]}}}"""
					.formatted(CUSTOMER));

		JsonNode no = reply(buttons, "\"index\":1");
		JsonNode porto = reply(list, "\"id\":\"r2\"");

		assertThat(Samples.shape(no.get("interactive"))).isEqualTo(Samples
			.shape(InboundTypesTests.messageOf(Samples.json("webhooks-real/netflie__a_button_reply_notification.json"))
				.get("interactive")));
		assertThat(no.get("interactive").get("button_reply").get("id").asString()).isEqualTo("no-1");
		assertThat(no.get("interactive").get("button_reply").get("title").asString()).isEqualTo("No");
		assertThat(no.get("context").get("id").asString()).isEqualTo(buttons);
		assertThat(Samples.shape(porto.get("interactive"))).isEqualTo(Samples
			.shape(InboundTypesTests.messageOf(Samples.json("webhooks-real/netflie__a_list_notification.json"))
				.get("interactive")));
		assertThat(porto.get("interactive").get("list_reply").get("title").asString()).isEqualTo("Porto");
		assertThat(porto.get("interactive").get("list_reply").get("description").asString()).isEqualTo("2 days");
	}

	@Test
	void aTextHasNoButtonsAndAnUnknownWamidIsNotFound() {
		String text = StatusWebhookTests.send(this.client, this.account, """
				{"messaging_product":"whatsapp","to":"%s","type":"text","text":{"body":"hi"}}""".formatted(CUSTOMER));
		refused(text, "\"index\":0");
		this.client.post()
			.uri("/admin/inbound/reply")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"phoneNumberId\":\"%s\",\"wamid\":\"wamid.nope\",\"index\":0}"
				.formatted(this.account.phoneNumberId()))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "stop, +16505551234, ", "resume, +16505551234, US.13491208655302741918",
			"stop, , US.13491208655302741918" })
	void userPreferencesArePostedInMetasShape(String value, String from, String userId) {
		String sender = ((from != null) ? "\"from\":\"" + from + "\"," : "")
				+ ((userId != null) ? "\"fromUserId\":\"" + userId + "\"," : "");
		post("/admin/user-preferences", "{" + sender + "\"phoneNumberId\":\"" + this.account.phoneNumberId()
				+ "\",\"value\":\"" + value + "\"}");
		JsonNode payload = lastWebhook();
		JsonNode change = payload.get("entry").get(0).get("changes").get(0);
		assertThat(change.get("field").asString()).isEqualTo("user_preferences");
		JsonNode preference = change.get("value").get("user_preferences").get(0);
		assertThat(preference.get("value").asString()).isEqualTo(value);
		assertThat(preference.get("category").asString()).isEqualTo("marketing_messages");
		if (from != null) {
			assertThat(preference.get("wa_id").asString()).isEqualTo("16505551234");
			JsonNode sample = Samples.json("webhooks-real/david-lev__user_marketing_preferences__resume.json");
			JsonNode samplePreference = sample.get("entry").get(0).get("changes").get(0).get("value");
			assertThat(Samples.shape(preference))
				.isEqualTo(Samples.shape(samplePreference.get("user_preferences").get(0)));
			assertThat(Samples.shape(change.get("value"))).containsAll(Samples.shape(samplePreference)
				.stream()
				.filter((path) -> !path.contains("parent_user_id") && (userId != null || !path.contains("user_id")))
				.toList());
		}
		else {
			assertThat(preference.has("wa_id")).isFalse();
			assertThat(preference.get("user_id").asString()).isEqualTo(userId);
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"phone_number_quality_update|{\"event\":\"FLAGGED\",\"current_limit\":\"TIER_10K\"}|"
					+ "bindambc_phone_number_quality_update_flagged.json",
			"phone_number_name_update|{\"decision\":\"APPROVED\",\"requested_verified_name\":\"Tours\",\"rejection_reason\":null}|"
					+ "bindambc_phone_number_name_update.json",
			"business_capability_update|{\"max_daily_conversation_per_phone\":1000,\"max_phone_numbers_per_business\":25}|"
					+ "whaloc_business_capability_update.json",
			"account_update|{\"event\":\"DISABLED_UPDATE\",\"ban_info\":{\"waba_ban_state\":\"SCHEDULE_FOR_DISABLE\",\"waba_ban_date\":\"January 31, 2021\"}}|"
					+ "bindambc_account_update_disabled_update.json" })
	void accountEventsArePostedInMetasShape(String field, String value, String sample) {
		post("/admin/account-events", "{\"phoneNumberId\":\"%s\",\"field\":\"%s\",\"value\":%s}"
			.formatted(this.account.phoneNumberId(), field, value));
		JsonNode payload = lastWebhook();
		assertThat(Samples.shape(payload)).isEqualTo(Samples.shape(Samples.json("webhooks/" + sample)));
		assertThat(payload.get("entry").get(0).get("id").asString()).isEqualTo(this.account.wabaId());
		JsonNode changed = payload.get("entry").get(0).get("changes").get(0);
		assertThat(changed.get("field").asString()).isEqualTo(field);
		if (field.startsWith("phone_number")) {
			assertThat(changed.get("value").get("display_phone_number").asString())
				.isEqualTo(this.account.displayPhoneNumber());
		}
	}

	@Test
	void unknownAccountFieldsAndPreferenceValuesAreRefused() {
		for (String body : List.of("{\"phoneNumberId\":\"%s\",\"field\":\"calls\",\"value\":{}}",
				"{\"phoneNumberId\":\"%s\",\"field\":\"account_update\"}")) {
			this.client.post()
				.uri("/admin/account-events")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body.formatted(this.account.phoneNumberId()))
				.exchange()
				.expectStatus()
				.isBadRequest();
		}
		this.client.post()
			.uri("/admin/user-preferences")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"phoneNumberId\":\"%s\",\"from\":\"+16505551234\",\"value\":\"signup\"}"
				.formatted(this.account.phoneNumberId()))
			.exchange()
			.expectStatus()
			.isBadRequest();
		assertThat(this.receiver.received()).isEmpty();
	}

	private JsonNode reply(String wamid, String choice) {
		post("/admin/inbound/reply", "{\"phoneNumberId\":\"%s\",\"wamid\":\"%s\",%s}"
			.formatted(this.account.phoneNumberId(), wamid, choice));
		return InboundTypesTests.messageOf(lastWebhook());
	}

	private void refused(String wamid, String choice) {
		this.client.post()
			.uri("/admin/inbound/reply")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"phoneNumberId\":\"%s\",\"wamid\":\"%s\",%s}".formatted(this.account.phoneNumberId(), wamid,
					choice))
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	private void post(String path, String body) {
		JsonNode answer = this.client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(answer.get("delivered").asBoolean()).isTrue();
	}

	/** The last webhook that is not a status of the messages sent. */
	private JsonNode lastWebhook() {
		List<Received> received = this.receiver.received()
			.stream()
			.filter((request) -> !new String(request.body(), java.nio.charset.StandardCharsets.UTF_8)
				.contains("\"statuses\""))
			.toList();
		assertThat(received).isNotEmpty();
		Received last = received.get(received.size() - 1);
		assertThat(WebhookSignature.verify(this.account.appSecret(), last.body(), last.signature())).isTrue();
		return Json.mapper().readTree(last.body());
	}

}
