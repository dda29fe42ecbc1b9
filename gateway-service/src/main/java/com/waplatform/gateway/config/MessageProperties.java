package com.waplatform.gateway.config;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The messages API.
 *
 * @param maxBodySize the largest {@code POST /v1/messages} body accepted (413 above)
 * @param maxTtl the longest time-to-live a message may ask for
 * @param idempotencyRetention how long an {@code Idempotency-Key} is remembered
 * @param maxPageSize the most messages one history page returns
 * @param maxScheduleAhead how far ahead {@code scheduledFor} may be
 * @param defaultTtl the time-to-live of a message whose request sets none, by kind
 * (Meta's defaults)
 */
@Validated
@ConfigurationProperties("gateway.messages")
public record MessageProperties(@NotNull @DefaultValue("64KB") DataSize maxBodySize,
		@NotNull @DefaultValue("30d") Duration maxTtl, @NotNull @DefaultValue("24h") Duration idempotencyRetention,
		@Min(1) @Max(1000) @DefaultValue("100") int maxPageSize,
		@NotNull @DefaultValue("30d") Duration maxScheduleAhead, @Valid @NotNull @DefaultValue DefaultTtl defaultTtl) {

	/**
	 * Meta's default time-to-live of each kind of message.
	 *
	 * @param authentication AUTHENTICATION templates (one-time codes)
	 * @param utility UTILITY templates, and templates of an unknown category
	 * @param marketing MARKETING templates
	 * @param freeForm messages that are no template
	 */
	public record DefaultTtl(@NotNull @DefaultValue("10m") Duration authentication,
			@NotNull @DefaultValue("30d") Duration utility, @NotNull @DefaultValue("30d") Duration marketing,
			@NotNull @DefaultValue("30d") Duration freeForm) {

	}

}
