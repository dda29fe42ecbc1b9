package com.waplatform.simulator.messages;

import java.util.HashSet;
import java.util.Set;

import com.waplatform.common.json.Json;
import com.waplatform.simulator.Samples;
import com.waplatform.simulator.SimulatorTest;
import com.waplatform.simulator.TestAccounts;
import com.waplatform.simulator.ledger.Ledger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Meta's errors on {@code POST /{version}/{phone-number-id}/messages}. */
@SimulatorTest
class GraphErrorTests {

	private static final String TO = SendRequests.RECIPIENT;

	private final WebTestClient client;

	private final Ledger ledger;

	GraphErrorTests(@Autowired WebTestClient client, @Autowired Ledger ledger) {
		this.client = client;
		this.ledger = ledger;
	}

	@Test
	void missingTokenIs190() {
		JsonNode error = error(send(TestAccounts.messagesPath(), null, SendRequests.text(TO, "hi").toString()),
				HttpStatus.UNAUTHORIZED);
		assertThat(error.get("code").asInt()).isEqualTo(190);
		assertThat(error.get("type").asString()).isEqualTo("OAuthException");
		assertThat(error.get("message").asString())
			.isEqualTo("An active access token must be used to query information about the current user.");
	}

	@Test
	void wrongTokenIs190WithSubcode460() {
		for (String token : new String[] { "nope", TestAccounts.OTHER_TOKEN }) {
			JsonNode error = error(send(TestAccounts.messagesPath(), token, SendRequests.text(TO, "hi").toString()),
					HttpStatus.UNAUTHORIZED);
			assertThat(error.get("code").asInt()).isEqualTo(190);
			assertThat(error.get("error_subcode").asInt()).isEqualTo(460);
			assertThat(error.get("message").asString())
				.startsWith("Error validating access token: The session has been");
			assertThat(error.has("error_data")).isFalse();
		}
	}

	@Test
	void unknownPhoneNumberIdIs100Subcode33LikeMetasSample() {
		EntityExchangeResult<byte[]> result = send("/v23.0/999999999/messages", TestAccounts.TOKEN,
				SendRequests.text(TO, "hi").toString());
		JsonNode envelope = body(result, HttpStatus.BAD_REQUEST);
		assertThat(Samples.shape(envelope))
			.isEqualTo(Samples.shape(Samples.json("api/bindambc_error_100_subcode_33_object_not_found.json")));
		assertThat(envelope.get("error").get("code").asInt()).isEqualTo(100);
		assertThat(envelope.get("error").get("error_subcode").asInt()).isEqualTo(33);
		assertThat(envelope.get("error").get("message").asString())
			.contains("Object with ID '999999999' does not exist");
	}

	@Test
	void malformedJsonIs100() {
		JsonNode error = error(send(TestAccounts.messagesPath(), TestAccounts.TOKEN, "{\"messaging_product\":"),
				HttpStatus.BAD_REQUEST);
		assertThat(error.get("code").asInt()).isEqualTo(100);
		assertThat(error.get("message").asString()).isEqualTo("(#100) Invalid parameter");
	}

	@Test
	void messagingProductOtherThanWhatsappIs100() {
		JsonNode error = error(sendJson(SendRequests.text(TO, "hi").put("messaging_product", "instagram")),
				HttpStatus.BAD_REQUEST);
		assertThat(error.get("code").asInt()).isEqualTo(100);
		assertThat(error.get("error_data").get("details").asString()).contains("messaging_product");
	}

	@Test
	void missingToIs131008NamingTheField() {
		ObjectNode request = SendRequests.text(TO, "hi");
		request.remove("to");
		JsonNode error = error(sendJson(request), HttpStatus.BAD_REQUEST);
		assertThat(error.get("code").asInt()).isEqualTo(131008);
		assertThat(error.get("message").asString()).isEqualTo("(#131008) Required parameter is missing");
		assertThat(error.get("error_data").get("details").asString()).contains("to");
	}

	@Test
	void unknownTypeIs131009NamingTheField() {
		JsonNode error = error(sendJson(SendRequests.text(TO, "hi").put("type", "hologram")), HttpStatus.BAD_REQUEST);
		assertThat(error.get("code").asInt()).isEqualTo(131009);
		assertThat(error.get("error_data").get("details").asString()).contains("type").contains("hologram");
	}

	@Test
	void textBodyIsRequiredAndLimitedTo4096Characters() {
		assertThat(error(sendJson(SendRequests.text(TO, "")), HttpStatus.BAD_REQUEST).get("code").asInt())
			.isEqualTo(131008);
		assertThat(error(sendJson(SendRequests.text(TO, "x".repeat(4097))), HttpStatus.BAD_REQUEST).get("code").asInt())
			.isEqualTo(131009);
		sendJsonOk(SendRequests.text(TO, "x".repeat(4096)));
		// characters are code points: 4096 emoji are 8192 UTF-16 units
		sendJsonOk(SendRequests.text(TO, "\uD83D\uDE00".repeat(4096)));
	}

