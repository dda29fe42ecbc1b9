package com.waplatform.gateway.suppressions;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** Responses of {@code /v1/suppressions}. */
final class SuppressionViews {

	private SuppressionViews() {
	}

	/**
	 * A suppressed customer.
	 *
	 * @param reason {@code keyword}, {@code user_preferences} or {@code operator}
	 * @param detail the keyword, Meta's wording or the operator's note
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Suppression(String customer, Instant suppressedSince, String reason, @Nullable String detail) {
	}

	/**
	 * @param nextBefore pass as {@code before} to get the next (older) page; absent on
	 * the last page
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Page(List<Suppression> suppressions, @Nullable Instant nextBefore) {
	}

	/**
	 * One customer: whether suppressed now (and since when, why), with every change.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CustomerSuppression(String customer, boolean suppressed, @Nullable Instant suppressedSince,
			@Nullable String reason, @Nullable String detail, List<AuditEntry> audit) {
	}

	/**
	 * @param action {@code added} or {@code removed}
	 * @param at when the customer (or operator) asked
	 * @param source the inbound message's wamid, the business number of a
	 * {@code user_preferences} webhook, or {@code api}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record AuditEntry(String action, String reason, String source, @Nullable String detail, Instant at,
			Instant recordedAt) {
	}

}
