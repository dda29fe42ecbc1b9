package com.waplatform.gateway.numbers.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HealthValuesTests {

	@Test
	void messagingLimitTiersAreCustomersPerDay() {
		assertThat(HealthValues.messagingLimit("TIER_250")).isEqualTo(250.0);
		assertThat(HealthValues.messagingLimit("TIER_1K")).isEqualTo(1_000.0);
		assertThat(HealthValues.messagingLimit("tier_10k")).isEqualTo(10_000.0);
		assertThat(HealthValues.messagingLimit("TIER_100K")).isEqualTo(100_000.0);
		assertThat(HealthValues.messagingLimit("TIER_UNLIMITED")).isEqualTo(-1.0);
		// business_capability_update writes the number itself
		assertThat(HealthValues.messagingLimit("2000")).isEqualTo(2_000.0);
		assertThat(HealthValues.messagingLimit(null)).isNaN();
		assertThat(HealthValues.messagingLimit("TIER_MAGIC")).isNaN();
	}

	@Test
	void qualityEventsAreABoundedSet() {
		assertThat(HealthValues.qualityEvent("FLAGGED")).isEqualTo("FLAGGED");
		assertThat(HealthValues.qualityEvent("throughput_upgrade")).isEqualTo("THROUGHPUT_UPGRADE");
		assertThat(HealthValues.qualityEvent("SOMETHING_NEW")).isEqualTo(HealthValues.OTHER_EVENT);
		assertThat(HealthValues.qualityEvent(null)).isNull();
	}

}
