package com.waplatform.gateway.config;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gateway.rate-limits.*}: how many {@code /v1/**} requests one API key and one
 * client address may make per period; past that the answer is a 429 problem with
 * {@code Retry-After}. The defaults sit above Meta's highest per-number throughput (1,000
 * messages a second), so they stop floods, not business traffic.
 *
 * @param perApiKey requests per period of one API key
 * @param perClientAddress requests per period from one client address, counted before the
 * credential is checked (so that guessing keys is limited too)
 * @param period the window the counts refer to
 * @param maxTracked how many keys and addresses are tracked at once (least recently seen
 * are forgotten first)
 */
@Validated
@ConfigurationProperties("gateway.rate-limits")
public record RateLimitProperties(@Min(1) @DefaultValue("1000") int perApiKey,
		@Min(1) @DefaultValue("2000") int perClientAddress, @NotNull @DefaultValue("1s") Duration period,
		@Min(1) @DefaultValue("100000") int maxTracked) {
}
