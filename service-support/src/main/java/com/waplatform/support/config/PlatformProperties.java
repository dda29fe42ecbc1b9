package com.waplatform.support.config;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings every service shares.
 *
 * @param credentialKey Base64 of the 256-bit key that seals Meta access tokens and app
 * secrets
 */
@Validated
@ConfigurationProperties("platform")
public record PlatformProperties(@NotBlank String credentialKey, @Valid @DefaultValue Outbox outbox,
		@Valid @DefaultValue Kafka kafka, @Valid @DefaultValue Retention retention) {

	/**
	 * @param pollInterval how often the relay looks for unpublished rows
	 * @param batchSize rows per relay batch
	 * @param metricsInterval how often the backlog gauges ({@code outbox.backlog},
	 * {@code outbox.oldest.age}) are measured
	 * @param leaseTime how long a relay's lease on its schema's outbox lasts unless
	 * renewed (each batch renews it): after a relay died, another instance of the service
	 * takes over within this time; a batch's publication gives up after half of it
	 */
	public record Outbox(@NotNull @DefaultValue("50ms") Duration pollInterval,
			@Min(1) @DefaultValue("500") int batchSize, @NotNull @DefaultValue("5s") Duration metricsInterval,
			@NotNull @DefaultValue("30s") Duration leaseTime) {
	}

	/**
	 * @param partitions overrides every topic's partition count (small in tests)
	 * @param replicationFactor replicas of every topic created
	 * @param retryAttempts listener attempts before a record goes to its dead-letter
	 * topic
	 */
	public record Kafka(@Nullable Integer partitions, @Min(1) @DefaultValue("1") short replicationFactor,
			@Min(1) @DefaultValue("3") int retryAttempts) {
	}

	/**
	 * How tables that only grow are purged by age ({@code RetentionPurge}); each service
	 * names its own tables' retention in its own properties.
	 *
	 * @param interval time between two purges
	 * @param initialDelay time from start to the first purge
	 * @param batchSize rows deleted per statement
	 * @param processedEvents how long the idempotent-consumer log remembers an event:
	 * longer than the topics keep records (7 days), so a redelivery can never be older
	 * than it (zero: forever)
	 */
	public record Retention(@NotNull @DefaultValue("10m") Duration interval,
			@NotNull @DefaultValue("2m") Duration initialDelay, @Min(1) @DefaultValue("1000") int batchSize,
			@NotNull @DefaultValue("8d") Duration processedEvents) {
	}

}
