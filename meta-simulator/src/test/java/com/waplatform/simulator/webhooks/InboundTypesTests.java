package com.waplatform.simulator.webhooks;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import com.waplatform.common.crypto.WebhookSignature;
import com.waplatform.common.json.Json;
import com.waplatform.common.phone.NormalizedPhone;
import com.waplatform.common.phone.PhoneNumbers;
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
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /admin/inbound} with every message type: each real webhook sample's message
 * (pywa's and netflie's test data), sent through the admin API in its own shape, comes
 * back as the same signed webhook message (less sender, id, timestamp and the media
 * digest, which is the simulator's file's); media ids can be downloaded.
 */
@SimulatorTest
class InboundTypesTests {

	private final WebTestClient client;

	private final AccountRegistry accounts;

	private final CustomerWindows windows;

	private WebhookReceiver receiver;

	private Account account;

	InboundTypesTests(@Autowired WebTestClient client, @Autowired AccountRegistry accounts,
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

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "david-lev__message__text.json, text", "david-lev__message__image.json, image",
			"david-lev__message__video.json, video", "david-lev__message__voice.json, audio",
			"netflie__an_document_notification.json, document", "david-lev__message__static_sticker.json, sticker",
			"david-lev__message__animated_sticker.json, sticker", "netflie__a_location_notification.json, location",
			"david-lev__message__contacts.json, contacts", "netflie__a_button_reply_notification.json, interactive",
			"netflie__a_list_notification.json, interactive", "netflie__a_flow_notification.json, interactive",
			"netflie__a_button_notification.json, button", "david-lev__message__reaction.json, reaction",
			"david-lev__message__unreaction_no_emoji.json, reaction", "david-lev__message__order.json, order",
			"david-lev__message__referral.json, text", "netflie__a_system_notification.json, system",
			"david-lev__edited_message__image.json, edit", "david-lev__deleted_message__revoke.json, revoke",
			"david-lev__message__unsupported_with_type.json, unsupported", "david-lev__message__forwarded.json, text" })
	void everyTypeIsPostedAsMetaPostsIt(String file, String type) {
		JsonNode sampleMessage = messageOf(Samples.json("webhooks-real/" + file));
		ObjectNode request = withoutSender(sampleMessage);
		request.put("phoneNumberId", this.account.phoneNumberId());
		String from = sampleMessage.path("from").asString("");
		String waId = (PhoneNumbers.normalize("+" + from) instanceof NormalizedPhone.Valid) ? from : "16505551234";
		request.put("from", "+" + waId);
		request.put("name", "Ana");

		JsonNode answer = post("/admin/inbound", request);

		assertThat(answer.get("delivered").asBoolean()).isTrue();
		assertThat(answer.get("type").asString()).isEqualTo(type);
		JsonNode payload = lastWebhook();
		JsonNode value = payload.get("entry").get(0).get("changes").get(0).get("value");
		assertThat(payload.get("entry").get(0).get("id").asString()).isEqualTo(this.account.wabaId());
		assertThat(value.get("metadata").get("phone_number_id").asString()).isEqualTo(this.account.phoneNumberId());
		assertThat(value.get("contacts").get(0).get("wa_id").asString()).isEqualTo(waId);
		assertThat(value.get("contacts").get(0).get("profile").get("name").asString()).isEqualTo("Ana");
		JsonNode message = value.get("messages").get(0);
		assertThat(message.get("from").asString()).isEqualTo(waId);
		assertThat(message.get("id").asString()).isEqualTo(answer.get("id").asString()).startsWith("wamid.");
		assertThat(message.get("timestamp").asString()).matches("\\d+");
		assertThat(withoutDigests(withoutSender(message))).isEqualTo(withoutDigests(withoutSender(sampleMessage)));
		if (answer.has("media_id")) {
			assertDownloadable(answer.get("media_id").asString(), message);
		}
		assertThat(this.windows.lastInbound(this.account.phoneNumberId(), waId).isPresent())
			.isEqualTo(!"system".equals(type));
	}

	@Test
	void bsuidOnlySenderHasNoFromAndItsUserIdInContacts() {
		JsonNode sample = Samples.json("webhooks-real/netflie__a_notification_with_bsuid_only_and_no_from.json");
		JsonNode answer = post("/admin/inbound", """
				{"phoneNumberId":"%s","fromUserId":"US.13491208655302741918","type":"text","text":{"body":"hi"}}"""
			.formatted(this.account.phoneNumberId()));
		assertThat(answer.has("wa_id")).isFalse();
		JsonNode value = lastWebhook().get("entry").get(0).get("changes").get(0).get("value");
		JsonNode message = value.get("messages").get(0);
		assertThat(message.has("from")).isFalse();
		assertThat(message.get("from_user_id").asString()).isEqualTo("US.13491208655302741918");
		assertThat(value.get("contacts").get(0).has("wa_id")).isFalse();
		assertThat(value.get("contacts").get(0).get("user_id").asString()).isEqualTo("US.13491208655302741918");
		JsonNode sampleValue = sample.get("entry").get(0).get("changes").get(0).get("value");
		assertThat(Samples.shape(value.get("contacts"))).isEqualTo(Samples.shape(sampleValue.get("contacts")));
		assertThat(this.windows.lastInbound(this.account.phoneNumberId(), "US.13491208655302741918")).isPresent();
	}

	@Test
	void contextGivenAsAWamidRepliesToIt() {
		post("/admin/inbound", """
				{"phoneNumberId":"%s","from":"+16505551234","text":"yes","context":"wamid.ABC"}"""
			.formatted(this.account.phoneNumberId()));
		JsonNode context = messageOf(lastWebhook()).get("context");
		assertThat(context.get("id").asString()).isEqualTo("wamid.ABC");
		assertThat(context.get("from").asString()).isEqualTo(this.account.displayPhoneNumber());
	}

	@Test
	void mediaWithoutAnIdGetsADownloadableFileAndAGivenContentIsServed() {
		byte[] content = "a picture".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		JsonNode answer = post("/admin/inbound", """
				{"phoneNumberId":"%s","from":"+16505551234","type":"image","image":{"caption":"look"},
				 "mediaContent":"%s"}""".formatted(this.account.phoneNumberId(),
				Base64.getEncoder().encodeToString(content)));
		JsonNode image = messageOf(lastWebhook()).get("image");
		assertThat(image.get("id").asString()).isEqualTo(answer.get("media_id").asString());
		assertThat(image.get("mime_type").asString()).isEqualTo("image/jpeg");
		assertThat(image.get("caption").asString()).isEqualTo("look");
		assertThat(download(answer.get("media_id").asString())).isEqualTo(content);
	}

	@Test
	void voiceIsAnAudioWithVoiceTrue() {
		post("/admin/inbound", """
				{"phoneNumberId":"%s","from":"+16505551234","type":"voice"}""".formatted(this.account.phoneNumberId()));
		JsonNode message = messageOf(lastWebhook());
		assertThat(message.get("type").asString()).isEqualTo("audio");
		assertThat(message.get("audio").get("voice").asBoolean()).isTrue();
		assertThat(message.get("audio").get("mime_type").asString()).isEqualTo("audio/ogg; codecs=opus");
	}

	@Test
	void badRequestsAreRefusedWith400AndUnknownNumbersWith404() {
		String number = this.account.phoneNumberId();
		for (String body : List.of("""
				{"phoneNumberId":"%s","from":"+16505551234","type":"hologram"}""", """
				{"phoneNumberId":"%s","from":"+16505551234","type":"location"}""", """
				{"phoneNumberId":"%s","type":"text","text":{"body":"who?"}}""", """
				{"phoneNumberId":"%s","from":"not a number","text":"hi"}""",
				"""
						{"phoneNumberId":"%s","from":"+16505551234","type":"interactive","interactive":{"type":"carousel"}}""")) {
			this.client.post()
				.uri("/admin/inbound")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body.formatted(number))
				.exchange()
				.expectStatus()
				.isBadRequest();
		}
		this.client.post()
			.uri("/admin/inbound")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"phoneNumberId\":\"999\",\"from\":\"+16505551234\",\"text\":\"hi\"}")
			.exchange()
			.expectStatus()
			.isNotFound();
		assertThat(this.receiver.received()).isEmpty();
	}

	private void assertDownloadable(String mediaId, JsonNode message) {
		JsonNode info = this.client.get()
			.uri("/v23.0/{id}", mediaId)
			.headers((headers) -> headers.setBearerAuth(this.account.accessToken()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		byte[] bytes = download(mediaId);
		String hex = sha256Hex(bytes);
		assertThat(info.get("sha256").asString()).isEqualTo(hex);
		assertThat(info.get("file_size").asLong()).isEqualTo(bytes.length);
		String base64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
		assertThat(message.toString()).contains("\"sha256\":\"" + base64 + "\"");
	}

	byte[] download(String mediaId) {
		JsonNode info = this.client.get()
			.uri("/v23.0/{id}", mediaId)
			.headers((headers) -> headers.setBearerAuth(this.account.accessToken()))
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		return this.client.get()
			.uri(info.get("url").asString())
			.headers((headers) -> headers.setBearerAuth(this.account.accessToken()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
	}

	private JsonNode post(String path, Object body) {
		return this.client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body.toString())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private JsonNode lastWebhook() {
		List<Received> received = this.receiver.received();
		assertThat(received).isNotEmpty();
		Received last = received.get(received.size() - 1);
		assertThat(WebhookSignature.verify(this.account.appSecret(), last.body(), last.signature())).isTrue();
		assertThat(last.userAgent()).isEqualTo(WebhookSender.USER_AGENT);
		return Json.mapper().readTree(last.body());
	}

	static JsonNode messageOf(JsonNode payload) {
		return payload.get("entry").get(0).get("changes").get(0).get("value").get("messages").get(0);
	}

	private static ObjectNode withoutSender(JsonNode message) {
		ObjectNode copy = (ObjectNode) message.deepCopy();
		copy.remove(List.of("from", "from_user_id", "id", "timestamp"));
		return copy;
	}

	/**
	 * Without the {@code sha256} of media, which is the digest of the simulator's file.
	 */
	private static JsonNode withoutDigests(JsonNode node) {
		JsonNode copy = node.deepCopy();
		strip(copy);
		return copy;
	}

	private static void strip(JsonNode node) {
		if (node instanceof ObjectNode object) {
			object.remove("sha256");
		}
		node.values().forEach(InboundTypesTests::strip);
	}

	static String sha256Hex(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
