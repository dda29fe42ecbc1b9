package com.waplatform.callback.delivery.domain;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BackoffTests {

	private final Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(24));

	private final Instant first = Instant.parse("2026-05-01T10:00:00Z");

	@Test
	void theCeilingDoublesUpToTheCap() {
		assertThat(this.backoff.ceiling(1)).isEqualTo(Duration.ofSeconds(5));
		assertThat(this.backoff.ceiling(2)).isEqualTo(Duration.ofSeconds(10));
		assertThat(this.backoff.ceiling(5)).isEqualTo(Duration.ofSeconds(80));
		assertThat(this.backoff.ceiling(11)).isEqualTo(Duration.ofHours(1));
		assertThat(this.backoff.ceiling(10_000)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void fullJitterWaitsBetweenZeroAndTheCeiling() {
		Instant now = this.first.plusSeconds(60);
		assertThat(this.backoff.next(3, this.first, now, () -> 0.0)).isEqualTo(now);
		assertThat(this.backoff.next(3, this.first, now, () -> 0.5)).isEqualTo(now.plusSeconds(10));
		assertThat(this.backoff.next(3, this.first, now, () -> 0.999999)).isBefore(now.plusSeconds(20));
	}

	@Test
	void givesUpOnceTheWindowAfterTheFirstAttemptHasPassed() {
		Instant deadline = this.first.plus(Duration.ofHours(24));
		assertThat(this.backoff.next(40, this.first, deadline.minusSeconds(1), () -> 0.9)).isEqualTo(deadline);
		assertThat(this.backoff.next(41, this.first, deadline, () -> 0.1)).isNull();
		assertThat(this.backoff.next(41, this.first, deadline.plusSeconds(5), () -> 0.1)).isNull();
	}

	@Test
	void refusesNonsense() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), Duration.ofHours(1)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofHours(1)));
	}

}
