package com.waplatform.template.domain;

import com.waplatform.common.json.Json;
import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.template.TemplateFixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateVersionTests {

	private static final String META_ORDER = """
			{"name":"order_update","components":[{"type":"BODY","text":"Hi {{1}}","example":{"body_text":[["Ana"]]}}],
			 "language":"en_US","status":"APPROVED","category":"UTILITY","previous_category":"TRANSACTIONAL",
			 "id":"42","quality_score":{"score":"GREEN","date":1700000000}}""";

	private static final String OTHER_ORDER = """
			{"id":"42","category":"UTILITY","status":"APPROVED","language":"en_US",
			 "quality_score":{"date":1700000000,"score":"GREEN"},
			 "components":[{"example":{"body_text":[["Ana"]]},"text":"Hi {{1}}","type":"BODY"}],"name":"order_update"}""";

	@Test
	void isTheSha256OfTheCanonicalJson() {
		MessageTemplate template = read(META_ORDER);
		assertThat(TemplateVersion.canonicalJson(template)).isEqualTo(
				"{\"category\":\"UTILITY\",\"components\":[{\"example\":{\"body_text\":[[\"Ana\"]]},\"text\":\"Hi {{1}}\","
						+ "\"type\":\"BODY\"}],\"id\":\"42\",\"language\":\"en_US\",\"name\":\"order_update\","
						+ "\"quality_score\":{\"date\":1700000000,\"score\":\"GREEN\"},\"status\":\"APPROVED\"}");
		// sha256sum of the string above
		assertThat(TemplateVersion.of(template))
			.isEqualTo("0441cf95d0f0beba25531c2f445416ce8809f1f71ad15ab610d59232847b17c6");
	}

	@Test
	void doesNotDependOnTheOrderOfMetasFields() {
		assertThat(TemplateVersion.of(read(META_ORDER))).isEqualTo(TemplateVersion.of(read(OTHER_ORDER)));
	}

	@Test
	void changesWithTheStatus() {
		MessageTemplate template = read(META_ORDER);
		assertThat(TemplateVersion.of(TemplateFixtures.withStatus(template, "PAUSED")))
			.isNotEqualTo(TemplateVersion.of(template));
	}

	@Test
	void changesWithTheComponents() {
		String changedText = META_ORDER.replace("Hi {{1}}", "Hello {{1}}");
		assertThat(TemplateVersion.of(read(changedText))).isNotEqualTo(TemplateVersion.of(read(META_ORDER)));
	}

	@Test
	void changesWithTheQualityScore() {
		String yellow = META_ORDER.replace("GREEN", "YELLOW");
		assertThat(TemplateVersion.of(read(yellow))).isNotEqualTo(TemplateVersion.of(read(META_ORDER)));
	}

	@Test
	void ignoresFieldsTheTemplateModelDoesNotCarry() {
		String withoutPreviousCategory = META_ORDER.replace("\"previous_category\":\"TRANSACTIONAL\",", "");
		assertThat(TemplateVersion.of(read(withoutPreviousCategory))).isEqualTo(TemplateVersion.of(read(META_ORDER)));
	}

	private static MessageTemplate read(String json) {
		return Json.mapper().readValue(json, MessageTemplate.class);
	}

}
