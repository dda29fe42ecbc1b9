package com.waplatform.gateway.numbers.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Meta's account-health values ({@code phone_number_quality_update}) as numbers and
 * bounded tags a gauge can carry.
 */
public final class HealthValues {

	/**
	 * The quality events Meta names ({@code event} of
	 * {@code phone_number_quality_update}); anything else is {@link #OTHER_EVENT}.
	 */
	public static final List<String> QUALITY_EVENTS = List.of("FLAGGED", "UNFLAGGED", "UPGRADE", "DOWNGRADE",
			"ONBOARDING", "THROUGHPUT_UPGRADE");

	public static final String OTHER_EVENT = "OTHER";

	/** Unique customers per 24 hours by tier; unlimited is -1, as Meta writes it. */
	private static final Map<String, Double> TIERS = Map.of("TIER_50", 50.0, "TIER_250", 250.0, "TIER_1K", 1_000.0,
			"TIER_2K", 2_000.0, "TIER_10K", 10_000.0, "TIER_100K", 100_000.0, "TIER_UNLIMITED", -1.0);

	private HealthValues() {
	}

	/**
	 * The messaging limit of a tier ({@code TIER_10K} → 10000, {@code TIER_UNLIMITED} →
	 * -1, a plain number as itself); NaN when unknown.
	 */
	public static double messagingLimit(@Nullable String tier) {
		if (tier == null) {
			return Double.NaN;
		}
		String key = tier.strip().toUpperCase(Locale.ROOT);
		Double known = TIERS.get(key);
		if (known != null) {
			return known;
		}
		try {
			return Double.parseDouble(key);
		}
		catch (NumberFormatException ex) {
			return Double.NaN;
		}
	}

	/** The quality event as one of {@link #QUALITY_EVENTS} or {@link #OTHER_EVENT}. */
	public static @Nullable String qualityEvent(@Nullable String event) {
		if (event == null) {
			return null;
		}
		String key = event.strip().toUpperCase(Locale.ROOT);
		return QUALITY_EVENTS.contains(key) ? key : OTHER_EVENT;
	}

}
