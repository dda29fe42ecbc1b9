package com.waplatform.simulator.faults;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The faults injected into one scope (a phone number, or every number: {@code null}), as
 * {@code POST /admin/faults} takes it. Rates are shares of the sends that passed every
 * check of Meta's (those that would have been accepted); one draw decides, so their sum
 * is at most 1.
 *
 * @param phoneNumberId the number, or {@code null} for every number without its own
 * profile
 * @param errorRate share answered with one of {@code errorCodes} in Meta's envelope
 * @param errorCodes Meta codes to pick from (default 131000)
 * @param httpErrorRate share answered with a bare load-balancer error
 * @param httpStatuses statuses to pick from (default 500, 503)
 * @param latency added before every answer of a send ({@code 200ms}, {@code PT0.2S})
 * @param latencyJitter a uniformly random extra latency up to this
 * @param timeoutRate share never answered (held up to
 * {@code simulator.faults.timeout-cap}, then a bare 504)
 * @param resetRate share answered by closing the connection (TCP reset)
 * @param acceptThenTimeoutRate share accepted (ledger, webhooks) and then not answered
 * @param acceptThenResetRate share accepted (ledger, webhooks) and then reset
 * @param expiredToken every send answers 190 (expired token)
 * @param webhooks status webhook faults
 */
public record FaultProfile(@Nullable String phoneNumberId, double errorRate, @Nullable List<Integer> errorCodes,
		double httpErrorRate, @Nullable List<Integer> httpStatuses, @Nullable String latency,
		@Nullable String latencyJitter, double timeoutRate, double resetRate, double acceptThenTimeoutRate,
		double acceptThenResetRate, boolean expiredToken, @Nullable WebhookFaults webhooks) {

	static final List<Integer> DEFAULT_ERROR_CODES = List.of(131000);

	static final List<Integer> DEFAULT_HTTP_STATUSES = List.of(500, 503);

	/** Checks the rates and durations; returns the profile with defaults filled in. */
	public FaultProfile validated() {
		double sum = 0;
		for (double rate : new double[] { this.errorRate, this.httpErrorRate, this.timeoutRate, this.resetRate,
				this.acceptThenTimeoutRate, this.acceptThenResetRate }) {
			if (rate < 0 || rate > 1 || Double.isNaN(rate)) {
				throw new IllegalArgumentException("rates must be between 0 and 1");
			}
			sum += rate;
		}
		if (sum > 1.0000001) {
			throw new IllegalArgumentException("the rates add up to " + sum + ", more than 1");
		}
		List<Integer> codes = (this.errorCodes != null && !this.errorCodes.isEmpty()) ? List.copyOf(this.errorCodes)
				: DEFAULT_ERROR_CODES;
		List<Integer> statuses = (this.httpStatuses != null && !this.httpStatuses.isEmpty())
				? List.copyOf(this.httpStatuses) : DEFAULT_HTTP_STATUSES;
		if (statuses.stream().anyMatch((status) -> status < 400 || status > 599)) {
			throw new IllegalArgumentException("httpStatuses must be 4xx or 5xx");
		}
		Durations.parse(this.latency);
		Durations.parse(this.latencyJitter);
		WebhookFaults hooks = (this.webhooks != null) ? this.webhooks.validated() : WebhookFaults.NONE;
		return new FaultProfile(this.phoneNumberId, this.errorRate, codes, this.httpErrorRate, statuses, this.latency,
				this.latencyJitter, this.timeoutRate, this.resetRate, this.acceptThenTimeoutRate,
				this.acceptThenResetRate, this.expiredToken, hooks);
	}

	Duration latencyDuration() {
		return Durations.parse(this.latency);
	}

	Duration latencyJitterDuration() {
		return Durations.parse(this.latencyJitter);
	}

	/**
	 * @param duplicateRate share of status webhooks posted twice
	 * @param reorderRate share of messages whose statuses come out of order (two
	 * neighbours swapped: delivered before sent, or read before delivered)
	 * @param delay added to every status webhook's delay
	 */
	public record WebhookFaults(double duplicateRate, double reorderRate, @Nullable String delay) {

		static final WebhookFaults NONE = new WebhookFaults(0, 0, null);

		WebhookFaults validated() {
			if (this.duplicateRate < 0 || this.duplicateRate > 1 || this.reorderRate < 0 || this.reorderRate > 1) {
				throw new IllegalArgumentException("webhook rates must be between 0 and 1");
			}
			Durations.parse(this.delay);
			return this;
		}

		public Duration delayDuration() {
			return Durations.parse(this.delay);
		}

	}

}
