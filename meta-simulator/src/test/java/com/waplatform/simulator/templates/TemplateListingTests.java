package com.waplatform.simulator.templates;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.waplatform.common.json.Json;
import com.waplatform.common.meta.TemplatePage;
import com.waplatform.simulator.Samples;
import com.waplatform.simulator.SimulatorTest;
import com.waplatform.simulator.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /{version}/{waba-id}/message_templates} with Meta's cursor paging. Uses the
 * second test WABA, which no other test class adds templates to.
 */
@SimulatorTest
class TemplateListingTests {

	private static final String WABA = TestAccounts.OTHER_WABA_ID;

	private final WebTestClient client;

	private final TemplateStore store;

	TemplateListingTests(@Autowired WebTestClient client, @Autowired TemplateStore store) {
		this.client = client;
		this.store = store;
	}

	@BeforeEach
	void addTemplates() {
		for (int i = 0; i < 27; i++) {
			this.client.post()
				.uri("/admin/templates/{waba}", WABA)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("""
						{"name":"extra_%02d","language":"en_US","status":"APPROVED","category":"MARKETING",
						 "components":[{"type":"BODY","text":"Extra {{1}}","example":{"body_text":[["x"]]}}]}"""
					.formatted(i))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.returnResult();
		}
	}

	@Test
	void pagesThroughAllTemplatesWithCursors() {
		int total = this.store.list(WABA).size();
		assertThat(total).isGreaterThanOrEqualTo(37);
		List<String> ids = new ArrayList<>();
		String uri = "/v23.0/" + WABA + "/message_templates?limit=5";
		int pages = 0;
		JsonNode page = null;
		while (uri != null) {
			page = get(uri);
			pages++;
			page.get("data").forEach((template) -> ids.add(template.get("id").asString()));
			assertThat(page.get("paging").has("previous")).isEqualTo(pages > 1);
			TemplatePage typed = Json.mapper().treeToValue(page, TemplatePage.class);
			assertThat(typed.data()).hasSizeLessThanOrEqualTo(5);
			uri = (typed.paging().next() != null) ? relative(typed.paging().next()) : null;
		}
		assertThat(pages).isEqualTo((total + 4) / 5);
		assertThat(ids).hasSize(total).doesNotHaveDuplicates();
		assertThat(page.get("paging").has("next")).isFalse();
		assertThat(page.get("paging").get("cursors").has("after")).isTrue();
	}

	@Test
	void beforeCursorGoesBack() {
		JsonNode first = get("/v23.0/" + WABA + "/message_templates?limit=4");
		JsonNode second = get(relative(first.get("paging").get("next").asString()));
		assertThat(second.get("paging").get("previous").asString()).contains("before=").contains("limit=4");
		JsonNode back = get(relative(second.get("paging").get("previous").asString()));
		assertThat(back.get("data")).isEqualTo(first.get("data"));
		assertThat(back.get("paging").has("previous")).isFalse();
	}

	@Test
	void defaultLimitIs25() {
		assertThat(get("/v23.0/" + WABA + "/message_templates").get("data")).hasSize(25);
	}

	@Test
	void listsTemplatesShapedLikeMetas() {
		Set<String> shapes = new HashSet<>();
		String uri = "/v23.0/" + WABA + "/message_templates?limit=7";
		while (uri != null) {
			JsonNode page = get(uri);
			shapes.addAll(Samples.shape(page));
			uri = page.get("paging").has("next") ? relative(page.get("paging").get("next").asString()) : null;
		}
		Set<String> meta = new HashSet<>(
				Samples.shape(Samples.json("api/bindambc_resp_get_message_templates_paging_next.json")));
		meta.addAll(Samples.shape(Samples.json("api/spec_resp_get_message_templates.json")));
		meta.remove("data[].previous_category");
		assertThat(shapes).containsAll(meta);
	}

	@Test
	void filtersAndProjectsFields() {
		JsonNode page = get("/v23.0/" + WABA
				+ "/message_templates?name=follow_up&status=APPROVED&fields=name,status,parameter_format");
		assertThat(page.get("data")).hasSize(1);
		JsonNode followUp = page.get("data").get(0);
		assertThat(followUp.propertyNames()).containsExactly("id", "name", "status", "parameter_format");
		assertThat(followUp.get("parameter_format").asString()).isEqualTo("NAMED");
		assertThat(get("/v23.0/" + WABA + "/message_templates?category=MARKETING&language=en&limit=100").get("data"))
			.extracting((template) -> template.get("name").asString())
			.containsExactly("summer_promo");
		assertThat(get("/v23.0/" + WABA + "/message_templates?name=nothing_like_this").get("data")).isEmpty();
	}

	@Test
	void seededTemplatesAreThere() {
		JsonNode page = get("/v23.0/" + WABA + "/message_templates?language=en&limit=100");
		assertThat(page.get("data")).extracting((template) -> template.get("name").asString())
			.containsExactly("booking_confirmation", "inquiry_received", "payment_reminder", "tour_details",
					"welcome_message", "follow_up", "tour_photo", "itinerary_document", "booking_actions",
					"summer_promo");
		assertThat(page.get("data")).allMatch((template) -> "APPROVED".equals(template.get("status").asString()));
	}

	@Test
	void listingNeedsTheWabasToken() {
		this.client.get()
			.uri("/v23.0/" + WABA + "/message_templates")
			.headers((headers) -> headers.setBearerAuth(TestAccounts.TOKEN))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo(190);
		this.client.get()
			.uri("/v23.0/424242/message_templates")
			.headers((headers) -> headers.setBearerAuth(TestAccounts.OTHER_TOKEN))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error.error_subcode")
			.isEqualTo(33);
	}

	private JsonNode get(String uri) {
		byte[] body = this.client.get()
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(TestAccounts.OTHER_TOKEN))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		return Json.mapper().readTree(body);
	}

	private static String relative(String absolute) {
		assertThat(absolute).startsWith("http://");
		return absolute.substring(absolute.indexOf('/', "http://".length()));
	}

}
