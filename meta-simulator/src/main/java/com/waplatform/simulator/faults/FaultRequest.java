package com.waplatform.simulator.faults;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /admin/faults}: a {@link FaultProfile} whose fields may be left
 * out (rates 0, no latency, token valid).
 */
record FaultRequest(@Nullable String phoneNumberId, @Nullable Double errorRate, @Nullable List<Integer> errorCodes,
		@Nullable Double httpErrorRate, @Nullable List<Integer> httpStatuses, @Nullable String latency,
		@Nullable String latencyJitter, @Nullable Double timeoutRate, @Nullable Double resetRate,
		@Nullable Double acceptThenTimeoutRate, @Nullable Double acceptThenResetRate, @Nullable Boolean expiredToken,
		@Nullable Webhooks webhooks) {

	FaultProfile toProfile() {
		FaultProfile.WebhookFaults hooks = (this.webhooks != null) ? new FaultProfile.WebhookFaults(
				rate(this.webhooks.duplicateRate()), rate(this.webhooks.reorderRate()), this.webhooks.delay()) : null;
		return new FaultProfile(this.phoneNumberId, rate(this.errorRate), this.errorCodes, rate(this.httpErrorRate),
				this.httpStatuses, this.latency, this.latencyJitter, rate(this.timeoutRate), rate(this.resetRate),
				rate(this.acceptThenTimeoutRate), rate(this.acceptThenResetRate),
				this.expiredToken != null && this.expiredToken, hooks);
	}

	private static double rate(@Nullable Double rate) {
		return (rate != null) ? rate : 0;
	}

	record Webhooks(@Nullable Double duplicateRate, @Nullable Double reorderRate, @Nullable String delay) {
	}

}
