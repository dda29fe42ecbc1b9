package com.waplatform.simulator.messages;

import java.util.stream.Stream;

import com.waplatform.simulator.MetaOpenApiSpec;
import com.waplatform.simulator.SimulatorTest;
import com.waplatform.simulator.TestAccounts;
import com.waplatform.simulator.accounts.Account;
import com.waplatform.simulator.accounts.AccountRegistry;
import com.waplatform.simulator.media.MediaStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's validation against Meta's OpenAPI spec: what it accepts is valid per
 * the spec, what it refuses for structural reasons is invalid per the spec (with the
 * spec's quirks worked around, each shown here on the raw spec too).
 */
@SimulatorTest
class SendMessageSpecTests {

	private static final String RECIPIENT = SendRequests.RECIPIENT;

	private final WebTestClient client;

	private final MediaStore media;

	private final AccountRegistry accounts;

	SendMessageSpecTests(@Autowired WebTestClient client, @Autowired MediaStore media,
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
		this.media.store("42", account, "image/webp", new byte[] { 1, 2, 3 });
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

	static Stream<Arguments> accepted() {
		Stream<Arguments> samples = SendRequests.sendSampleFiles()
			.stream()
			.map((file) -> Arguments.of(file, SendRequests.sendableSample(file)));
		Stream<Arguments> more = Stream.of(Arguments.of("named template", SendRequests.template(RECIPIENT,
				"""
						{"name":"follow_up","language":{"code":"en","policy":"deterministic"},
						 "components":[{"type":"body","parameters":[{"type":"text","parameter_name":"name","text":"Ana"}]}]}""")),
				Arguments.of("url button", SendRequests.template(RECIPIENT,
						"""
								{"name":"booking_actions","language":{"code":"en"},
								 "components":[{"type":"body","parameters":[{"type":"text","text":"BK-1"}]},
								  {"type":"button","sub_type":"url","index":"2","parameters":[{"type":"text","text":"BK-1"}]}]}""")),
				Arguments.of("text header", SendRequests.template(RECIPIENT,
						"""
								{"name":"summer_promo","language":{"code":"en"},
								 "components":[{"type":"header","parameters":[{"type":"text","text":"Ana"}]},
								  {"type":"body","parameters":[{"type":"text","text":"Algarve"},{"type":"text","text":"15%"}]}]}""")),
				Arguments.of("document header",
						SendRequests.template(RECIPIENT,
								"""
										{"name":"itinerary_document","language":{"code":"en"},
										 "components":[{"type":"header","parameters":[{"type":"document","document":{"link":"https://x.example/i.pdf"}}]},
										  {"type":"body","parameters":[{"type":"text","text":"Ana"}]}]}""")),
				Arguments.of("sticker",
						SendRequests
							.json("""
									{"messaging_product":"whatsapp","recipient_type":"individual","to":"%s","type":"sticker","sticker":{"id":"42"}}"""
								.formatted(RECIPIENT))),
				Arguments.of("audio",
						SendRequests
							.json("""
									{"messaging_product":"whatsapp","recipient_type":"individual","to":"%s","type":"audio","audio":{"link":"https://x.example/a.ogg"}}"""
								.formatted(RECIPIENT))),
				Arguments.of("text without recipient_type and type", SendRequests.json("""
						{"messaging_product":"whatsapp","to":"%s","text":{"body":"hi"}}""".formatted(RECIPIENT))),
				Arguments.of("callback data",
						SendRequests.text(RECIPIENT, "hello").put("biz_opaque_callback_data", "x")));
		return Stream.concat(samples, more);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("accepted")
	void acceptedRequestsAreValidPerSpec(String name, JsonNode request) {
		send(request).expectStatus().isOk().expectBody().returnResult();
		assertThat(MetaOpenApiSpec.patched().validateSend(request)).isEmpty();
	}

	static Stream<Arguments> structurallyRejected() {
		String to = RECIPIENT;
		return Stream.of(Arguments.of("missing to", 131008, SendRequests.json("""
				{"messaging_product":"whatsapp","recipient_type":"individual","type":"text","text":{"body":"hi"}}""")),
				Arguments.of("missing messaging_product", 100, SendRequests.json("""
						{"recipient_type":"individual","to":"%s","type":"text","text":{"body":"hi"}}""".formatted(to))),
				Arguments.of("unknown type", 131009,
						SendRequests.json("""
								{"messaging_product":"whatsapp","to":"%s","type":"hologram","hologram":{"id":"1"}}"""
							.formatted(to))),
				Arguments.of("text object missing", 131008, SendRequests.json("""
						{"messaging_product":"whatsapp","to":"%s","type":"text"}""".formatted(to))),
				Arguments.of("image with id and link", 131009,
						SendRequests
							.json("""
									{"messaging_product":"whatsapp","to":"%s","type":"image","image":{"id":"1","link":"https://x.example/i.png"}}"""
								.formatted(to))),
				Arguments.of("image without id or link", 131008,
						SendRequests.json("""
								{"messaging_product":"whatsapp","to":"%s","type":"image","image":{"caption":"c"}}"""
							.formatted(to))),
				Arguments.of("four reply buttons", 131009, interactiveButtons(to, 4, "Yes")),
				Arguments.of("button title of 21 characters", 131009, interactiveButtons(to, 1, "x".repeat(21))),
				Arguments.of("list section of 11 rows", 131009, listWithRows(to, 11)),
				Arguments.of("template without name", 131008, SendRequests.template(to, """
						{"language":{"code":"en","policy":"deterministic"}}""")),
				Arguments.of("template language without code", 131008, SendRequests.template(to, """
						{"name":"welcome_message","language":{"policy":"deterministic"}}""")),
				Arguments.of("reaction object missing", 131008, SendRequests.json("""
						{"messaging_product":"whatsapp","to":"%s","type":"reaction"}""".formatted(to))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("structurallyRejected")
	void structurallyRejectedRequestsAreInvalidPerSpec(String name, int code, JsonNode request) {
		send(request).expectStatus().isBadRequest().expectBody().jsonPath("$.error.code").isEqualTo(code);
		assertThat(MetaOpenApiSpec.patched().validateSend(request)).isNotEmpty();
	}

	@Test
	void quirk1MarkAsReadIsRejectedByTheSpecsMessageSchema() {
		JsonNode markRead = SendRequests.sendableSample("spec_req_send_mark_read_typing_indicator.json");
		send(markRead).expectStatus().isOk().expectBody().json("{\"success\":true}");
		assertThat(MetaOpenApiSpec.raw().validateSend(markRead)).isNotEmpty();
		assertThat(MetaOpenApiSpec.patched().validateSend(markRead)).isEmpty();
	}

	@Test
	void quirk2RecipientTypeAndTypeAreRequiredBySpec() {
		ObjectNode text = SendRequests.text(RECIPIENT, "hi");
		text.remove("recipient_type");
		text.remove("type");
		send(text).expectStatus().isOk().expectBody().returnResult();
		assertThat(MetaOpenApiSpec.raw().validateSend(text)).anyMatch((error) -> error.contains("recipient_type"))
			.anyMatch((error) -> error.contains("type"));
		assertThat(MetaOpenApiSpec.patched().validateSend(text)).isEmpty();
	}

	@Test
	void quirk3LanguagePolicyIsRequiredBySpec() {
		JsonNode request = SendRequests.template(RECIPIENT, """
				{"name":"welcome_message","language":{"code":"en"},
				 "components":[{"type":"body","parameters":[{"type":"text","text":"Ana"}]}]}""");
		send(request).expectStatus().isOk().expectBody().returnResult();
		assertThat(MetaOpenApiSpec.raw().validateSend(request)).anyMatch((error) -> error.contains("policy"));
		assertThat(MetaOpenApiSpec.patched().validateSend(request)).isEmpty();
	}

	@Test
	void quirk4ButtonIndexPatternRejectsIndexZero() {
		JsonNode request = SendRequests.template(RECIPIENT,
				"""
						{"name":"booking_actions","language":{"code":"en","policy":"deterministic"},
						 "components":[{"type":"body","parameters":[{"type":"text","text":"BK-1"}]},
						  {"type":"button","sub_type":"quick_reply","index":"0","parameters":[{"type":"payload","payload":"ok"}]},
						  {"type":"button","sub_type":"url","index":"2","parameters":[{"type":"text","text":"BK-1"}]}]}""");
		send(request).expectStatus().isOk().expectBody().returnResult();
		assertThat(MetaOpenApiSpec.raw().validateSend(request)).anyMatch((error) -> error.contains("index"));
		assertThat(MetaOpenApiSpec.patched().validateSend(request)).isEmpty();
	}

	@Test
	void quirk5AdditionalPropertiesInsideAllOfRejectsEveryMessage() {
		JsonNode text = SendRequests.sendableSample("spec_req_send_text.json");
		send(text).expectStatus().isOk().expectBody().returnResult();
		assertThat(MetaOpenApiSpec.raw().validateSend(text)).anyMatch((error) -> error.contains("messaging_product"));
		assertThat(MetaOpenApiSpec.patched().validateSend(text)).isEmpty();
	}

	@Test
	void quirk6CallbackDataIsMissingFromSpec() {
		JsonNode text = SendRequests.text(RECIPIENT, "hi").put("biz_opaque_callback_data", "order-42");
		send(text).expectStatus().isOk().expectBody().returnResult();
		assertThat(MetaOpenApiSpec.raw().validateSend(text))
			.anyMatch((error) -> error.contains("biz_opaque_callback_data"));
		assertThat(MetaOpenApiSpec.patched().validateSend(text)).isEmpty();
		JsonNode tooLong = SendRequests.text(RECIPIENT, "hi").put("biz_opaque_callback_data", "x".repeat(513));
		send(tooLong).expectStatus().isBadRequest().expectBody().jsonPath("$.error.code").isEqualTo(131009);
		assertThat(MetaOpenApiSpec.patched().validateSend(tooLong)).isNotEmpty();
	}

	private WebTestClient.ResponseSpec send(JsonNode request) {
		return this.client.post()
			.uri(TestAccounts.messagesPath())
			.headers((headers) -> headers.setBearerAuth(TestAccounts.TOKEN))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(request.toString())
			.exchange();
	}

	private static JsonNode interactiveButtons(String to, int count, String title) {
		ObjectNode request = SendRequests.json("""
				{"messaging_product":"whatsapp","recipient_type":"individual","type":"interactive",
				 "interactive":{"type":"button","body":{"text":"Choose"},"action":{"buttons":[]}}}""");
		request.put("to", to);
		for (int i = 0; i < count; i++) {
			((ArrayNode) request.get("interactive").get("action").get("buttons"))
				.add(SendRequests.json("{\"type\":\"reply\",\"reply\":{\"id\":\"b" + i + "\",\"title\":\"" + title
						+ ((count > 1) ? i : "") + "\"}}"));
		}
		return request;
	}

	private static JsonNode listWithRows(String to, int rows) {
		ObjectNode request = SendRequests
			.json("""
					{"messaging_product":"whatsapp","recipient_type":"individual","type":"interactive",
					 "interactive":{"type":"list","body":{"text":"Pick"},"action":{"button":"Menu","sections":[{"title":"All","rows":[]}]}}}""");
		request.put("to", to);
		for (int i = 0; i < rows; i++) {
			((ArrayNode) request.get("interactive").get("action").get("sections").get(0).get("rows"))
				.add(SendRequests.json("{\"id\":\"r" + i + "\",\"title\":\"Row " + i + "\"}"));
		}
		return request;
	}

}
