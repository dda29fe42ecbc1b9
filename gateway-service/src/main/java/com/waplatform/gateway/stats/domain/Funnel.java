package com.waplatform.gateway.stats.domain;

import org.jspecify.annotations.Nullable;

/**
 * How far the messages of one group got, and the rates derived from it. Each count is of
 * messages that reached at least that step (a read message was delivered, sent and
 * accepted too), whatever order Meta's webhooks came in; {@code failed} counts those
 * whose status is a failure now (failed, expired or rejected).
 *
 * @param total messages requested in the range
 * @param accepted taken by Meta (our {@code accepted})
 */
public record Funnel(long total, long accepted, long sent, long delivered, long read, long failed) {

	/** Delivered of accepted: how much of what Meta took reached a phone. */
	public @Nullable Double deliveryRate() {
		return ratio(this.delivered, this.accepted);
	}

	/** Read of delivered (only where the customer sends read receipts). */
	public @Nullable Double readRate() {
		return ratio(this.read, this.delivered);
	}

	/** Failed of all requested. */
	public @Nullable Double failureRate() {
		return ratio(this.failed, this.total);
	}

	/** A ratio rounded to four decimals; null when there is nothing to divide by. */
	static @Nullable Double ratio(long part, long whole) {
		if (whole == 0) {
			return null;
		}
		return Math.round(part * 10_000.0 / whole) / 10_000.0;
	}

}
