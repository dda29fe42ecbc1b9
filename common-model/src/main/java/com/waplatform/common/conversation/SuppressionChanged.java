package com.waplatform.common.conversation;

import java.time.Instant;
import java.util.UUID;

import com.waplatform.common.event.Event;
import org.jspecify.annotations.Nullable;

/**
 * A customer joined or left an organization's suppression list (values of
 * {@code wa.suppressions}, keyed {@code {organizationId}:{customer}}, compacted: the last
 * value per customer is the state). A suppressed customer gets no marketing templates and
 * no auto-replies; utility and authentication templates still go.
 *
 * @param customer the E.164 number or business-scoped user id
 * @param suppressed true: added; false: removed
 * @param reason {@code keyword}, {@code user_preferences} or {@code operator}
 * @param detail the keyword, Meta's wording or the operator's note
 */
public record SuppressionChanged(UUID eventId, Instant occurredAt, String organizationId, String customer,
		boolean suppressed, String reason, @Nullable String detail) implements Event {

	public static final String KEYWORD = "keyword";

	public static final String USER_PREFERENCES = "user_preferences";

	public static final String OPERATOR = "operator";

	public static SuppressionChanged of(String organizationId, String customer, boolean suppressed, String reason,
			@Nullable String detail) {
		return new SuppressionChanged(UUID.randomUUID(), Instant.now(), organizationId, customer, suppressed, reason,
				detail);
	}

	public static String keyOf(String organizationId, String customer) {
		return organizationId + ":" + customer;
	}

	@Override
	public String key() {
		return keyOf(this.organizationId, this.customer);
	}

}
