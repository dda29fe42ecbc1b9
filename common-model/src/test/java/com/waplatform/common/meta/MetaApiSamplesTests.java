package com.waplatform.common.meta;

import java.util.List;
import java.util.Map;

import com.waplatform.common.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Our Meta DTOs against Meta's own request and response examples. */
class MetaApiSamplesTests {

	static List<String> sendRequests() {
		return MetaSamples.names("api", (name) -> name.startsWith("spec_req_send_"));
	}

	static List<String> sendResponses() {
		return List.of("spec_resp_send_message_200.json", "bindambc_resp_send_message_200.json",
				"metadoc_resp_marketing_messages_accepted.json", "metadoc_resp_send_to_bsuid.json");
	}

	static List<String> errors() {
		return MetaSamples.names("api",
				(name) -> name.contains("error") && !name.equals("spec_error_examples_by_http_status.json"));
	}

	static List<String> templateLists() {
		return MetaSamples.names("api", (name) -> name.startsWith("bindambc_resp_get_message_templates_")
				|| name.equals("spec_resp_get_message_templates.json"));
	}

	@ParameterizedTest
	@MethodSource("sendRequests")
	void sendRequestParsesAndWritesBackTheSameJson(String name) {
		JsonNode sample = MetaSamples.tree("api", name);
		MetaMessage message = Json.mapper().treeToValue(sample, MetaMessage.class);
		assertThat(message.type()).isEqualTo(sample.path("type").asString(null));
		// through text, as on the wire: a long amount_1000 and an int one are the same
		// JSON
		assertThat(Json.mapper().readTree(Json.mapper().writeValueAsString(message))).isEqualTo(sample);
	}

	@Test
	void templateSendKeepsCurrencyDateTimeAndButtons() {
		MetaMessage message = MetaSamples.read("api", "spec_req_send_template_header_image_quick_reply_buttons.json",
				MetaMessage.class);
		MetaMessage.Template template = message.template();
		assertThat(template.components()).extracting(MetaMessage.Component::type)
			.containsExactly("header", "body", "button", "button");
		assertThat(template.components().get(0).parameters().get(0).image().link())
			.isEqualTo("http(s)://the-image-url");
		List<MetaMessage.Parameter> body = template.components().get(1).parameters();
		assertThat(body.get(1).currency()).isEqualTo(new MetaMessage.Currency("$100.99", "USD", 100990));
		assertThat(body.get(2).dateTime().fallbackValue()).isEqualTo("February 25, 1977");
		assertThat(body.get(2).dateTime().dayOfMonth()).isEqualTo(25);
		assertThat(template.components().get(3).index()).isEqualTo("1");
		assertThat(template.components().get(3).parameters().get(0).payload()).isEqualTo("9rwnB8RbYmPF5t2Mn09x4h");
	}

	@Test
	void markReadIsRecognized() {
		MetaMessage message = MetaSamples.read("api", "spec_req_send_mark_read_typing_indicator.json",
				MetaMessage.class);
		assertThat(message.isMarkRead()).isTrue();
		assertThat(message.typingIndicator()).isEqualTo(new MetaMessage.TypingIndicator("text"));
	}

	@ParameterizedTest
	@MethodSource("sendResponses")
	void sendResponseCarriesTheWamid(String name) {
		JsonNode sample = MetaSamples.tree("api", name);
		SendMessageResponse response = Json.mapper().treeToValue(sample, SendMessageResponse.class);
		assertThat(response.wamid()).startsWith("wamid.").isEqualTo(sample.at("/messages/0/id").asString());
		assertThat(response.contacts().get(0).input()).isEqualTo(sample.at("/contacts/0/input").asString());
		assertThat(response.contacts().get(0).waId()).isEqualTo(sample.at("/contacts/0/wa_id").asString());
	}

	@Test
	void sendResponseDetails() {
		assertThat(MetaSamples.read("api", "metadoc_resp_marketing_messages_accepted.json", SendMessageResponse.class)
			.messages()
			.get(0)
			.messageStatus()).isEqualTo("accepted");
		SendMessageResponse bsuid = MetaSamples.read("api", "metadoc_resp_send_to_bsuid.json",
				SendMessageResponse.class);
		assertThat(bsuid.contacts().get(0).waId()).isEmpty();
		assertThat(bsuid.contacts().get(0).userId()).startsWith("user.");
	}

	@ParameterizedTest
	@MethodSource("errors")
	void errorParsesWithCodeAndDetails(String name) {
		JsonNode sample = MetaSamples.tree("api", name);
		GraphErrorResponse response = Json.mapper().treeToValue(sample, GraphErrorResponse.class);
		assertThat(response.error().code()).isEqualTo(sample.at("/error/code").asInt()).isPositive();
		assertThat(response.error().message()).isEqualTo(sample.at("/error/message").asString());
		assertThat(response.error().details()).isEqualTo(sample.at("/error/error_data/details").asString(null));
		assertThat(response.error().fbtraceId()).isEqualTo(sample.at("/error/fbtrace_id").asString(null));
	}

