package com.waplatform.sender.domain;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static com.waplatform.sender.domain.LaneFixtures.MS;
import static com.waplatform.sender.domain.LaneFixtures.SECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RateTests {

	@Test
	void adaptiveRateDecreasesMultiplicativelyAndRecoversAdditively() {
		AdaptiveRate rate = new AdaptiveRate(1000, LaneFixtures.exactSettings());
		assertThat(rate.current(0)).isEqualTo(1000);
		assertThat(rate.throttled(0)).isTrue();
		assertThat(rate.current(0)).isEqualTo(800);
		assertThat(rate.throttled(999 * MS)).isFalse();
		assertThat(rate.current(999 * MS)).isEqualTo(800);
		assertThat(rate.current(SECOND)).isEqualTo(850);
		assertThat(rate.current(2 * SECOND)).isEqualTo(900);
		assertThat(rate.throttled(2 * SECOND)).isTrue();
		assertThat(rate.current(2 * SECOND)).isEqualTo(720);
		assertThat(rate.current(60 * SECOND)).isEqualTo(1000);
	}

	@Test
	void adaptiveRateNeverFallsBelowItsFloor() {
		AdaptiveRate rate = new AdaptiveRate(80, LaneFixtures.exactSettings());
		for (int i = 0; i < 50; i++) {
			rate.throttled(i * 2 * SECOND);
			assertThat(rate.current(i * 2 * SECOND)).isGreaterThanOrEqualTo(8);
		}
	}

	@Test
	void pairBucketAllowsABurstThenOnePerInterval() {
		GcraBucket pair = new GcraBucket(6 * SECOND, 12 * SECOND);
		assertThat(pair.tryTake(0)).isTrue();
		assertThat(pair.tryTake(1)).isTrue();
		assertThat(pair.tryTake(2)).isTrue();
		assertThat(pair.tryTake(3)).isFalse();
		assertThat(pair.availableAt(3)).isEqualTo(6 * SECOND);
		assertThat(pair.tryTake(6 * SECOND)).isTrue();
		assertThat(pair.idle(18 * SECOND)).isFalse();
		assertThat(pair.idle(24 * SECOND)).isTrue();
		pair.blockUntil(100 * SECOND);
		assertThat(pair.available(99 * SECOND)).isFalse();
		assertThat(pair.tryTake(100 * SECOND)).isTrue();
	}

	@Test
	void pacerNeverSendsEarlyAndRestartsAfterIdling() {
		Pacer pacer = new Pacer(10 * MS, 5 * MS);
		assertThat(pacer.tryTake(0)).isTrue();
		assertThat(pacer.tryTake(9 * MS)).isFalse();
		// 3 ms late: the next slot stays at 20 ms
		assertThat(pacer.tryTake(13 * MS)).isTrue();
		assertThat(pacer.availableAt(13 * MS)).isEqualTo(20 * MS);
		// far too late: the schedule restarts, no burst
		assertThat(pacer.tryTake(500 * MS)).isTrue();
		assertThat(pacer.availableAt(500 * MS)).isEqualTo(510 * MS);
	}

	@Test
	void backoffDoublesUpToItsMaximumWithJitter() {
		Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 0.5);
		assertThat(backoff.delay(1, () -> 0)).isEqualTo(Duration.ofMillis(500));
		assertThat(backoff.delay(2, () -> 0)).isEqualTo(Duration.ofSeconds(1));
		assertThat(backoff.delay(3, () -> 0)).isEqualTo(Duration.ofSeconds(2));
		assertThat(backoff.delay(20, () -> 0)).isEqualTo(Duration.ofSeconds(30));
		assertThat(backoff.delay(2, () -> 1)).isEqualTo(Duration.ofMillis(500));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0));
	}

}
