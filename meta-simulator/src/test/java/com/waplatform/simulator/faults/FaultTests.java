package com.waplatform.simulator.faults;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.data.Percentage.withPercentage;

class FaultTests {

	@Test
	void oneDrawSplitsSendsByTheRates() {
		FaultProfile profile = new FaultProfile(null, 0.1, List.of(131000, 2), 0.05, null, null, null, 0.02, 0.03, 0.04,
				0.06, false, null)
			.validated();
		Random random = new Random(1);
		Map<Fault.Kind, Integer> counts = new HashMap<>();
		Map<Integer, Integer> codes = new HashMap<>();
		for (int i = 0; i < 100_000; i++) {
			Fault fault = Fault.decide(profile, random);
			counts.merge(fault.kind(), 1, Integer::sum);
			if (fault.kind() == Fault.Kind.ERROR || fault.kind() == Fault.Kind.HTTP_ERROR) {
				codes.merge(fault.value(), 1, Integer::sum);
			}
		}
		assertThat(counts.get(Fault.Kind.ERROR)).isCloseTo(10_000, withPercentage(5));
		assertThat(counts.get(Fault.Kind.HTTP_ERROR)).isCloseTo(5_000, withPercentage(7));
		assertThat(counts.get(Fault.Kind.TIMEOUT)).isCloseTo(2_000, withPercentage(10));
		assertThat(counts.get(Fault.Kind.RESET)).isCloseTo(3_000, withPercentage(10));
		assertThat(counts.get(Fault.Kind.ACCEPT_THEN_TIMEOUT)).isCloseTo(4_000, withPercentage(10));
		assertThat(counts.get(Fault.Kind.ACCEPT_THEN_RESET)).isCloseTo(6_000, withPercentage(10));
		assertThat(counts.get(Fault.Kind.NONE)).isCloseTo(70_000, withPercentage(3));
		assertThat(codes).containsOnlyKeys(131000, 2, 500, 503);
	}

	@Test
	void theSameSeedGivesTheSameFaults() {
		FaultProfile profile = new FaultProfile("1", 0.5, null, 0.2, null, null, null, 0, 0, 0, 0, false, null)
			.validated();
		Random first = new Random(42);
		Random second = new Random(42);
		for (int i = 0; i < 100; i++) {
			assertThat(Fault.decide(profile, first)).isEqualTo(Fault.decide(profile, second));
		}
	}

	@Test
	void validationFillsDefaultsAndRefusesNonsense() {
		FaultProfile profile = new FaultProfile(null, 0.1, null, 0.1, null, "200ms", "PT0.3S", 0, 0, 0, 0, false, null)
			.validated();
		assertThat(profile.errorCodes()).containsExactly(131000);
		assertThat(profile.httpStatuses()).containsExactly(500, 503);
		assertThat(profile.latencyDuration()).isEqualTo(Duration.ofMillis(200));
		assertThat(profile.latencyJitterDuration()).isEqualTo(Duration.ofMillis(300));
		assertThat(profile.webhooks()).isEqualTo(FaultProfile.WebhookFaults.NONE);
		assertThatIllegalArgumentException().isThrownBy(
				() -> new FaultProfile(null, 0.7, null, 0.5, null, null, null, 0, 0, 0, 0, false, null).validated());
		assertThatIllegalArgumentException().isThrownBy(
				() -> new FaultProfile(null, -0.1, null, 0, null, null, null, 0, 0, 0, 0, false, null).validated());
		assertThatIllegalArgumentException().isThrownBy(
				() -> new FaultProfile(null, 0, null, 0, null, "soon", null, 0, 0, 0, 0, false, null).validated());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FaultProfile(null, 0, null, 0, List.of(200), null, null, 0, 0, 0, 0, false, null)
				.validated());
	}

	@Test
	void durationsReadTheUsualSpellings() {
		assertThat(Durations.parse("150ms")).isEqualTo(Duration.ofMillis(150));
		assertThat(Durations.parse("2s")).isEqualTo(Duration.ofSeconds(2));
		assertThat(Durations.parse("1m")).isEqualTo(Duration.ofMinutes(1));
		assertThat(Durations.parse("PT1.5S")).isEqualTo(Duration.ofMillis(1500));
		assertThat(Durations.parse(null)).isZero();
		assertThat(Durations.parse("250")).isEqualTo(Duration.ofMillis(250));
	}

}
