package com.waplatform.simulator.templates;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.meta.MessageTemplate.Component;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateCatalogTests {

	private final List<MessageTemplate> catalog = TemplateCatalog.generate(120);

	@Test
	void generatesTheRequestedNumberDeterministically() {
		assertThat(this.catalog).hasSize(120).isEqualTo(TemplateCatalog.generate(120));
		assertThat(TemplateCatalog.generate(0)).isEmpty();
		assertThat(this.catalog.stream().map((template) -> template.name() + "/" + template.language()))
			.doesNotHaveDuplicates();
		assertThat(this.catalog).allMatch((template) -> template.name().matches("^[a-z0-9_]{1,512}$"));
	}

	@Test
	void coversLanguagesCategoriesParameterFormatsAndStatuses() {
		assertThat(values(MessageTemplate::language)).containsExactlyInAnyOrder("en", "en_US", "es", "pt_BR", "de");
		assertThat(values(MessageTemplate::category)).containsExactlyInAnyOrder("MARKETING", "UTILITY",
				"AUTHENTICATION");
		assertThat(values(MessageTemplate::parameterFormat)).containsExactlyInAnyOrder("NAMED", "POSITIONAL");
		assertThat(values(MessageTemplate::status)).containsExactlyInAnyOrder("APPROVED", "PENDING", "REJECTED",
				"PAUSED", "DISABLED");
		assertThat(this.catalog.stream().filter((template) -> "APPROVED".equals(template.status())).count())
			.isEqualTo(120 - 4 * 6);
	}

	@Test
	void coversEveryHeaderFormatAndButtonTypeWithMetaShapedExamples() {
		Set<String> headers = components("HEADER").map(Component::format).collect(Collectors.toSet());
		assertThat(headers).containsExactlyInAnyOrder("TEXT", "IMAGE", "VIDEO", "DOCUMENT", "LOCATION");
		Set<String> buttons = components("BUTTONS").flatMap((component) -> component.buttons().stream())
			.map(MessageTemplate.Button::type)
			.collect(Collectors.toSet());
		assertThat(buttons).containsExactlyInAnyOrder("QUICK_REPLY", "URL", "PHONE_NUMBER", "COPY_CODE", "OTP", "FLOW",
				"CATALOG");
		assertThat(components("FOOTER").count()).isGreaterThan(0);
		assertThat(components("BODY")).allMatch((body) -> body.example() != null);
		assertThat(components("BODY").map((body) -> body.example().propertyNames().iterator().next()))
			.contains("body_text", "body_text_named_params");
		assertThat(components("HEADER").filter((header) -> "IMAGE".equals(header.format())))
			.allMatch((header) -> header.example().has("header_handle"));
		assertThat(components("HEADER").filter((header) -> "TEXT".equals(header.format()))).allMatch(
				(header) -> header.example().has("header_text") || header.example().has("header_text_named_params"));
	}

	@Test
	void everyApprovedTemplateHasAConsistentSignature() {
		for (MessageTemplate template : this.catalog) {
			TemplateSignature signature = TemplateSignature.of(template);
			assertThat(signature.body()).as(template.name()).isNotEmpty();
			if ("NAMED".equals(template.parameterFormat())) {
				assertThat(signature.body()).allMatch((name) -> !name.matches("\\d+"));
			}
		}
	}

	private Set<String> values(java.util.function.Function<MessageTemplate, String> field) {
		return this.catalog.stream().map(field).filter(Objects::nonNull).collect(Collectors.toSet());
	}

	private java.util.stream.Stream<Component> components(String type) {
		return this.catalog.stream()
			.flatMap((template) -> template.componentsOrEmpty().stream())
			.filter((component) -> type.equals(component.type()));
	}

}
