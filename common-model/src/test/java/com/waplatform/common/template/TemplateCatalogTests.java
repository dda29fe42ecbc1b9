package com.waplatform.common.template;

import java.util.List;
import java.util.Map;

import com.waplatform.common.meta.MessageTemplate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateCatalogTests {

	private final TemplateCatalog catalog = TemplateCatalog
		.of(List.of(template("booking_confirmation", "en_US"), template("booking_confirmation", "pt_BR"),
				template("booking_confirmation", "de"), template("payment_reminder", "en")));

	@Test
	void findsTheExactLanguage() {
		TemplateResolution resolution = this.catalog.resolve("booking_confirmation", "pt_BR");
		assertThat(resolution).isInstanceOfSatisfying(TemplateResolution.Found.class, (found) -> {
			assertThat(found.template().language()).isEqualTo("pt_BR");
			assertThat(found.requestedLanguage()).isEqualTo("pt_BR");
			assertThat(found.fellBack()).isFalse();
			assertThat(found.fallbackNote()).isNull();
		});
	}

	@Test
	void aMissingLanguageNamesTheAvailableOnes() {
		TemplateResolution resolution = this.catalog.resolve("booking_confirmation", "en");
		assertThat(resolution).isInstanceOfSatisfying(TemplateResolution.NotFound.class, (notFound) -> {
			assertThat(notFound.availableLanguages()).containsExactly("de", "en_US", "pt_BR");
			assertThat(notFound.violation())
				.isEqualTo(new TemplateViolation("template.language.code", "template-not-found",
						"template 'booking_confirmation' does not exist in 'en'; available languages: de, en_US, pt_BR",
						132001));
		});
	}

	@Test
	void anUnknownNameIsNotFound() {
		TemplateResolution resolution = this.catalog.resolve("booking_confirmed", "en_US");
		assertThat(resolution).isInstanceOfSatisfying(TemplateResolution.NotFound.class, (notFound) -> {
			assertThat(notFound.availableLanguages()).isEmpty();
			assertThat(notFound.violation().field()).isEqualTo("template.name");
			assertThat(notFound.violation().metaErrorCode()).isEqualTo(132001);
			assertThat(notFound.violation().message()).contains("'booking_confirmed' does not exist");
		});
	}

	@Test
	void fallsBackOnlyWhenConfiguredAndSaysSo() {
		TemplateResolution resolution = this.catalog.resolve("booking_confirmation", "en", Map.of("en", "en_US"));
		assertThat(resolution).isInstanceOfSatisfying(TemplateResolution.Found.class, (found) -> {
			assertThat(found.template().language()).isEqualTo("en_US");
			assertThat(found.requestedLanguage()).isEqualTo("en");
			assertThat(found.fellBack()).isTrue();
			assertThat(found.fallbackNote()).isEqualTo("template 'booking_confirmation' has no 'en' version; using "
					+ "'en_US' per the organization's language fallback en → en_US");
		});
		assertThat(this.catalog.resolve("booking_confirmation", "en", Map.of("pt", "pt_BR")))
			.isInstanceOf(TemplateResolution.NotFound.class);
	}

	@Test
	void theExactLanguageWinsOverTheFallback() {
		TemplateResolution resolution = this.catalog.resolve("payment_reminder", "en", Map.of("en", "en_US"));
		assertThat(resolution).isInstanceOfSatisfying(TemplateResolution.Found.class,
				(found) -> assertThat(found.fellBack()).isFalse());
	}

	@Test
	void followsAFallbackChainAndStopsOnCycles() {
		Map<String, String> chain = Map.of("en_GB", "en", "en", "en_US");
		assertThat(this.catalog.resolve("booking_confirmation", "en_GB", chain))
			.isInstanceOfSatisfying(TemplateResolution.Found.class, (found) -> {
				assertThat(found.template().language()).isEqualTo("en_US");
				assertThat(found.fallbackNote()).endsWith("en_GB → en → en_US");
			});
		TemplateResolution cycle = this.catalog.resolve("booking_confirmation", "es",
				Map.of("es", "es_ES", "es_ES", "es"));
		assertThat(cycle).isInstanceOfSatisfying(TemplateResolution.NotFound.class,
				(notFound) -> assertThat(notFound.violation().message())
					.isEqualTo("template 'booking_confirmation' does not exist in 'es' nor in its fallback es_ES; "
							+ "available languages: de, en_US, pt_BR"));
	}

	@Test
	void listsLanguagesAndFindsExactly() {
		assertThat(this.catalog.languages("booking_confirmation")).containsExactly("de", "en_US", "pt_BR");
		assertThat(this.catalog.find("payment_reminder", "en")).isPresent();
		assertThat(this.catalog.find("payment_reminder", "EN")).isEmpty();
	}

	private static MessageTemplate template(String name, String language) {
		return new MessageTemplate(null, name, language, "APPROVED", "UTILITY", null,
				List.of(new MessageTemplate.Component("BODY", null, "Hi {{1}}", null, null)), null, null, null);
	}

}
