package com.waplatform.simulator;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.waplatform.simulator.accounts.Account;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code simulator.*}: the accounts the simulator answers for and how it behaves.
 *
 * @param accounts the WhatsApp Business accounts (one phone number each)
 * @param undeliverableNumbers E.164 numbers that are not WhatsApp users (error 131026)
 * @param seedTemplates whether every account's WABA starts with the seeded templates
 * @param webhookUrl where webhooks go for accounts without their own webhook URL
 * @param webhooks status webhook timing and delivery
 * @param ledger how much the in-memory ledger keeps
 * @param limits Meta's limits: throughput, pair rate, management call quota
 * @param catalog generated templates (the "template catalog" of a big account)
 * @param templates template management behaviour (approval of created templates)
 * @param faults fault injection settings
 * @param media uploaded and inbound media files
 * @param randomSeed seed of the randomness of fault injection (unset: random)
 */
@Validated
@ConfigurationProperties("simulator")
public record SimulatorProperties(@DefaultValue List<@Valid Account> accounts,
		@DefaultValue List<String> undeliverableNumbers, @DefaultValue("true") boolean seedTemplates,
		@Nullable URI webhookUrl, @Valid @NotNull @DefaultValue Webhooks webhooks,
		@Valid @NotNull @DefaultValue Ledger ledger, @Valid @NotNull @DefaultValue Limits limits,
		@Valid @NotNull @DefaultValue Catalog catalog, @Valid @NotNull @DefaultValue Templates templates,
		@Valid @NotNull @DefaultValue Faults faults, @Valid @NotNull @DefaultValue Media media,
		@Nullable Long randomSeed) {

	public SimulatorProperties {
		// SIMULATOR_WEBHOOK_URL left blank means nowhere, as unset does
		webhookUrl = (webhookUrl != null && webhookUrl.toString().isBlank()) ? null : webhookUrl;
	}

	/**
	 * @param enabled whether status webhooks are posted at all
	 * @param sentDelay delay of {@code sent} after acceptance
	 * @param deliveredDelay delay of {@code delivered} after acceptance
	 * @param readDelay delay of {@code read} after acceptance
	 * @param maxAttempts delivery attempts per webhook; 0: as Meta, until
	 * {@code retryFor} has passed
	 * @param retryBackoff first retry delay, doubled on each further attempt
	 * @param retryMaxBackoff the longest delay between two attempts
	 * @param retryFor how long a webhook is retried at most (Meta: 7 days)
	 * @param timeout how long one delivery attempt may take
	 * @param maxConcurrency webhook sequences in flight at once
	 * @param maxStatusesPerPost statuses one POST may carry, as Meta batches them under
	 * load (1: one status per POST)
	 * @param batchWindow how long a status waits for others to share its POST
	 */
	public record Webhooks(@DefaultValue("true") boolean enabled, @NotNull @DefaultValue("100ms") Duration sentDelay,
			@NotNull @DefaultValue("200ms") Duration deliveredDelay, @NotNull @DefaultValue("300ms") Duration readDelay,
			@Min(0) @DefaultValue("0") int maxAttempts, @NotNull @DefaultValue("200ms") Duration retryBackoff,
			@NotNull @DefaultValue("30s") Duration retryMaxBackoff, @NotNull @DefaultValue("7d") Duration retryFor,
			@NotNull @DefaultValue("5s") Duration timeout, @Min(1) @DefaultValue("1024") int maxConcurrency,
			@Min(1) @Max(1000) @DefaultValue("1") int maxStatusesPerPost,
			@NotNull @DefaultValue("50ms") Duration batchWindow) {
	}

	/**
	 * @param maxEntries accepted messages kept; the oldest are dropped beyond this
	 */
	public record Ledger(@Min(1) @DefaultValue("100000") int maxEntries) {
	}

	/**
	 * @param throughputPerSecond messages per second per business number, for accounts
	 * without their own {@code throughput-per-second}
	 * @param throughputHttpStatus HTTP status of 130429 (Meta's table: 400; some
	 * emulators use 429)
	 * @param pairBurst messages to one recipient allowed in a burst (token bucket
	 * capacity)
	 * @param pairInterval one more message to that recipient per interval (refill)
	 * @param managementCallsPerHour template management calls per WABA and hour (100% of
	 * {@code x-business-use-case-usage})
	 */
	public record Limits(@Min(1) @DefaultValue("80") int throughputPerSecond,
			@Min(100) @Max(599) @DefaultValue("400") int throughputHttpStatus,
			@Min(1) @DefaultValue("45") int pairBurst, @NotNull @DefaultValue("6s") Duration pairInterval,
			@Min(1) @DefaultValue("5000") int managementCallsPerHour) {
	}

	/**
	 * @param templatesPerWaba templates generated into each WABA (0: none)
	 * @param wabaIds the WABAs that get them (empty: every WABA)
	 */
	public record Catalog(@Min(0) @Max(10000) @DefaultValue("0") int templatesPerWaba,
			@DefaultValue List<String> wabaIds) {
	}

	/**
	 * @param approvalDelay how long a created template stays PENDING before it is
	 * APPROVED (0: it stays PENDING)
	 */
	public record Templates(@NotNull @DefaultValue("2s") Duration approvalDelay) {
	}

	/**
	 * @param timeoutCap how long a send hit by a timeout fault is held before the
	 * connection is answered with a bare 504
	 */
	public record Faults(@NotNull @DefaultValue("60s") Duration timeoutCap) {
	}

	/**
	 * @param urlTtl how long a media URL answered by {@code GET /{version}/{media-id}}
	 * can be downloaded (Meta: 5 minutes)
	 * @param maxObjects media files kept in memory; the oldest are dropped beyond this
	 */
	public record Media(@NotNull @DefaultValue("5m") Duration urlTtl, @Min(1) @DefaultValue("10000") int maxObjects) {
	}

}
