package com.waplatform.gateway.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;

/**
 * One resilience4j {@link RateLimiter} per key (an API key's hash, a client address),
 * created on first use and kept in a bounded cache. Never waits: a request over the limit
 * is refused with the time until the next permit.
 */
final class RequestLimits {

	private final RateLimiterConfig config;

	private final Cache<String, AtomicRateLimiter> limiters;

	RequestLimits(int limitForPeriod, Duration period, int maxTracked) {
		this.config = RateLimiterConfig.custom()
			.limitForPeriod(limitForPeriod)
			.limitRefreshPeriod(period)
			.timeoutDuration(Duration.ZERO)
			.build();
		this.limiters = Caffeine.newBuilder().maximumSize(maxTracked).expireAfterAccess(period.multipliedBy(2)).build();
	}

	/** Empty when the request may go on, else how long the caller should wait. */
	Duration acquire(String key) {
		AtomicRateLimiter limiter = this.limiters.get(key, (name) -> new AtomicRateLimiter(name, this.config));
		if (limiter.acquirePermission()) {
			return Duration.ZERO;
		}
		return Duration.ofNanos(Math.max(1, limiter.getDetailedMetrics().getNanosToWait()));
	}

}
