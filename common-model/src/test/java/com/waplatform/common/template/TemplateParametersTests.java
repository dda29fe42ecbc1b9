package com.waplatform.common.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.common.meta.MetaMessage.Component;
import com.waplatform.common.meta.MetaMessage.Parameter;
import org.junit.jupiter.api.Test;

import static com.waplatform.common.template.TemplateFixtures.FOLLOW_UP;
import static com.waplatform.common.template.TemplateFixtures.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class TemplateParametersTests {

	private static final MessageTemplate POSITIONAL = template("""
			{"name":"booking_confirmation","language":"en","status":"APPROVED","parameter_format":"POSITIONAL",
			 "components":[{"type":"BODY","text":"Hi {{1}}, your booking for {{2}} starting {{3}} is confirmed."}]}
			""");

	private static final MessageTemplate NAMED = template(FOLLOW_UP);

	@Test
	void aListFillsTheBodyPositionally() {
		List<Component> components = TemplateParameters.expand(POSITIONAL, List.of("Ana", "Old Town Walk", "June 1"));
		assertThat(components).containsExactly(new Component("body", null, null,
				List.of(Parameter.text("Ana"), Parameter.text("Old Town Walk"), Parameter.text("June 1"))));
		assertThat(validate(POSITIONAL, components)).isEmpty();
		assertThat(TemplateRenderer.render(POSITIONAL, send(POSITIONAL, components)).body())
			.isEqualTo("Hi Ana, your booking for Old Town Walk starting June 1 is confirmed.");
	}

	@Test
	void anEmptyListGivesNoComponents() {
		assertThat(TemplateParameters.expand(POSITIONAL, List.of())).isEmpty();
		assertThat(TemplateParameters.expand(POSITIONAL, Map.of())).isEmpty();
	}

	@Test
	void aShortListIsReportedByTheValidator() {
		assertThat(validate(POSITIONAL, TemplateParameters.expand(POSITIONAL, List.of("Ana"))))
			.extracting(TemplateViolation::field, TemplateViolation::metaErrorCode)
			.containsExactly(tuple("template.components[body].parameters[1]", 132000),
					tuple("template.components[body].parameters[2]", 132000));
	}

	@Test
	void aMapFillsNamedHeaderAndBodyVariables() {
		List<Component> components = TemplateParameters.expand(NAMED,
				Map.of("tour", "the Old Town Walk", "first_name", "Ana", "city", "Lisbon"));
		assertThat(components).containsExactly(
				new Component("header", null, null, List.of(Parameter.namedText("city", "Lisbon"))),
				new Component("body", null, null, List.of(Parameter.namedText("first_name", "Ana"),
						Parameter.namedText("tour", "the Old Town Walk"))));
		assertThat(validate(NAMED, components)).isEmpty();
		assertThat(TemplateRenderer.render(NAMED, send(NAMED, components)).body())
			.isEqualTo("Hi Ana, how was the Old Town Walk? Ana, rate it below.");
	}

	@Test
	void unknownNamesAreKeptForTheValidatorToReport() {
		List<Component> components = TemplateParameters.expand(NAMED,
				Map.of("first_name", "Ana", "tour", "x", "city", "Lisbon", "surname", "Silva"));
		assertThat(components.get(1).parameters()).extracting(Parameter::parameterName)
			.containsExactly("first_name", "tour", "surname");
		assertThat(validate(NAMED, components)).extracting(TemplateViolation::field, TemplateViolation::code)
			.containsExactly(tuple("template.components[body].parameters[2].parameter_name", "parameter-unexpected"));
	}

	@Test
	void aNumberedMapFillsAPositionalTemplate() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("3", "June 1");
		values.put("1", "Ana");
		values.put("2", "Old Town Walk");
		List<Component> components = TemplateParameters.expand(POSITIONAL, values);
		assertThat(components.get(0).parameters()).extracting(Parameter::text, Parameter::parameterName)
			.containsExactly(tuple("Ana", null), tuple("Old Town Walk", null), tuple("June 1", null));
		assertThat(validate(POSITIONAL, components)).isEmpty();
	}

	@Test
	void aGapInANumberedMapIsNotShiftedButReported() {
		List<Component> components = TemplateParameters.expand(POSITIONAL, Map.of("1", "Ana", "3", "June 1"));
		assertThat(validate(POSITIONAL, components)).extracting(TemplateViolation::field, TemplateViolation::code)
			.containsExactly(tuple("template.components[body].parameters[0].parameter_name", "parameter-name"),
					tuple("template.components[body].parameters[1].parameter_name", "parameter-name"),
					tuple("template.components[body].parameters[2]", "parameter-missing"));
	}

	@Test
	void aListForANamedTemplateIsReportedAsMissingNames() {
		List<Component> components = TemplateParameters.expand(NAMED, List.of("Ana", "x"));
		assertThat(validate(NAMED, components)).extracting(TemplateViolation::code)
			.contains("parameter-name", "parameter-missing");
	}

	private static MetaMessage.Template send(MessageTemplate template, List<Component> components) {
		return new MetaMessage.Template(template.name(), MetaMessage.Language.of(template.language()), components);
	}

	private static List<TemplateViolation> validate(MessageTemplate template, List<Component> components) {
		return TemplateValidator.validate(template, send(template, components));
	}

}
