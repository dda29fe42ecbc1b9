package com.waplatform.simulator.limits;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SlidingWindowCounterTests {

	private static final long SECOND = Duration.ofSeconds(1).toNanos();

	private static final long MILLI = Duration.ofMillis(1).toNanos();

	@Test
	void aBurstWithinASecondLosesExactlyTheExcess() {
		SlidingWindowCounter counter = new SlidingWindowCounter(Duration.ofSeconds(1), 100);
		long start = 5 * SECOND;
		int accepted = 0;
		for (int i = 0; i < 130; i++) {
			if (counter.tryAcquire(80, start + i * 3 * MILLI)) {
				accepted++;
			}
		}
		assertThat(accepted).isEqualTo(80);
	}

	@Test
	void theWindowSlides() {
		SlidingWindowCounter counter = new SlidingWindowCounter(Duration.ofSeconds(1), 100);
		long start = 5 * SECOND;
		for (int i = 0; i < 10; i++) {
			assertThat(counter.tryAcquire(10, start + i * 50 * MILLI)).isTrue();
		}
		assertThat(counter.tryAcquire(10, start + 990 * MILLI)).isFalse();
		assertThat(counter.nanosUntilBelow(10, start + 990 * MILLI)).isEqualTo(10 * MILLI);
		assertThat(counter.tryAcquire(10, start + 1000 * MILLI)).isTrue();
		assertThat(counter.count(start + 1000 * MILLI)).isEqualTo(10);
		assertThat(counter.count(start + 10 * SECOND)).isZero();
	}

	@Test
	void sendsStampedAtArrivalMayBeCheckedOutOfOrder() {
		SlidingWindowCounter counter = new SlidingWindowCounter(Duration.ofSeconds(1), 100);
		long start = 5 * SECOND;
		assertThat(counter.tryAcquire(3, start + 500 * MILLI)).isTrue();
		// arrived earlier, checked later: counted in its own (earlier) bucket
		assertThat(counter.tryAcquire(3, start + 480 * MILLI)).isTrue();
		// stamped more than a window before the latest: counted in the oldest bucket
		assertThat(counter.tryAcquire(3, start - 2 * SECOND)).isTrue();
		assertThat(counter.tryAcquire(3, start + 501 * MILLI)).as("the window holds 3").isFalse();
		// the earlier arrival leaves the window before the later one
		assertThat(counter.count(start + 1485 * MILLI)).isEqualTo(1);
		assertThat(counter.count(start + 1505 * MILLI)).isZero();
	}

	@Test
	void refusedAttemptsDoNotCountButRecordedOnesDo() {
		SlidingWindowCounter counter = new SlidingWindowCounter(Duration.ofSeconds(1), 100);
		counter.record(SECOND);
		counter.record(SECOND);
		assertThat(counter.tryAcquire(2, SECOND)).isFalse();
		assertThat(counter.count(SECOND)).isEqualTo(2);
	}

	/**
	 * A client with a token bucket of capacity 1 refilled at exactly the limit, sending
	 * as soon as it has a token plus a small random scheduling delay, for 20 seconds.
	 */
	@ParameterizedTest
	@ValueSource(ints = { 20, 80, 1000 })
	void aClientPacedAtExactlyTheLimitIsNeverRefused(int limit) {
		assertThat(refusals(limit, limit, 20)).isZero();
	}

	@ParameterizedTest
	@ValueSource(ints = { 20, 80, 1000 })
	void aClientFivePercentOverIsRefused(int limit) {
		int refusals = refusals(limit, limit * 1.05, 20);
		assertThat(refusals).isGreaterThan(0);
		assertThat(refusals).isLessThan((int) (limit * 0.1 * 20));
	}

	private static int refusals(int limit, double clientRate, int seconds) {
		SlidingWindowCounter counter = new SlidingWindowCounter(Duration.ofSeconds(1), 100);
		Random random = new Random(7);
		double interval = SECOND / clientRate;
		double tokens = 1;
		long now = 123_456_789L;
		long end = now + seconds * SECOND;
		int refusals = 0;
		while (now < end) {
			tokens -= 1;
			if (!counter.tryAcquire(limit, now)) {
				refusals++;
			}
			long wait = (long) Math.ceil((1 - tokens) * interval) + (long) (interval * random.nextDouble(0, 0.02));
			tokens = Math.min(1, tokens + wait / interval);
			now += wait;
		}
		return refusals;
	}

}
