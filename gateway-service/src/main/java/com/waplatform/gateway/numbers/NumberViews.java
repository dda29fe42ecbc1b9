package com.waplatform.gateway.numbers;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** Responses of {@code GET /v1/numbers}. Nulls are shown: "not reported" is an answer. */
final class NumberViews {

	private NumberViews() {
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record Numbers(List<Number> numbers) {
	}

	/**
	 * @param sending what the sender last said about the number (null until it did)
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record Number(String phoneNumberId, String wabaId, String displayPhoneNumber,
			@JsonProperty("default") boolean defaultNumber, int throughputPerSecond, Health health,
			@Nullable Sending sending) {
	}

	/**
	 * The latest of each aspect Meta reported in its account webhooks (null: never
	 * reported): {@code phone_number_quality_update} (quality event, messaging limit
	 * tier, throughput), {@code phone_number_name_update}, {@code account_update},
	 * {@code business_capability_update}.
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record Health(@Nullable Fact quality, @Nullable Fact messagingLimit, @Nullable Fact throughput,
			@Nullable Fact nameStatus, @Nullable Fact accountStatus, @Nullable Fact maxDailyConversations) {
	}

	/**
	 * @param value Meta's value ({@code FLAGGED}, {@code TIER_10K}, {@code APPROVED}...)
	 * @param detail what else Meta said (a reason, restriction info)
	 * @param at when Meta reported it
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record Fact(@Nullable String value, @Nullable String detail, Instant at) {
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record Sending(double allowedPerSecond, double limitPerSecond, @Nullable String pausedReason, int inFlight,
			int retrying, Instant at) {
	}

}