	@Test
	void invalidPhoneNumberIs131009ShapedLikeMetasErrors() {
		EntityExchangeResult<byte[]> result = sendJson(SendRequests.text("12345", "hi"));
		JsonNode envelope = body(result, HttpStatus.BAD_REQUEST);
		Set<String> metaShape = new HashSet<>(
				Samples.shape(Samples.json("api/metadoc_error_130429_rate_limit_hit.json")));
		metaShape.remove("error.error_subcode");
		assertThat(Samples.shape(envelope)).isEqualTo(metaShape);
		assertThat(envelope.get("error").get("code").asInt()).isEqualTo(131009);
		assertThat(envelope.get("error").get("message").asString()).isEqualTo("(#131009) Parameter value is not valid");
		assertThat(envelope.get("error").get("error_data").get("messaging_product").asString()).isEqualTo("whatsapp");
		assertThat(envelope.get("error").get("error_data").get("details").asString()).contains("12345");
	}

	@Test
	void undeliverableNumberIs131026() {
		JsonNode error = error(sendJson(SendRequests.text(TestAccounts.UNDELIVERABLE, "hi")), HttpStatus.BAD_REQUEST);
		assertThat(error.get("code").asInt()).isEqualTo(131026);
		assertThat(error.get("message").asString()).isEqualTo("(#131026) Message undeliverable");
		assertThat(this.ledger.rejections(131026)).isNotEmpty();
	}

	@Test
	void unknownTemplateIs132001With404LikeMetasSample() {
		EntityExchangeResult<byte[]> result = sendJson(SendRequests.template(TO, """
				{"name":"no_such_template","language":{"code":"en_US"}}"""));
		JsonNode envelope = body(result, HttpStatus.NOT_FOUND);
		assertThat(Samples.shape(envelope))
			.isEqualTo(Samples.shape(Samples.json("api/captured_error_132001_template_not_found.json")));
		assertThat(envelope.get("error").get("message").asString())
			.isEqualTo("(#132001) Template name does not exist in the translation");
		assertThat(envelope.get("error").get("error_data").get("details").asString())
			.isEqualTo("template name (no_such_template) does not exist in en_US");
	}

