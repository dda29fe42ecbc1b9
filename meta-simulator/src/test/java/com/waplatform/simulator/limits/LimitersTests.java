package com.waplatform.simulator.limits;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.waplatform.simulator.SimulatorProperties;
import com.waplatform.simulator.accounts.Account;
import com.waplatform.simulator.graph.GraphException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** The limiters with a hand-driven clock. */
class LimitersTests {

	private static final SimulatorProperties.Limits LIMITS = new SimulatorProperties.Limits(80, 429, 2,
			Duration.ofSeconds(6), 10);

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	@Test
	void throughputDefaultsToTheGlobalLimitAndAnswersTheConfiguredStatus() {
		ThroughputLimiter limiter = new ThroughputLimiter(LIMITS, this.now::get);
		Account account = account(null, null);
		assertThat(limiter.limitOf(account)).isEqualTo(80);
		for (int i = 0; i < 80; i++) {
			limiter.acquire(account);
		}
		assertThatExceptionOfType(GraphException.class).isThrownBy(() -> limiter.acquire(account)).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(130429);
			assertThat(ex.httpStatus()).isEqualTo(429);
			assertThat(ex.subcode()).isEqualTo(2494055);
		});
		assertThat(limiter.currentCount(account.phoneNumberId())).isEqualTo(80);
		this.now.addAndGet(Duration.ofSeconds(1).toNanos());
		assertThatNoException().isThrownBy(() -> limiter.acquire(account));
		assertThat(limiter.limitOf(account(20, null))).isEqualTo(20);
	}

	@Test
	void thePairLimitUsesTheAccountsBurstAndRefills() {
		PairRateLimiter limiter = new PairRateLimiter(LIMITS, this.now::get);
		Account account = account(null, 3);
		for (int i = 0; i < 3; i++) {
			limiter.acquire(account, "16505551234");
		}
		assertThatExceptionOfType(GraphException.class).isThrownBy(() -> limiter.acquire(account, "16505551234"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(131056));
		assertThatNoException().isThrownBy(() -> limiter.acquire(account, "16505559999"));
		this.now.addAndGet(Duration.ofSeconds(6).toNanos());
		assertThatNoException().isThrownBy(() -> limiter.acquire(account, "16505551234"));
		limiter.refund(account, "16505551234");
		assertThatNoException().isThrownBy(() -> limiter.acquire(account, "16505551234"));
		assertThat(limiter.burstOf(account(null, null))).isEqualTo(2);
	}

	@Test
	void managementUsageIsAShareOfTheHourlyQuota() {
		ManagementUsage usage = new ManagementUsage(10, this.now::get);
		assertThat(usage.call("1").percent()).isEqualTo(10);
		usage.setQuota("2", 2);
		assertThat(usage.call("2")).isEqualTo(new ManagementUsage.Usage(50, 0, false));
		assertThat(usage.call("2")).isEqualTo(new ManagementUsage.Usage(100, 0, false));
		ManagementUsage.Usage throttled = usage.call("2");
		assertThat(throttled.throttled()).isTrue();
		assertThat(throttled.minutesToRegainAccess()).isBetween(59, 61);
		this.now.addAndGet(Duration.ofMinutes(61).toNanos());
		assertThat(usage.call("2").throttled()).isFalse();
	}

	private static Account account(Integer throughput, Integer pairBurst) {
		return new Account("1", "2", "15550000000", "t", "s", null, throughput, null, pairBurst);
	}

}
