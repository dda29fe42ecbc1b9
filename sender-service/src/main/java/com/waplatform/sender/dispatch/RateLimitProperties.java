package com.waplatform.sender.dispatch;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import com.waplatform.sender.domain.RateSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sender.rate-limit.*}: how each business number is paced. Its throughput comes
 * from the account directory ({@code PhoneNumberConfigured.throughputPerSecond}).
 *
 * @param utilization share of the number's throughput used: Meta counts sends in a
 * sliding one-second window on its side, so a little room absorbs network jitter (no
 * second ever holds more than this share of the throughput, in whole calls: 78 of 80)
 * @param catchUp how far behind its schedule the pacing may catch up after the dispatcher
 * woke late (several calls at once); the one-second call window still bounds every second
 * @param defaultThroughput messages per second of a number configured without one
 * @param decreaseFactor the number's rate is multiplied by this on 130429 (a single
 * refusal is mostly network jitter, a lasting overload brings repeated decreases)
 * @param floor the rate never falls below this share of the configured throughput
 * @param quietPeriod time without 130429 before each recovery step
 * @param recoveryStep share of the configured throughput regained per quiet period
 * @param decreaseHold 130429s within this time after a decrease count as the same one
 * @param pairInterval one message per this interval to the same recipient
 * @param pairBurst messages a recipient may get at once (Meta allows bursts; ours stay
 * far below)
 * @param maxPairHold the longest a recipient is held back after repeated 131056
 * @param lead how far ahead of its call a message is recorded SENDING, so that database
 * latency never disturbs the pacing of the calls (a crash leaves up to this much of a
 * number's sends to verification)
 * @param inFlight a number has at most the calls of this much time (at its current rate)
 * waiting for Meta's answer: the full rate at latencies up to it (Meta answers in 100-500
 * ms), and a Meta that slows down gets fewer calls rather than a pile of them that would
 * time out with their outcome unknown
 */
@Validated
@ConfigurationProperties("sender.rate-limit")
public record RateLimitProperties(@DecimalMin("0.1") @DecimalMax("1.0") @DefaultValue("0.985") double utilization,
		@NotNull @DefaultValue("15ms") Duration catchUp, @Min(1) @DefaultValue("80") int defaultThroughput,
		@DecimalMin("0.1") @DecimalMax("0.99") @DefaultValue("0.9") double decreaseFactor,
		@DecimalMin("0.01") @DecimalMax("1.0") @DefaultValue("0.1") double floor,
		@NotNull @DefaultValue("1s") Duration quietPeriod,
		@DecimalMin("0.001") @DecimalMax("1.0") @DefaultValue("0.05") double recoveryStep,
		@NotNull @DefaultValue("1s") Duration decreaseHold, @NotNull @DefaultValue("6s") Duration pairInterval,
		@Min(1) @Max(45) @DefaultValue("3") int pairBurst, @NotNull @DefaultValue("5m") Duration maxPairHold,
		@NotNull @DefaultValue("500ms") Duration lead, @NotNull @DefaultValue("1s") Duration inFlight) {

	RateSettings settings() {
		return new RateSettings(this.utilization, this.catchUp.toNanos(), this.decreaseFactor, this.floor,
				this.quietPeriod.toNanos(), this.recoveryStep, this.decreaseHold.toNanos(), this.pairInterval.toNanos(),
				this.pairBurst, this.maxPairHold.toNanos(), this.lead.toNanos(), this.inFlight.toNanos());
	}

}
