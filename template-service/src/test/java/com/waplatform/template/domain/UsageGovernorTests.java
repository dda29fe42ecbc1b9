package com.waplatform.template.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UsageGovernorTests {

	private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

	private final UsageGovernor governor = new UsageGovernor(90, Duration.ofMinutes(10));

	@Test
	void readsMetasUsageHeader() {
		Map<String, BusinessUseCaseUsage> usage = BusinessUseCaseUsage.parse("""
				{"1029":[{"type":"whatsapp_business_management","call_count":12,"total_cputime":40,"total_time":7,
				 "estimated_time_to_regain_access":0},{"type":"whatsapp","call_count":99,"total_cputime":1,
				 "total_time":1,"estimated_time_to_regain_access":30}],
				 "2040":[{"type":"whatsapp_business_management","call_count":100,"total_cputime":5,"total_time":5,
				 "estimated_time_to_regain_access":17}]}""");

		// only the management quota counts: messaging ("whatsapp") does not limit
		// templates
		assertThat(usage).containsEntry("1029", new BusinessUseCaseUsage(40, Duration.ZERO))
			.containsEntry("2040", new BusinessUseCaseUsage(100, Duration.ofMinutes(17)));
	}

	@Test
	void absentOrUnreadableHeadersReportNothing() {
		assertThat(BusinessUseCaseUsage.parse(null)).isEmpty();
		assertThat(BusinessUseCaseUsage.parse("")).isEmpty();
		assertThat(BusinessUseCaseUsage.parse("not json")).isEmpty();
		assertThat(BusinessUseCaseUsage.parse("[1,2]")).isEmpty();
		assertThat(BusinessUseCaseUsage.parse("{\"1\":[{\"type\":\"whatsapp\",\"call_count\":99}]}")).isEmpty();
	}

	@Test
	void belowTheThresholdCallsGoOn() {
		assertThat(this.governor.record("waba", new BusinessUseCaseUsage(89, Duration.ZERO), NOW)).isFalse();

		assertThat(this.governor.mayCall("waba", NOW)).isTrue();
		assertThat(this.governor.lastPercent("waba")).hasValue(89);
	}

	@Test
	void atTheThresholdCallsStopForTheDefaultCoolDown() {
		assertThat(this.governor.record("waba", new BusinessUseCaseUsage(90, Duration.ZERO), NOW)).isTrue();

		assertThat(this.governor.blockedUntil("waba", NOW)).hasValue(NOW.plus(Duration.ofMinutes(10)));
		assertThat(this.governor.mayCall("waba", NOW.plus(Duration.ofMinutes(9)))).isFalse();
		assertThat(this.governor.mayCall("waba", NOW.plus(Duration.ofMinutes(10)))).isTrue();
		assertThat(this.governor.mayCall("other", NOW)).isTrue();
	}

	@Test
	void aTimeToRegainAccessBlocksThatLongWhateverTheUsage() {
		this.governor.record("waba", new BusinessUseCaseUsage(10, Duration.ofMinutes(42)), NOW);

		assertThat(this.governor.blockedUntil("waba", NOW)).hasValue(NOW.plus(Duration.ofMinutes(42)));
		assertThat(this.governor.mayCall("waba", NOW.plus(Duration.ofMinutes(42)))).isTrue();
	}

	@Test
	void aLaterLowUsageDoesNotShortenABackOff() {
		this.governor.record("waba", new BusinessUseCaseUsage(95, Duration.ofMinutes(30)), NOW);
		this.governor.record("waba", new BusinessUseCaseUsage(95, Duration.ofMinutes(1)), NOW);

		assertThat(this.governor.blockedUntil("waba", NOW)).hasValue(NOW.plus(Duration.ofMinutes(30)));
	}

	@Test
	void throttlingErrorsBackOffForTheRegainTimeElseTheCoolDown() {
		assertThat(UsageGovernor.isThrottling(4)).isTrue();
		assertThat(UsageGovernor.isThrottling(80007)).isTrue();
		assertThat(UsageGovernor.isThrottling(80008)).isTrue();
		assertThat(UsageGovernor.isThrottling(613)).isTrue();
		assertThat(UsageGovernor.isThrottling(100)).isFalse();
		assertThat(UsageGovernor.isThrottling(130429)).isFalse();

		this.governor.throttled("a", null, NOW);
		this.governor.throttled("b", Duration.ofMinutes(3), NOW);

		assertThat(this.governor.blockedUntil("a", NOW)).hasValue(NOW.plus(Duration.ofMinutes(10)));
		assertThat(this.governor.blockedUntil("b", NOW)).hasValue(NOW.plus(Duration.ofMinutes(3)));
	}

	@Test
	void theThresholdIsAPercentage() {
		assertThatIllegalArgumentException().isThrownBy(() -> new UsageGovernor(0, Duration.ofMinutes(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new UsageGovernor(101, Duration.ofMinutes(1)));
	}

}
