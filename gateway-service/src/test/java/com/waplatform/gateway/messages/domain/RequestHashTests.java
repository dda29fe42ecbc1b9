package com.waplatform.gateway.messages.domain;

import com.waplatform.common.json.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestHashTests {

	@Test
	void memberOrderAndWhitespaceDoNotMatter() {
		String a = "{\"to\":\"+14155550123\",\"type\":\"text\",\"text\":{\"body\":\"Hi\",\"preview_url\":false}}";
		String b = "{ \"text\": { \"preview_url\": false, \"body\": \"Hi\" },\n \"type\": \"text\", \"to\": \"+14155550123\" }";
		assertThat(RequestHash.of(Json.mapper().readTree(a))).isEqualTo(RequestHash.of(Json.mapper().readTree(b)));
		assertThat(RequestHash.canonicalText(Json.mapper().readTree(b)))
			.isEqualTo("{\"text\":{\"body\":\"Hi\",\"preview_url\":false},\"to\":\"+14155550123\",\"type\":\"text\"}");
	}

	@Test
	void anyDifferenceInContentChangesTheHash() {
		String base = RequestHash.of(Json.mapper().readTree("{\"text\":{\"body\":\"Hi\"},\"tags\":[1,2]}"));
		assertThat(base).hasSize(64);
		assertThat(RequestHash.of(Json.mapper().readTree("{\"text\":{\"body\":\"Hi!\"},\"tags\":[1,2]}")))
			.isNotEqualTo(base);
		assertThat(RequestHash.of(Json.mapper().readTree("{\"text\":{\"body\":\"Hi\"},\"tags\":[2,1]}")))
			.isNotEqualTo(base);
	}

}
