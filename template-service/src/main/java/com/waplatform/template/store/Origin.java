package com.waplatform.template.store;

import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.template.domain.AppliedUpdate;
import org.jspecify.annotations.Nullable;

/**
 * Where a template version comes from, which decides what happens to its
 * {@code status_reason} and timestamps.
 *
 * @param webhook a template webhook: {@code webhook_updated_at} is set, {@code synced_at}
 * kept
 * @param replaceReason the reason replaces the stored one (status webhooks, creations);
 * otherwise it does only when the status changes
 * @param reason the status reason to store
 */
public record Origin(boolean webhook, boolean replaceReason, @Nullable String reason) {

	/** Meta's list: a changed status takes Meta's {@code rejected_reason}. */
	public static Origin sync(MessageTemplate template) {
		return new Origin(false, false, template.rejectedReason());
	}

	public static Origin webhook(AppliedUpdate update) {
		return new Origin(true, update.statusUpdate(), update.statusReason());
	}

	public static Origin creation() {
		return new Origin(false, true, null);
	}

}
