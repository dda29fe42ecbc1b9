package com.waplatform.simulator.messages;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.waplatform.common.json.Json;
import com.waplatform.simulator.Samples;
import com.waplatform.simulator.SimulatorTest;
import com.waplatform.simulator.TestAccounts;
import com.waplatform.simulator.accounts.Account;
import com.waplatform.simulator.accounts.AccountRegistry;
import com.waplatform.simulator.media.MediaStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Meta's sample send requests against the simulator, answers compared with Meta's. */
@SimulatorTest
class SendMessageSamplesTests {

	private final WebTestClient client;

	private final MediaStore media;

	private final AccountRegistry accounts;

	SendMessageSamplesTests(@Autowired WebTestClient client, @Autowired MediaStore media,
			@Autowired AccountRegistry accounts) {
		this.client = client;
		this.media = media;
		this.accounts = accounts;
	}

	@BeforeEach
	void seedSampleTemplatesAndMedia() {
		// media sent by id must name a file "Meta" holds
		Account account = this.accounts.byPhoneNumberId(TestAccounts.PHONE_NUMBER_ID).orElseThrow();
		this.media.store("<IMAGE_OBJECT_ID>", account, "image/jpeg", new byte[] { 1, 2, 3 });
		SendRequests.SAMPLE_TEMPLATES.forEach((template) -> this.client.post()
			.uri("/admin/templates/{waba}", TestAccounts.WABA_ID)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(template)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult());
	}

	static List<String> sendSamples() {
		return SendRequests.sendSampleFiles();
	}

	@Test
	void allSendSamplesAreCovered() {
		assertThat(sendSamples()).hasSize(12);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("sendSamples")
	void sampleIsAcceptedWithMetasAnswer(String file) {
		ObjectNode request = SendRequests.sendableSample(file);
		JsonNode answer = send(request);
		if (MessageValidator.isMarkRead(request)) {
			assertThat(answer).isEqualTo(Json.mapper().readTree("{\"success\":true}"));
			return;
		}
		Set<String> expected = Samples.shape(Samples.json("api/spec_resp_send_message_200.json"));
		if (request.has("template")) {
			expected = Samples.shape(Samples.json("api/metadoc_resp_marketing_messages_accepted.json"));
			assertThat(answer.get("messages").get(0).get("message_status").asString()).isEqualTo("accepted");
		}
		assertThat(Samples.shape(answer)).isEqualTo(expected);
		assertThat(answer.get("messaging_product").asString()).isEqualTo("whatsapp");
		assertThat(answer.get("contacts").get(0).get("input").asString()).isEqualTo(SendRequests.RECIPIENT);
		assertThat(answer.get("contacts").get(0).get("wa_id").asString()).isEqualTo("16505551234");
		assertThat(answer.get("messages").get(0).get("id").asString()).startsWith("wamid.HBgL");
	}

	@Test
	void wamidsAreUnique() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 20; i++) {
			ids.add(send(SendRequests.text("16505551234", "hi " + i)).get("messages").get(0).get("id").asString());
		}
		assertThat(ids).hasSize(20);
	}

	@Test
	void inputIsEchoedAsGiven() {
		JsonNode answer = send(SendRequests.text("1 (650) 555-1234", "hi"));
		assertThat(answer.get("contacts").get(0).get("input").asString()).isEqualTo("1 (650) 555-1234");
		assertThat(answer.get("contacts").get(0).get("wa_id").asString()).isEqualTo("16505551234");
	}

	private JsonNode send(JsonNode request) {
		byte[] body = this.client.post()
			.uri(TestAccounts.messagesPath())
			.headers((headers) -> headers.setBearerAuth(TestAccounts.TOKEN))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(request.toString())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		return Json.mapper().readTree(body);
	}

}
