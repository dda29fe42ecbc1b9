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
		@Valid @DefaultValue Kafka kafka) {

	/**
	 * @param pollInterval how often the relay looks for unpublished rows
	 * @param batchSize rows per relay transaction
	 * @param metricsInterval how often the backlog gauges ({@code outbox.backlog},
	 * {@code outbox.oldest.age}) are measured
	 */
	public record Outbox(@NotNull @DefaultValue("50ms") Duration pollInterval,
			@Min(1) @DefaultValue("500") int batchSize, @NotNull @DefaultValue("5s") Duration metricsInterval) {
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

}
