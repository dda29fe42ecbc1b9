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
 */
@Validated
@ConfigurationProperties("simulator")
public record SimulatorProperties(@DefaultValue List<@Valid Account> accounts,
		@DefaultValue List<String> undeliverableNumbers, @DefaultValue("true") boolean seedTemplates,
		@Nullable URI webhookUrl, @Valid @NotNull @DefaultValue Webhooks webhooks,
		@Valid @NotNull @DefaultValue Ledger ledger) {

	/**
	 * @param enabled whether status webhooks are posted at all
	 * @param sentDelay delay of {@code sent} after acceptance
	 * @param deliveredDelay delay of {@code delivered} after acceptance
	 * @param readDelay delay of {@code read} after acceptance
	 * @param maxAttempts delivery attempts per webhook (Meta retries; we stay bounded)
	 * @param retryBackoff first retry delay, doubled on each further attempt
	 * @param timeout how long one delivery attempt may take
	 * @param maxConcurrency webhook sequences in flight at once
	 */
	public record Webhooks(@DefaultValue("true") boolean enabled, @NotNull @DefaultValue("100ms") Duration sentDelay,
			@NotNull @DefaultValue("200ms") Duration deliveredDelay, @NotNull @DefaultValue("300ms") Duration readDelay,
			@Min(1) @Max(10) @DefaultValue("3") int maxAttempts, @NotNull @DefaultValue("200ms") Duration retryBackoff,
			@NotNull @DefaultValue("5s") Duration timeout, @Min(1) @DefaultValue("1024") int maxConcurrency) {
	}

	/**
	 * @param maxEntries accepted messages kept; the oldest are dropped beyond this
	 */
	public record Ledger(@Min(1) @DefaultValue("100000") int maxEntries) {
	}

}
