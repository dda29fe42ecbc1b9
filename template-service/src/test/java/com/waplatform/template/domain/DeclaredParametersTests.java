package com.waplatform.template.domain;

import java.util.List;

import com.waplatform.common.json.Json;
import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.template.domain.DeclaredParameters.ComponentParameters;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeclaredParametersTests {

	@Test
	void positionalParametersPerComponentWithHeaderFormatAndButtonTypes() {
		MessageTemplate template = read("""
				{"name":"order","language":"en_US","status":"APPROVED","components":[
				 {"type":"HEADER","format":"TEXT","text":"Order {{1}}"},
				 {"type":"BODY","text":"Hi {{1}}, order {{2}} ships {{3}}. Again: {{1}}"},
				 {"type":"FOOTER","text":"Thanks"},
				 {"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"Stop"},
				  {"type":"URL","text":"Track","url":"https://x.example/t/{{1}}"},
				  {"type":"PHONE_NUMBER","text":"Call","phone_number":"+15550100"}]}]}""");

		DeclaredParameters declared = DeclaredParameters.of(template);

		assertThat(declared.parameterFormat()).isEqualTo("POSITIONAL");
		assertThat(declared.components()).containsExactly(
				new ComponentParameters("HEADER", null, "TEXT", null, List.of("1")),
				new ComponentParameters("BODY", null, null, null, List.of("1", "2", "3")),
				new ComponentParameters("BUTTON", 0, null, "QUICK_REPLY", List.of()),
				new ComponentParameters("BUTTON", 1, null, "URL", List.of("1")),
				new ComponentParameters("BUTTON", 2, null, "PHONE_NUMBER", List.of()));
		assertThat(declared.bodyCount()).isEqualTo(3);
	}

	@Test
	void namedParametersFromTheTextAndMetasNamedExamples() {
		MessageTemplate template = read("""
				{"name":"named","language":"en_US","status":"APPROVED","parameter_format":"NAMED","components":[
				 {"type":"HEADER","format":"TEXT","text":"Hi {{first_name}}",
				  "example":{"header_text_named_params":[{"param_name":"first_name","example":"Ana"}]}},
				 {"type":"BODY","text":"Your order {{order_id}} arrives {{ delivery_date }}.",
				  "example":{"body_text_named_params":[{"param_name":"order_id","example":"A-1"},
				   {"param_name":"delivery_date","example":"today"},{"param_name":"courier","example":"DHL"}]}}]}""");

		DeclaredParameters declared = DeclaredParameters.of(template);

		assertThat(declared.parameterFormat()).isEqualTo("NAMED");
		assertThat(declared.components()).containsExactly(
				new ComponentParameters("HEADER", null, "TEXT", null, List.of("first_name")),
				new ComponentParameters("BODY", null, null, null, List.of("order_id", "delivery_date", "courier")));
	}

	@Test
	void namedParametersOnlyInMetasExampleAreDeclaredToo() {
		MessageTemplate template = read(
				"""
						{"name":"named","language":"en_US","status":"APPROVED","parameter_format":"NAMED","components":[
						 {"type":"BODY","example":{"body_text_named_params":[{"param_name":"first_name","example":"Ana"}]}}]}""");

		assertThat(DeclaredParameters.of(template).components())
			.containsExactly(new ComponentParameters("BODY", null, null, null, List.of("first_name")));
	}

	@Test
	void aMediaHeaderTakesOneParameterOfItsFormat() {
		MessageTemplate template = read("""
				{"name":"media","language":"en_US","status":"APPROVED","components":[
				 {"type":"header","format":"image","example":{"header_handle":["4::aW1h"]}},
				 {"type":"BODY","text":"No parameters"}]}""");

		assertThat(DeclaredParameters.of(template).components()).containsExactly(
				new ComponentParameters("HEADER", null, "IMAGE", null, List.of()),
				new ComponentParameters("BODY", null, null, null, List.of()));
	}

	@Test
	void theFormatIsInferredWhenMetaDoesNotSayIt() {
		MessageTemplate named = read(
				"""
						{"name":"n","language":"en","status":"APPROVED","components":[{"type":"BODY","text":"Hi {{name}}!"}]}""");
		MessageTemplate none = read("""
				{"name":"n","language":"en","status":"APPROVED","components":[{"type":"BODY","text":"Hi!"}]}""");

		assertThat(DeclaredParameters.of(named).parameterFormat()).isEqualTo("NAMED");
		assertThat(DeclaredParameters.of(none).parameterFormat()).isEqualTo("POSITIONAL");
	}

	@Test
	void serializesWithoutEmptyFields() {
		MessageTemplate template = read("""
				{"name":"n","language":"en","status":"APPROVED","components":[{"type":"BODY","text":"Hi {{1}}!"}]}""");

		assertThat(Json.mapper().writeValueAsString(DeclaredParameters.of(template))).isEqualTo(
				"{\"parameterFormat\":\"POSITIONAL\",\"components\":[{\"component\":\"BODY\",\"parameters\":[\"1\"]}]}");
	}

	private static MessageTemplate read(String json) {
		return Json.mapper().readValue(json, MessageTemplate.class);
	}

}
