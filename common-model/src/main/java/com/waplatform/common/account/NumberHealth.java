package com.waplatform.common.account;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One fact about a business number's or account's health, from Meta's account webhooks
 * ({@code phone_number_quality_update}, {@code phone_number_name_update},
 * {@code business_capability_update}, {@code account_update}), on {@code wa.accounts}
 * keyed {@code health:{wabaId}:{number}:{aspect}} so compaction keeps the latest value of
 * each aspect.
 *
 * @param displayPhoneNumber the number as Meta names it in these webhooks (digits, no
 * plus), or null for facts about the whole account
 * @param aspect one of the constants below
 * @param value e.g. {@code FLAGGED}, {@code TIER_10K}, {@code APPROVED},
 * {@code ACCOUNT_RESTRICTION}, {@code 1000}
 * @param detail what else Meta said (rejection reason, restriction info...)
 */
public record NumberHealth(UUID eventId, Instant occurredAt, String organizationId, String wabaId,
		@Nullable String displayPhoneNumber, String aspect, @Nullable String value,
		@Nullable String detail) implements AccountEvent {

	public static final String KEY_PREFIX = "health:";

	/** The quality event: FLAGGED, UNFLAGGED, UPGRADE, DOWNGRADE, THROUGHPUT_UPGRADE. */
	public static final String QUALITY = "quality";

	/** The messaging limit tier: TIER_250, TIER_1K ... TIER_UNLIMITED. */
	public static final String MESSAGING_LIMIT = "messaging_limit";

	/** The throughput tier (THROUGHPUT_UPGRADE: high throughput). */
	public static final String THROUGHPUT = "throughput";

	/** The display name decision: APPROVED, REJECTED, PENDING. */
	public static final String NAME_STATUS = "name_status";

	/** The business's capability: max daily conversations per number. */
	public static final String DAILY_CONVERSATIONS = "max_daily_conversations";

	/** The last account_update event (restriction, violation, disabled...). */
	public static final String ACCOUNT_STATUS = "account_status";

	public static NumberHealth of(String organizationId, String wabaId, @Nullable String displayPhoneNumber,
			String aspect, @Nullable String value, @Nullable String detail) {
		return new NumberHealth(UUID.randomUUID(), Instant.now(), organizationId, wabaId, displayPhoneNumber, aspect,
				value, detail);
	}

	@Override
	public String key() {
		return KEY_PREFIX + this.wabaId + ":" + ((this.displayPhoneNumber != null) ? this.displayPhoneNumber : "-")
				+ ":" + this.aspect;
	}

}
