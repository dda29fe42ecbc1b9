package com.waplatform.template.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Keeps the template service below Meta's management (Business Use Case) limits, per
 * WhatsApp Business Account: after a response reports a usage at or above the threshold,
 * or a time to regain access, or after a throttling error, no call is made for that
 * account until the regain time (else the default cool-down) has passed. Thread-safe; the
 * clock is passed in, so it is tested without waiting.
 */
public final class UsageGovernor {

	/**
	 * Meta's throttling error codes: 4 (application request limit), 80007 (WABA rate
	 * limit), 80008 (UNCONFIRMED: listed by SDKs as a WhatsApp Business rate limit), 613
	 * (calls to this API exceeded the rate limit), 17 (user request limit), 32 (page
	 * request limit).
	 */
	public static final Set<Integer> THROTTLING_CODES = Set.of(4, 17, 32, 613, 80007, 80008);

	private final int thresholdPercent;

	private final Duration defaultCoolDown;

	private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();

	private final Map<String, Integer> lastPercent = new ConcurrentHashMap<>();

	/**
	 * @param thresholdPercent the usage (% of any quota) from which calls stop
	 * @param defaultCoolDown how long calls stop when Meta gives no regain time
	 */
	public UsageGovernor(int thresholdPercent, Duration defaultCoolDown) {
		if (thresholdPercent < 1 || thresholdPercent > 100) {
			throw new IllegalArgumentException("Usage threshold must be 1..100 %, not " + thresholdPercent);
		}
		this.thresholdPercent = thresholdPercent;
		this.defaultCoolDown = defaultCoolDown;
	}

	public static boolean isThrottling(int metaErrorCode) {
		return THROTTLING_CODES.contains(metaErrorCode);
	}

	/** Records what a response reported; returns whether the account is now blocked. */
	public boolean record(String wabaId, BusinessUseCaseUsage usage, Instant now) {
		this.lastPercent.put(wabaId, usage.percent());
		if (!usage.regainAccessIn().isZero() && !usage.regainAccessIn().isNegative()) {
			block(wabaId, now.plus(usage.regainAccessIn()));
			return true;
		}
		if (usage.percent() >= this.thresholdPercent) {
			block(wabaId, now.plus(this.defaultCoolDown));
			return true;
		}
		return false;
	}

	/**
	 * Meta refused a call with a throttling error; {@code regainAccessIn} is the regain
	 * time of the same response's usage header, if it had one.
	 */
	public void throttled(String wabaId, @Nullable Duration regainAccessIn, Instant now) {
		Duration wait = (regainAccessIn != null && !regainAccessIn.isNegative() && !regainAccessIn.isZero())
				? regainAccessIn : this.defaultCoolDown;
		block(wabaId, now.plus(wait));
	}

	/** When calls for the account may resume; empty when they may be made now. */
	public Optional<Instant> blockedUntil(String wabaId, Instant now) {
		Instant until = this.blockedUntil.get(wabaId);
		if (until == null) {
			return Optional.empty();
		}
		if (!now.isBefore(until)) {
			this.blockedUntil.remove(wabaId, until);
			return Optional.empty();
		}
		return Optional.of(until);
	}

	public boolean mayCall(String wabaId, Instant now) {
		return blockedUntil(wabaId, now).isEmpty();
	}

	/** The usage (% of the most used quota) of the account's last response. */
	public OptionalInt lastPercent(String wabaId) {
		Integer percent = this.lastPercent.get(wabaId);
		return (percent != null) ? OptionalInt.of(percent) : OptionalInt.empty();
	}

	private void block(String wabaId, Instant until) {
		this.blockedUntil.merge(wabaId, until, (a, b) -> a.isAfter(b) ? a : b);
	}

}