	@Test
	void templateInAnotherLanguageOrNotApprovedIs132001() {
		error(sendJson(SendRequests.template(TO, """
				{"name":"welcome_message","language":{"code":"pt_BR"},
				 "components":[{"type":"body","parameters":[{"type":"text","text":"Ana"}]}]}""")),
				HttpStatus.NOT_FOUND);
		this.client.post()
			.uri("/admin/templates/{waba}", TestAccounts.WABA_ID)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"name":"paused_one","language":"en","status":"APPROVED","category":"UTILITY",
					 "components":[{"type":"BODY","text":"Hello"}]}""")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
		String paused = """
				{"name":"paused_one","language":{"code":"en"}}""";
		sendJsonOk(SendRequests.template(TO, paused));
		this.client.post()
			.uri("/admin/templates/{waba}/paused_one/en/status", TestAccounts.WABA_ID)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"status\":\"REJECTED\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("REJECTED");
		assertThat(error(sendJson(SendRequests.template(TO, paused)), HttpStatus.NOT_FOUND).get("code").asInt())
			.isEqualTo(132001);
	}

	@Test
	void templateOfAnotherWabaIsNotFound() {
		this.client.post()
			.uri("/admin/templates/{waba}", "300000000000999")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"name":"other_waba_only","language":"en","components":[{"type":"BODY","text":"Hello"}]}""")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
		error(sendJson(SendRequests.template(TO, """
				{"name":"other_waba_only","language":{"code":"en"}}""")), HttpStatus.NOT_FOUND);
	}

	@Test
	void parameterCountMismatchIs132000() {
		JsonNode error = error(sendJson(SendRequests.template(TO, """
				{"name":"booking_confirmation","language":{"code":"en"},
				 "components":[{"type":"body","parameters":[{"type":"text","text":"Ana"},{"type":"text","text":"Tour"},
				  {"type":"text","text":"today"}]}]}""")), HttpStatus.BAD_REQUEST);
		assertThat(error.get("code").asInt()).isEqualTo(132000);
		assertThat(error.get("message").asString())
			.isEqualTo("(#132000) Number of parameters does not match the expected number of params");
		assertThat(error.get("error_data").get("details").asString()).contains("body").contains("(3)").contains("(4)");
	}

	@Test
	void bookingConfirmationWithFourParametersIsAccepted() {
		sendJsonOk(SendRequests.template(TO, """
				{"name":"booking_confirmation","language":{"code":"en"},
				 "components":[{"type":"body","parameters":[{"type":"text","text":"Ana"},{"type":"text","text":"Tour"},
				  {"type":"date_time","date_time":{"fallback_value":"June 1"}},{"type":"text","text":"BK-1"}]}]}"""));
	}

	@Test
	void namedTemplateNeedsMatchingParameterNames() {
		sendJsonOk(SendRequests.template(TO,
				"""
						{"name":"follow_up","language":{"code":"en"},
						 "components":[{"type":"body","parameters":[{"type":"text","parameter_name":"name","text":"Ana"}]}]}"""));
		JsonNode missingName = error(sendJson(SendRequests.template(TO, """
				{"name":"follow_up","language":{"code":"en"},
				 "components":[{"type":"body","parameters":[{"type":"text","text":"Ana"}]}]}""")),
				HttpStatus.BAD_REQUEST);
		assertThat(missingName.get("code").asInt()).isEqualTo(132000);
		assertThat(missingName.get("error_data").get("details").asString()).contains("parameter_name");
		JsonNode wrongName = error(sendJson(SendRequests.template(TO,
				"""
						{"name":"follow_up","language":{"code":"en"},
						 "components":[{"type":"body","parameters":[{"type":"text","parameter_name":"first_name","text":"Ana"}]}]}""")),
				HttpStatus.BAD_REQUEST);
		assertThat(wrongName.get("code").asInt()).isEqualTo(132000);
		assertThat(wrongName.get("error_data").get("details").asString()).contains("first_name").contains("name");
	}

	@Test
	void dynamicUrlButtonNeedsItsParameter() {
		JsonNode error = error(sendJson(SendRequests.template(TO, """
				{"name":"booking_actions","language":{"code":"en"},
				 "components":[{"type":"body","parameters":[{"type":"text","text":"BK-1"}]}]}""")),
				HttpStatus.BAD_REQUEST);
		assertThat(error.get("code").asInt()).isEqualTo(132000);
		assertThat(error.get("error_data").get("details").asString()).contains("index 2");
	}

	@Test
	void mediaHeaderNeedsItsMedia() {
		assertThat(error(sendJson(SendRequests.template(TO, """
				{"name":"tour_photo","language":{"code":"en"},
				 "components":[{"type":"body","parameters":[{"type":"text","text":"Ana"}]}]}""")),
				HttpStatus.BAD_REQUEST)
			.get("code")
			.asInt()).isEqualTo(132000);
		sendJsonOk(SendRequests.template(TO, """
				{"name":"tour_photo","language":{"code":"en"},
				 "components":[{"type":"header","parameters":[{"type":"image","image":{"id":"123"}}]},
				  {"type":"body","parameters":[{"type":"text","text":"Ana"}]}]}"""));
	}

	@Test
	void responsesCarryMetasHeadersAndTraceId() {
		EntityExchangeResult<byte[]> result = sendJson(SendRequests.text("12345", "hi"));
		HttpHeaders headers = result.getResponseHeaders();
		assertThat(headers.getFirst("facebook-api-version")).isEqualTo("v23.0");
		assertThat(headers.getFirst("x-fb-request-id")).isNotBlank();
		assertThat(headers.getFirst("x-fb-trace-id"))
			.isEqualTo(body(result, HttpStatus.BAD_REQUEST).get("error").get("fbtrace_id").asString());
	}

	@Test
	void rejectionsAreRecordedAndCounted() {
		long before = this.ledger.rejections(131009).size();
		sendJson(SendRequests.text("999", "hi"));
		assertThat(this.ledger.rejections(131009)).hasSize((int) before + 1);
		this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((metrics) -> assertThat(metrics).contains("simulator_messages_rejected_total{")
				.contains("code=\"131009\"")
				.contains("phone_number_id=\"" + TestAccounts.PHONE_NUMBER_ID + "\"")
				.contains("application=\"meta-simulator\""));
	}

	private EntityExchangeResult<byte[]> sendJson(JsonNode request) {
		return send(TestAccounts.messagesPath(), TestAccounts.TOKEN, request.toString());
	}

	private void sendJsonOk(JsonNode request) {
		EntityExchangeResult<byte[]> result = sendJson(request);
		assertThat(result.getStatus().value()).as(new String(result.getResponseBody())).isEqualTo(200);
	}

	private EntityExchangeResult<byte[]> send(String path, String token, String body) {
		return this.client.post().uri(path).headers((headers) -> {
			if (token != null) {
				headers.setBearerAuth(token);
			}
		}).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectBody().returnResult();
	}

	private static JsonNode body(EntityExchangeResult<byte[]> result, HttpStatus status) {
		assertThat(result.getStatus().value()).as(new String(result.getResponseBody())).isEqualTo(status.value());
		return Json.mapper().readTree(result.getResponseBody());
	}

	private static JsonNode error(EntityExchangeResult<byte[]> result, HttpStatus status) {
		JsonNode envelope = body(result, status);
		assertThat(envelope.get("error").get("fbtrace_id").asString()).isNotBlank();
		return envelope.get("error");
	}

}
