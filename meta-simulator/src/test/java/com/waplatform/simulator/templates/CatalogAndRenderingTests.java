package com.waplatform.simulator.templates;

import com.waplatform.common.json.Json;
import com.waplatform.simulator.SimulatorTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated catalog of the test profile's third WABA ({@code simulator.catalog}), and
 * the rendering the ledger keeps of a template send.
 */
@SimulatorTest
class CatalogAndRenderingTests {

	private static final String WABA = "300000000000003";

	private static final String PHONE_NUMBER_ID = "300000000000033";

	private static final String TOKEN = "test-token-3";

	private final WebTestClient client;

	CatalogAndRenderingTests(@Autowired WebTestClient client) {
		this.client = client;
	}

	@Test
	void theCatalogWabaListsItsGeneratedTemplatesBesideTheSeeds() {
		JsonNode all = get("/v23.0/" + WABA + "/message_templates?limit=1000&fields=name,language,status");
		assertThat(all.get("data")).hasSize(130);
		assertThat(get("/v23.0/" + WABA + "/message_templates?limit=1000&language=pt_BR").get("data")).hasSize(24);
		assertThat(get("/v23.0/" + WABA + "/message_templates?limit=1000&status=PAUSED,DISABLED").get("data"))
			.hasSize(12);
		this.client.get()
			.uri("/v23.0/300000000000001/message_templates?limit=1000")
			.headers((headers) -> headers.setBearerAuth("test-token-1"))
			.exchange()
			.expectBody()
			.jsonPath("$.data[?(@.name =~ /catalog_.*/)]")
			.isEmpty();
	}

	@Test
	void pausedAndDisabledCatalogTemplatesCannotBeSent() {
		JsonNode paused = send("""
				{"name":"catalog_utility_002","language":{"code":"pt_BR"}}""");
		assertThat(paused.get("error").get("code").asInt()).isEqualTo(132015);
		JsonNode disabled = send("""
				{"name":"catalog_marketing_003","language":{"code":"es"}}""");
		assertThat(disabled.get("error").get("code").asInt()).isEqualTo(132016);
	}

	@Test
	void theLedgerKeepsWhatTheCustomerSaw() {
		JsonNode answer = send(
				"""
						{"name":"catalog_marketing_003","language":{"code":"en"},"components":[
						 {"type":"header","parameters":[{"type":"video","video":{"link":"https://media.example.com/tour.mp4"}}]},
						 {"type":"body","parameters":[{"type":"text","text":"Ana"},{"type":"text","text":"BK-9"},
						  {"type":"currency","currency":{"fallback_value":"$5.00","code":"USD","amount_1000":5000}},
						  {"type":"date_time","date_time":{"fallback_value":"June 1"}}]},
						 {"type":"button","sub_type":"url","index":"0","parameters":[{"type":"text","text":"BK-9"}]}]}""");
		String wamid = answer.get("messages").get(0).get("id").asString();
		JsonNode rendered = get("/admin/ledger/" + wamid + "/rendered");
		assertThat(rendered).isEqualTo(Json.mapper().readTree("""
				{"header":{"format":"VIDEO","mediaLink":"https://media.example.com/tour.mp4"},
				 "body":"Hello Ana, your reference is BK-9, the total is $5.00, see you on June 1.",
				 "buttons":[{"type":"URL","text":"Track","url":"https://example.com/track/BK-9"},
				  {"type":"PHONE_NUMBER","text":"Call us","phoneNumber":"+15550100000"}]}"""));
		this.client.get().uri("/admin/ledger/wamid.unknown/rendered").exchange().expectStatus().isNotFound();
	}

	private JsonNode send(String template) {
		byte[] body = this.client.post()
			.uri("/v23.0/{id}/messages", PHONE_NUMBER_ID)
			.headers((headers) -> headers.setBearerAuth(TOKEN))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"messaging_product":"whatsapp","to":"+16505559100","type":"template","template":%s}"""
				.formatted(template))
			.exchange()
			.expectBody()
			.returnResult()
			.getResponseBody();
		return Json.mapper().readTree(body);
	}

	private JsonNode get(String uri) {
		byte[] body = this.client.get()
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(TOKEN))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		return Json.mapper().readTree(body);
	}

}
