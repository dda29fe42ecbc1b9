package com.waplatform.gateway.messages.domain;

import java.time.Duration;
import java.util.List;

import com.waplatform.common.json.Json;
import com.waplatform.common.meta.MetaMessage.Component;
import com.waplatform.common.meta.MetaMessage.Parameter;
import com.waplatform.common.meta.MetaMessage.Template;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateParametersTests {

	@Test
	void aListFillsPositionalBodyVariables() {
		Issues issues = new Issues();
		List<Component> components = TemplateParameters.expand(Json.mapper().readTree("[\"Ann\", 42, true]"), issues);
		assertThat(issues.any()).isFalse();
		assertThat(components).containsExactly(new Component("body", null, null,
				List.of(Parameter.text("Ann"), Parameter.text("42"), Parameter.text("true"))));
	}

	@Test
	void anObjectFillsNamedBodyVariablesInOrder() {
		Issues issues = new Issues();
		List<Component> components = TemplateParameters
			.expand(Json.mapper().readTree("{\"first_name\": \"Ann\", \"booking_id\": \"B-1\"}"), issues);
		assertThat(issues.any()).isFalse();
		assertThat(components).containsExactly(new Component("body", null, null,
				List.of(Parameter.namedText("first_name", "Ann"), Parameter.namedText("booking_id", "B-1"))));
		assertThat(Json.mapper().writeValueAsString(components.get(0).parameters().get(0)))
			.isEqualTo("{\"type\":\"text\",\"parameter_name\":\"first_name\",\"text\":\"Ann\"}");
	}

	@Test
	void emptyParametersAddNoComponent() {
		Issues issues = new Issues();
		assertThat(TemplateParameters.expand(Json.mapper().readTree("[]"), issues)).isEmpty();
		assertThat(TemplateParameters.expand(Json.mapper().readTree("{}"), issues)).isEmpty();
		assertThat(issues.any()).isFalse();
	}

	@Test
	void nonScalarValuesAreMalformedAndBlankOnesInvalid() {
		Issues issues = new Issues();
		TemplateParameters.expand(Json.mapper().readTree("[\"Ann\", {\"x\": 1}, \" \"]"), issues);
		assertThat(((ParseResult.Rejected) issues.rejection()).errors())
			.containsExactly(new FieldError("template.parameters[1]", "must be a string or a number"));
		Issues named = new Issues();
		TemplateParameters.expand(Json.mapper().readTree("{\"Bad-Name\": \"x\", \"ok\": \" \"}"), named);
		assertThat(((ParseResult.Rejected) named.rejection()).errors()).extracting(FieldError::field)
			.containsExactly("template.parameters.Bad-Name", "template.parameters.ok");
	}

	@Test
	void parserExpandsParametersIntoTheTemplate() {
		ParseResult result = new MessageRequestParser(Duration.ofDays(1)).parse(Json.mapper().readTree("""
				{"to": "+14155550123", "type": "template",
				 "template": {"name": "reminder", "language": "en", "parameters": ["Ann", "10:00"]}}"""));
		Template template = ((ParseResult.Parsed) result).request().message().template();
		assertThat(template.language().code()).isEqualTo("en");
		assertThat(template.components()).containsExactly(
				new Component("body", null, null, List.of(Parameter.text("Ann"), Parameter.text("10:00"))));
	}

	@Test
	void parametersAndComponentsTogetherAreRefused() {
		ParseResult result = new MessageRequestParser(Duration.ofDays(1)).parse(Json.mapper().readTree("""
				{"to": "+14155550123", "type": "template",
				 "template": {"name": "reminder", "language": "en", "parameters": ["Ann"], "components": []}}"""));
		assertThat(((ParseResult.Rejected) result).errors()).extracting(FieldError::field)
			.containsExactly("template.parameters");
	}

}
