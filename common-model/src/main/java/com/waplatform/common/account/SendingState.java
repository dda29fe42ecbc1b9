package com.waplatform.common.account;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * How the sender is sending from one business number right now, published by the sender
 * when it changes (on {@code wa.accounts}, keyed {@code sending:{phoneNumberId}}), so the
 * gateway's queue view can show the allowed rate and why nothing goes out.
 *
 * @param allowedPerSecond the rate the sender allows itself now (lowered after Meta's
 * 130429, raised back over time)
 * @param limitPerSecond Meta's throughput limit for the number as configured
 * @param pausedReason why the organization's sending is paused (e.g. Meta's 190), or null
 * when it is not
 */
public record SendingState(UUID eventId, Instant occurredAt, String organizationId, String phoneNumberId,
		double allowedPerSecond, double limitPerSecond, @Nullable String pausedReason, int inFlight,
		int retrying) implements AccountEvent {

	public static final String KEY_PREFIX = "sending:";

	public static SendingState of(String organizationId, String phoneNumberId, double allowedPerSecond,
			double limitPerSecond, @Nullable String pausedReason, int inFlight, int retrying) {
		return new SendingState(UUID.randomUUID(), Instant.now(), organizationId, phoneNumberId, allowedPerSecond,
				limitPerSecond, pausedReason, inFlight, retrying);
	}

	@Override
	public String key() {
		return KEY_PREFIX + this.phoneNumberId;
	}

}
