package com.waplatform.gateway.templates.domain;

import com.waplatform.common.template.TemplateArguments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.waplatform.common.json.Json;
import com.waplatform.common.meta.MetaMessage.Component;
import com.waplatform.common.meta.MetaMessage.Parameter;
import com.waplatform.common.template.TemplateFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateArgumentsReaderTests {

	private final Recorded recorded = new Recorded();

	@Test
	void aListIsPositionalAndScalarsBecomeText() {
		TemplateArguments arguments = read("[\"Ann\", 42, true]", null);
		assertThat(this.recorded.all()).isEmpty();
		assertThat(arguments.positional()).containsExactly("Ann", "42", "true");
		assertThat(arguments.named()).isNull();
	}

	@Test
	void anObjectIsNamedAndExpandsForTheTemplateWithParameterNames() {
		TemplateArguments arguments = read("{\"first_name\": \"Ann\", \"booking_id\": \"B-1\"}", null);
		assertThat(arguments.named())
			.containsExactlyInAnyOrderEntriesOf(Map.of("first_name", "Ann", "booking_id", "B-1"));
		List<Component> components = arguments.componentsFor(TemplateFixtures.bookingConfirmed());
		assertThat(components).containsExactly(new Component("body", null, null,
				List.of(Parameter.namedText("first_name", "Ann"), Parameter.namedText("booking_id", "B-1"))));
		assertThat(Json.mapper().writeValueAsString(components.get(0).parameters().get(0)))
			.isEqualTo("{\"type\":\"text\",\"parameter_name\":\"first_name\",\"text\":\"Ann\"}");
	}

	@Test
	void emptyParametersExpandToNothing() {
		assertThat(read("[]", null).componentsFor(TemplateFixtures.bookingReminder())).isEmpty();
		assertThat(read("{}", null).componentsFor(TemplateFixtures.bookingConfirmed())).isEmpty();
		assertThat(read(null, null)).isEqualTo(TemplateArguments.none());
		assertThat(this.recorded.all()).isEmpty();
	}

	@Test
	void nonScalarValuesAreMalformedAndBlankOnesOrBadNamesInvalid() {
		assertThat(read("[\"Ann\", {\"x\": 1}, \" \"]", null)).isNull();
		assertThat(this.recorded.malformed).containsExactly("template.parameters[1]");
		assertThat(this.recorded.invalid).containsExactly("template.parameters[2]");
		Recorded named = new Recorded();
		TemplateArgumentsReader.read(tree("{\"Bad-Name\": \"x\", \"ok\": \" \"}"), null, "template.", named);
		assertThat(named.invalid).containsExactly("template.parameters.Bad-Name", "template.parameters.ok");
		Recorded scalar = new Recorded();
		TemplateArgumentsReader.read(tree("\"Ann\""), null, "", scalar);
		assertThat(scalar.malformed).containsExactly("parameters");
	}

	@Test
	void componentsAreMetasAndMayNotRepeatTheBodyOfTheParameters() {
		TemplateArguments arguments = read(null,
				"""
						[{"type": "header", "parameters": [{"type": "image", "image": {"link": "https://cdn.example.com/t.jpg"}}]}]""");
		assertThat(arguments.components()).singleElement()
			.satisfies((header) -> assertThat(header.parameters().get(0).image().link())
				.isEqualTo("https://cdn.example.com/t.jpg"));
		assertThat(read("[\"Ann\"]", "[{\"type\": \"body\", \"parameters\": []}]")).isNull();
		assertThat(this.recorded.invalid).containsExactly("template.parameters");
		Recorded mistyped = new Recorded();
		TemplateArgumentsReader.read(null, tree("[{\"type\": \"body\", \"parameters\": 5}]"), "template.", mistyped);
		assertThat(mistyped.malformed).singleElement()
			.satisfies((field) -> assertThat(field).startsWith("template.components[0]"));
	}

	private TemplateArguments read(String parameters, String components) {
		return TemplateArgumentsReader.read(tree(parameters), tree(components), "template.", this.recorded);
	}

	private static JsonNode tree(String json) {
		return (json != null) ? Json.mapper().readTree(json) : null;
	}

	private static final class Recorded implements TemplateArgumentsReader.Sink {

		final List<String> malformed = new ArrayList<>();

		final List<String> invalid = new ArrayList<>();

		@Override
		public void malformed(String field, String message) {
			this.malformed.add(field);
		}

		@Override
		public void invalid(String field, String message) {
			this.invalid.add(field);
		}

		List<String> all() {
			List<String> all = new ArrayList<>(this.malformed);
			all.addAll(this.invalid);
			return all;
		}

	}

}
