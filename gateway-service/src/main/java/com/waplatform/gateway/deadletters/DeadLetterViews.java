package com.waplatform.gateway.deadletters;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** Requests and responses of the dead-letter API. */
final class DeadLetterViews {

	private DeadLetterViews() {
	}

	/**
	 * One dead letter.
	 *
	 * @param topic the dead-letter topic
	 * @param key the record's key (its original key)
	 * @param timestamp when it was dead-lettered
	 * @param originalTopic {@code kafka_dlt-original-topic}
	 * @param reason {@code kafka_dlt-exception-message}
	 * @param reasonCode the platform's short reason ({@code dlt-reason})
	 * @param exceptionClass {@code kafka_dlt-exception-fqcn}
	 * @param organizationId the organization the event names, if any
	 * @param eventType the event's type ({@code ce_type}), if any
	 * @param replayedAt when it was replayed through this API, if it was
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record DeadLetter(String topic, int partition, long offset, @Nullable String key, Instant timestamp,
			@Nullable String originalTopic, @Nullable Integer originalPartition, @Nullable Long originalOffset,
			@Nullable String reason, @Nullable String reasonCode, @Nullable String exceptionClass,
			@Nullable String organizationId, @Nullable String eventType, @Nullable Instant replayedAt) {

		DeadLetter replayedAt(@Nullable Instant at) {
			return new DeadLetter(this.topic, this.partition, this.offset, this.key, this.timestamp, this.originalTopic,
					this.originalPartition, this.originalOffset, this.reason, this.reasonCode, this.exceptionClass,
					this.organizationId, this.eventType, at);
		}

	}

	/**
	 * @param nextAfter pass as {@code after} for the next page; absent on the last page
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Page(List<DeadLetter> deadLetters, @Nullable String nextAfter) {
	}

	/**
	 * Dead letters of one topic to replay: the listed {@code records}, or {@code all}.
	 */
	record ReplayRequest(@Nullable String topic, @Nullable List<Coordinates> records, @Nullable Boolean all) {
	}

	record Coordinates(@Nullable Integer partition, @Nullable Long offset) {
	}

	record ReplayResponse(String topic, int replayed, int alreadyReplayed, int notFound, List<Replay> results) {
	}

	/**
	 * What a replay did with one dead letter.
	 *
	 * @param result {@code replayed} (published again now), {@code already_replayed}
	 * (published by an earlier replay, not again), {@code not_found} (no such record, or
	 * past the topic's retention)
	 * @param replayedTo the topic it was published to ({@code replayed})
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Replay(int partition, long offset, String result, @Nullable String replayedTo) {
	}

}
