package com.waplatform.webhook.status.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.waplatform.common.message.MessageStatus;
import org.jspecify.annotations.Nullable;

/**
 * The monotonic delivery-status machine. Meta delivers status webhooks at least once and
 * in any order, so a status only ever moves a message forward:
 * <ul>
 * <li>an incoming {@code sent}, {@code delivered} or {@code read} applies only when its
 * {@link MessageStatus#rank() rank} is higher than the current status's, so duplicates
 * never apply twice and a late {@code sent} never downgrades {@code delivered};</li>
 * <li>skipping is fine: {@code read} without {@code delivered} applies (Meta skips
 * {@code delivered} when both happen together);</li>
 * <li>{@code failed} applies unless the message was already {@code delivered} or
 * {@code read}: Meta cannot fail a message after delivering it, so such a webhook is
 * treated as stale and ignored;</li>
 * <li>nothing applies after a terminal failure ({@code failed}, {@code expired},
 * {@code rejected}).</li>
 * </ul>
 * The rule is one number per incoming status, {@link #applyBelowRank}, so the database
 * applies exactly the same rule in its conditional update ({@code where status_rank <
 * :bound}), which keeps concurrent and out-of-order processing monotonic across
 * instances.
 */
public final class StatusMachine {

	/** The statuses a webhook can bring. */
	public static final Set<MessageStatus> WEBHOOK_STATUSES = EnumSet.of(MessageStatus.SENT, MessageStatus.DELIVERED,
			MessageStatus.READ, MessageStatus.FAILED);

	private StatusMachine() {
	}

	/**
	 * Whether {@code incoming} moves a message whose status is {@code current}
	 * ({@code null}: none known yet).
	 */
	public static boolean applies(@Nullable MessageStatus current, MessageStatus incoming) {
		int bound = applyBelowRank(incoming);
		return current == null || current.rank() < bound;
	}

	/**
	 * The exclusive upper bound of the current status's rank for {@code incoming} to
	 * apply.
	 */
	public static int applyBelowRank(MessageStatus incoming) {
		if (!WEBHOOK_STATUSES.contains(incoming)) {
			throw new IllegalArgumentException("Not a webhook status: " + incoming);
		}
		// a failure after delivery is impossible at Meta: stale, ignored
		return (incoming == MessageStatus.FAILED) ? MessageStatus.DELIVERED.rank() : incoming.rank();
	}

	/**
	 * Meta's status name as ours; empty for the ones we do not track (e.g. {@code played}
	 * of voice messages).
	 */
	public static Optional<MessageStatus> fromWebhook(String status) {
		return WEBHOOK_STATUSES.stream()
			.filter((candidate) -> candidate.wireName().equals(status.toLowerCase(Locale.ROOT)))
			.findFirst();
	}

}
