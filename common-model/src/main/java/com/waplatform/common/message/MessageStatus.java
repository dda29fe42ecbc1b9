package com.waplatform.common.message;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The public status of a message, and its one lifecycle (docs/common-model.md, "Status
 * lifecycle"). The statuses are totally ordered by {@link #rank()}:
 *
 * <pre>
 * queued, scheduled (0) &lt; accepted (1) &lt; sent (2) &lt; failed, expired, rejected, cancelled (3) &lt; delivered (4) &lt; read (5)
 * </pre>
 *
 * and a status replaces the current one exactly when its rank is higher
 * ({@link #advances}). Meta delivers status webhooks at least once and in any order, and
 * reports {@code failed} and {@code delivered} of one message in either order (for
 * instance when the customer uses several devices), so the current status must not depend
 * on the order in which statuses arrive: keeping the highest rank makes it the same for
 * every order. Failures rank below {@code delivered} and {@code read} because those are
 * receipts from the customer's device: a message that reached the customer is shown as
 * such, whatever failure is reported besides; a failure still outranks {@code sent},
 * which says nothing about arrival.
 * <p>
 * SQL guards apply the same rule on the stored rank ({@code status_rank}): a row moves to
 * a status only {@code where status_rank < } that status's rank.
 */
public enum MessageStatus {

	QUEUED(0), SCHEDULED(0), ACCEPTED(1), SENT(2), DELIVERED(4), READ(5), FAILED(3), EXPIRED(3), REJECTED(3),

	/**
	 * Cancelled by the client while still scheduled: terminal, never sent; ranked with
	 * the failures, so only Meta's receipts could replace it (none come for a message
	 * never sent).
	 */
	CANCELLED(3);

	private final int rank;

	MessageStatus(int rank) {
		this.rank = rank;
	}

	/**
	 * The position in the lifecycle, stored beside the status ({@code status_rank}) for
	 * the SQL guards: a status replaces exactly the statuses of lower rank.
	 */
	public int rank() {
		return this.rank;
	}

	/**
	 * Whether a message whose status is {@code current} ({@code null}: none known yet)
	 * moves to {@code incoming}: exactly when {@code incoming} ranks higher. Duplicates
	 * and statuses of equal rank never apply; a late {@code sent} never downgrades
	 * {@code delivered}; {@code read} applies without {@code delivered}; a failure
	 * applies until the message is {@code delivered} or {@code read}, and
	 * {@code delivered} or {@code read} still apply after a failure.
	 */
	public static boolean advances(@Nullable MessageStatus current, MessageStatus incoming) {
		return current == null || current.rank < incoming.rank;
	}

	/**
	 * Whether this is a failure ({@code failed}, {@code expired}, {@code rejected}): the
	 * message will not be sent (again) by us, and only Meta's proof that it reached the
	 * customer ({@code delivered}, {@code read}) replaces it.
	 */
	public boolean isTerminalFailure() {
		return this == FAILED || this == EXPIRED || this == REJECTED;
	}

	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static MessageStatus fromWire(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
