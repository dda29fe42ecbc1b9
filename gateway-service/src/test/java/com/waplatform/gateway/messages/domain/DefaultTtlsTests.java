package com.waplatform.gateway.messages.domain;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultTtlsTests {

	private final DefaultTtls ttls = new DefaultTtls(Duration.ofMinutes(10), Duration.ofHours(12), Duration.ofDays(30),
			Duration.ofDays(1));

	@Test
	void aRequestsOwnTtlAlwaysWins() {
		assertThat(this.ttls.ttl(Duration.ofMinutes(3), true, "MARKETING")).isEqualTo(Duration.ofMinutes(3));
		assertThat(this.ttls.ttl(Duration.ofHours(2), true, "AUTHENTICATION")).isEqualTo(Duration.ofHours(2));
		assertThat(this.ttls.ttl(Duration.ofSeconds(30), false, null)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void aTemplateTakesTheDefaultOfItsCategoryInAnyCase() {
		assertThat(this.ttls.ttl(null, true, "AUTHENTICATION")).isEqualTo(Duration.ofMinutes(10));
		assertThat(this.ttls.ttl(null, true, "authentication")).isEqualTo(Duration.ofMinutes(10));
		assertThat(this.ttls.ttl(null, true, "UTILITY")).isEqualTo(Duration.ofHours(12));
		assertThat(this.ttls.ttl(null, true, "Marketing")).isEqualTo(Duration.ofDays(30));
	}

	@Test
	void aTemplateOfAnUnknownCategoryTakesTheUtilityDefault() {
		assertThat(this.ttls.ttl(null, true, null)).isEqualTo(Duration.ofHours(12));
		assertThat(this.ttls.ttl(null, true, "SERVICE")).isEqualTo(Duration.ofHours(12));
	}

	@Test
	void aFreeFormMessageTakesTheFreeFormDefaultWhateverCategoryIsNamed() {
		assertThat(this.ttls.ttl(null, false, null)).isEqualTo(Duration.ofDays(1));
		assertThat(this.ttls.ttl(null, false, "AUTHENTICATION")).isEqualTo(Duration.ofDays(1));
	}

	@Test
	void metasDefaultsAreTenMinutesForCodesAndThirtyDaysOtherwise() {
		assertThat(DefaultTtls.META.ttl(null, true, "AUTHENTICATION")).isEqualTo(Duration.ofMinutes(10));
		assertThat(DefaultTtls.META.ttl(null, true, "UTILITY")).isEqualTo(Duration.ofDays(30));
		assertThat(DefaultTtls.META.ttl(null, true, "MARKETING")).isEqualTo(Duration.ofDays(30));
		assertThat(DefaultTtls.META.ttl(null, false, null)).isEqualTo(Duration.ofDays(30));
	}

}
