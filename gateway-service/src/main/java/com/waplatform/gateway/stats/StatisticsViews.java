package com.waplatform.gateway.stats;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** Responses of the statistics API. Nulls are shown: "unknown" is an answer here. */
final class StatisticsViews {

	private StatisticsViews() {
	}

	/**
	 * @param paused whether the sender has paused the organization's sending (any of its
	 * numbers)
	 * @param pausedReason why, as the sender said (e.g. Meta's 190, an expired token)
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record Queue(boolean paused, @Nullable String pausedReason, List<NumberQueue> numbers, Instant at) {
	}

	/**
	 * One business number's queue. Counts from the read model; {@code inFlight},
	 * {@code retrying}, {@code allowedPerSecond} and {@code pausedReason} from the
	 * sender's last {@code SendingState} (null while the sender has not said).
	 *
	 * @param limitSource {@code sender} (the sender's state) or {@code configured}
	 * ({@code throughputPerSecond} of the number)
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record NumberQueue(String phoneNumberId, String displayPhoneNumber, long pending, long scheduled,
			@Nullable Integer inFlight, @Nullable Integer retrying, long deadLettered,
			@Nullable Double allowedPerSecond, double limitPerSecond, String limitSource,
			@Nullable Instant oldestPendingSince, @Nullable Long oldestPendingAgeSeconds, @Nullable String pausedReason,
			@Nullable Instant sendingStateAt) {
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record Analytics(Instant since, Instant until, String groupBy, Group total, List<Group> groups,
			List<TemplateUsage> templates) {
	}

	/**
	 * @param key the group's key ({@code 2026-01-31}, a template name, a phone-number id,
	 * a context type); null for messages without one (free-form, no context) and for the
	 * total
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record Group(@Nullable String key, long total, long accepted, long sent, long delivered, long read, long failed,
			@Nullable Double deliveryRate, @Nullable Double readRate, @Nullable Double failureRate,
			@Nullable Double medianSecondsToDelivered, @Nullable Double medianSecondsToRead,
			List<FailureReason> topFailures) {

		Group withFailures(List<FailureReason> failures) {
			return new Group(this.key, this.total, this.accepted, this.sent, this.delivered, this.read, this.failed,
					this.deliveryRate, this.readRate, this.failureRate, this.medianSecondsToDelivered,
					this.medianSecondsToRead, failures);
		}

	}

	/**
	 * @param code Meta's error code, null for our own reasons (time-to-live...)
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record FailureReason(@Nullable Integer code, @Nullable String title, long count) {
	}

	/**
	 * @param language null for messages recorded before the language was kept
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record TemplateUsage(String name, @Nullable String language, long count) {
	}

}