	@Test
	void errorDetailsOfKnownSamples() {
		GraphErrorResponse.GraphError rateLimit = MetaSamples
			.read("api", "metadoc_error_130429_rate_limit_hit.json", GraphErrorResponse.class)
			.error();
		assertThat(rateLimit.code()).isEqualTo(130429);
		assertThat(rateLimit.errorSubcode()).isEqualTo(2494055);
		assertThat(rateLimit.details()).isEqualTo("Cloud API message throughput has been reached.");
		GraphErrorResponse.GraphError notFound = MetaSamples
			.read("api", "captured_error_132001_template_not_found.json", GraphErrorResponse.class)
			.error();
		assertThat(notFound.code()).isEqualTo(132001);
		assertThat(notFound.details()).isEqualTo("template name (Nasilsin ya) does not exist in en_US");
		GraphErrorResponse.GraphError userMessage = MetaSamples
			.read("api", "bindambc_error_136024_request_code_user_msg.json", GraphErrorResponse.class)
			.error();
		assertThat(userMessage.isTransient()).isFalse();
		assertThat(userMessage.errorUserMsg()).isEqualTo("Tente novamente depois de um tempo.");
		assertThat(
				MetaSamples.read("api", "bindambc_error_100_subcode_33_object_not_found.json", GraphErrorResponse.class)
					.error()
					.errorSubcode())
			.isEqualTo(33);
	}

	@Test
	void specErrorExamplesParse() {
		JsonNode examples = MetaSamples.tree("api", "spec_error_examples_by_http_status.json");
		Map<String, Integer> codes = Map.of("401_InvalidAccessToken", 190, "401_MissingAccessToken", 104,
				"429_RateLimitExceeded", 4, "400_InvalidTemplateParameters", 100);
		assertThat(examples.propertyNames()).containsExactlyInAnyOrderElementsOf(codes.keySet());
		codes.forEach((example, code) -> {
			GraphErrorResponse response = Json.mapper().treeToValue(examples.get(example), GraphErrorResponse.class);
			assertThat(response.error().code()).isEqualTo(code);
			assertThat(response.error().type()).isEqualTo("OAuthException");
			assertThat(response.error().details()).isNull();
		});
	}

	@ParameterizedTest
	@MethodSource("templateLists")
	void templateListParsesWithItsCursor(String name) {
		JsonNode sample = MetaSamples.tree("api", name);
		TemplatePage page = Json.mapper().treeToValue(sample, TemplatePage.class);
		assertThat(page.data()).hasSize(sample.get("data").size());
		for (int i = 0; i < page.data().size(); i++) {
			MessageTemplate template = page.data().get(i);
			JsonNode raw = sample.get("data").get(i);
			assertThat(template.id()).isEqualTo(raw.get("id").asString());
			assertThat(template.name()).isEqualTo(raw.get("name").asString());
			assertThat(template.language()).isEqualTo(raw.get("language").asString());
			assertThat(template.status()).isEqualTo(raw.get("status").asString());
			assertThat(template.category()).isEqualTo(raw.get("category").asString());
			assertThat(template.componentsOrEmpty()).hasSize(raw.get("components").size());
		}
		String expectedCursor = sample.at("/paging/next").isMissingNode() ? null
				: sample.at("/paging/cursors/after").asString();
		assertThat(page.nextCursor()).isEqualTo(expectedCursor);
	}

	@Test
	void templateListPagingAndComponents() {
		TemplatePage next = MetaSamples.read("api", "bindambc_resp_get_message_templates_paging_next.json",
				TemplatePage.class);
		assertThat(next.nextCursor()).isEqualTo("MQZDZD");
		assertThat(next.paging().next()).endsWith("after=MQZDZD");
		assertThat(MetaSamples.read("api", "bindambc_resp_get_message_templates_with_paging.json", TemplatePage.class)
			.nextCursor()).isNull();
		MessageTemplate promo = MetaSamples.read("api", "spec_resp_get_message_templates.json", TemplatePage.class)
			.data()
			.get(1);
		assertThat(promo.name()).isEqualTo("2023_april_promo");
		assertThat(promo.componentsOrEmpty()).extracting(MessageTemplate.Component::type)
			.containsExactly("HEADER", "BODY", "FOOTER", "BUTTONS");
		assertThat(promo.componentsOrEmpty().get(1).example().at("/body_text/0/1").asString()).isEqualTo("FALL25");
		assertThat(promo.componentsOrEmpty().get(3).buttons()).singleElement()
			.isEqualTo(new MessageTemplate.Button("QUICK_REPLY", "Stop promotions", null, null, null));
	}

}
