package com.waplatform.gateway.templates.domain;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageFallbacksTests {

	@Test
	void metaLanguageCodesAreAccepted() {
		assertThat(LanguageFallbacks.problems(Map.of("en", "en_US", "en_GB", "en", "fil", "en_US", "zh_HK", "zh_CN")))
			.isEmpty();
	}

	@Test
	void badCodesAndLoopsAreNamed() {
		assertThat(LanguageFallbacks.problems(Map.of("English", "en_US"))).extracting(LanguageFallbacks.Problem::field)
			.containsExactly("languageFallbacks.English");
		assertThat(LanguageFallbacks.problems(Map.of("en", "en US"))).extracting(LanguageFallbacks.Problem::field)
			.containsExactly("languageFallbacks.en");
		assertThat(LanguageFallbacks.problems(Map.of("en", "en"))).hasSize(1);
		assertThat(LanguageFallbacks.problems(Map.of("en", "en_US", "en_US", "en"))).hasSize(2);
	}

}
