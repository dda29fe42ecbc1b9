package com.waplatform.simulator.limits;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PairTokenBucketTests {

	private static final long INTERVAL = Duration.ofSeconds(6).toNanos();

	@Test
	void allowsABurstThenOneMessagePerInterval() {
		PairTokenBucket bucket = new PairTokenBucket();
		long now = 1_000_000L;
		for (int i = 0; i < 45; i++) {
			assertThat(bucket.tryAcquire(45, INTERVAL, now)).as("message %d", i).isTrue();
		}
		assertThat(bucket.tryAcquire(45, INTERVAL, now)).isFalse();
		assertThat(bucket.tryAcquire(45, INTERVAL, now + INTERVAL - 1)).isFalse();
		assertThat(bucket.tryAcquire(45, INTERVAL, now + INTERVAL)).isTrue();
		assertThat(bucket.tryAcquire(45, INTERVAL, now + INTERVAL)).isFalse();
		assertThat(bucket.full(now + 46 * INTERVAL)).isTrue();
	}

	@Test
	void aSteadyMessageEverySixSecondsIsNeverBlocked() {
		PairTokenBucket bucket = new PairTokenBucket();
		for (int i = 0; i < 1000; i++) {
			assertThat(bucket.tryAcquire(1, INTERVAL, i * INTERVAL)).isTrue();
		}
	}

	@Test
	void aRefundGivesTheTokenBack() {
		PairTokenBucket bucket = new PairTokenBucket();
		assertThat(bucket.tryAcquire(1, INTERVAL, 0)).isTrue();
		assertThat(bucket.tryAcquire(1, INTERVAL, 1)).isFalse();
		bucket.refund(INTERVAL);
		assertThat(bucket.tryAcquire(1, INTERVAL, 1)).isTrue();
	}

}
