package com.waplatform.common.template;

import java.util.List;
import java.util.Map;

import com.waplatform.common.meta.MetaMessage.Component;
import com.waplatform.common.meta.MetaMessage.Media;
import com.waplatform.common.meta.MetaMessage.Parameter;
import com.waplatform.common.meta.MetaMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateCheckTests {

	private static final TemplateCatalog CATALOG = TemplateCatalog.of(List.of(TemplateFixtures.bookingReminder(),
			TemplateFixtures.bookingConfirmed(), TemplateFixtures.tourTicket(),
			TemplateFixtures.renamed(TemplateFixtures.bookingReminder(), "booking_reminder", "de")));

	@Test
	void positionalParametersBecomeTheBodyOfAValidSend() {
		TemplateDecision decision = check("booking_reminder", "en_US",
				positional("Ann", "Old Town Walk", "12 May", "10:00"), Map.of());
		TemplateDecision.Sendable sendable = (TemplateDecision.Sendable) decision;
		assertThat(sendable.languageFallback()).isNull();
		assertThat(sendable.send().language().code()).isEqualTo("en_US");
		assertThat(sendable.send().components())
			.containsExactly(new Component("body", null, null, List.of(Parameter.text("Ann"),
					Parameter.text("Old Town Walk"), Parameter.text("12 May"), Parameter.text("10:00"))));
	}

	@Test
	void aMissingParameterIsNamed() {
		TemplateDecision decision = check("booking_reminder", "en_US", positional("Ann", "Old Town Walk", "12 May"),
				Map.of());
		assertThat(((TemplateDecision.Refused) decision).violations()).singleElement().satisfies((violation) -> {
			assertThat(violation.code()).isEqualTo(TemplateViolation.PARAMETER_MISSING);
			assertThat(violation.field()).isEqualTo("template.components[body].parameters[3]");
			assertThat(violation.metaErrorCode()).isEqualTo(132000);
		});
	}

	@Test
	void namedParametersAreSentWithTheirNamesAndUnknownOnesReported() {
		TemplateDecision ok = check("booking_confirmed", "en_US",
				named(Map.of("first_name", "Ann", "booking_id", "B-1")), Map.of());
		assertThat(((TemplateDecision.Sendable) ok).send().components()).singleElement()
			.satisfies((body) -> assertThat(body.parameters()).containsExactly(Parameter.namedText("first_name", "Ann"),
					Parameter.namedText("booking_id", "B-1")));
		TemplateDecision wrong = check("booking_confirmed", "en_US", named(Map.of("first_name", "Ann", "id", "B-1")),
				Map.of());
		assertThat(((TemplateDecision.Refused) wrong).violations()).extracting(TemplateViolation::field)
			.anyMatch((field) -> field.contains("booking_id"));
	}

	@Test
	void mediaHeaderAndUrlButtonComeAsComponentsBesideTheParameters() {
		List<Component> components = List.of(
				new Component("header", null, null,
						List.of(Parameter.image(new Media(null, "https://cdn.example.com/ticket.jpg", null, null)))),
				new Component("button", "url", "0", List.of(Parameter.text("B-1"))));
		TemplateDecision decision = check("tour_ticket", "en_US",
				new TemplateArguments(List.of("Ann", "Old Town Walk"), null, components), Map.of());
		assertThat(decision).isInstanceOf(TemplateDecision.Sendable.class);
		assertThat(((TemplateDecision.Sendable) decision).send().components()).extracting(Component::type)
			.containsExactly("body", "header", "button");

		TemplateDecision withoutSuffix = check("tour_ticket", "en_US",
				new TemplateArguments(List.of("Ann", "Old Town Walk"), null, components.subList(0, 1)), Map.of());
		assertThat(((TemplateDecision.Refused) withoutSuffix).violations()).extracting(TemplateViolation::code)
			.containsExactly(TemplateViolation.COMPONENT_MISSING);
	}

	@Test
	void aPausedTemplateIsRefusedWithMetasCode() {
		TemplateCatalog paused = TemplateCatalog
			.of(List.of(TemplateFixtures.withStatus(TemplateFixtures.bookingConfirmed(), "PAUSED", null)));
		TemplateDecision decision = TemplateCheck.check(paused, requested("booking_confirmed", "en_US"),
				named(Map.of("first_name", "Ann", "booking_id", "B-1")), Map.of());
		assertThat(((TemplateDecision.Refused) decision).violations()).extracting(TemplateViolation::metaErrorCode)
			.containsExactly(132015);
	}

	@Test
	void anotherLanguageOnlyThroughAConfiguredFallback() {
		TemplateDecision exact = check("booking_confirmed", "en", named(Map.of("first_name", "Ann", "booking_id", "B")),
				Map.of());
		TemplateViolation violation = ((TemplateDecision.Refused) exact).violations().get(0);
		assertThat(violation.field()).isEqualTo("template.language.code");
		assertThat(violation.message()).contains("available languages: en_US");

		TemplateDecision fallback = check("booking_confirmed", "en_GB",
				named(Map.of("first_name", "Ann", "booking_id", "B")), Map.of("en_GB", "en", "en", "en_US"));
		TemplateDecision.Sendable sendable = (TemplateDecision.Sendable) fallback;
		assertThat(sendable.send().language().code()).isEqualTo("en_US");
		assertThat(sendable.languageFallback()).isEqualTo("en_GB→en→en_US");
	}

	@Test
	void anUnknownNameIsRefused() {
		TemplateDecision decision = check("no_such_template", "en_US", TemplateArguments.none(), Map.of());
		assertThat(((TemplateDecision.Refused) decision).violations()).singleElement()
			.satisfies((violation) -> assertThat(violation.field()).isEqualTo("template.name"));
	}

	private static TemplateDecision check(String name, String language, TemplateArguments arguments,
			Map<String, String> fallbacks) {
		return TemplateCheck.check(CATALOG, requested(name, language), arguments, fallbacks);
	}

	private static MetaMessage.Template requested(String name, String language) {
		return new MetaMessage.Template(name, MetaMessage.Language.of(language), null);
	}

	private static TemplateArguments positional(String... values) {
		return new TemplateArguments(List.of(values), null, List.of());
	}

	private static TemplateArguments named(Map<String, String> values) {
		return new TemplateArguments(null, values, List.of());
	}

}
