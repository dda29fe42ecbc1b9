package com.waplatform.workflow.rules.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.waplatform.common.account.QuietHours;
import com.waplatform.common.message.Priority;
import org.jspecify.annotations.Nullable;

/**
 * One template message a rule plans for an event: to whom, what, when.
 * <p>
 * {@code dueAt} may lie before the {@code now} of planning: a reminder whose moment
 * passed while the event was on its way (or an event replayed late) is still planned,
 * with the time it was meant for. The caller decides whether to send it at once or skip
 * it; sending late, it should keep to {@code quietHours} at the moment it sends.
 *
 * @param index the message's place in the rule's series (0 unless the rule has offsets)
 * @param recipient the customer's number in E.164
 * @param phoneNumberId the business number the event or rule names, or null for the
 * organization's default number
 * @param language Meta's language code to send the template in
 * @param positional the values of {@code {{1}}..{{n}}}, or null
 * @param named the values by variable name (in the rule's order), or null
 * @param dueAt when to send: null for now
 * @param recipientZone the customer's time zone, which dates and quiet hours were read in
 * @param deferredByQuietHours whether quiet hours moved {@code dueAt} to their end
 * @param quietHours the quiet hours that apply to this message, null when none do (an
 * urgent rule, a rule with quiet hours off, an organization without)
 * @param contextType the business record's type, e.g. {@code booking}
 * @param contextId the business record's id: the event's subject
 */
public record PlannedMessage(int index, String recipient, @Nullable String phoneNumberId, String templateName,
		String language, @Nullable List<String> positional, @Nullable Map<String, String> named,
		@Nullable Instant dueAt, ZoneId recipientZone, boolean deferredByQuietHours, @Nullable QuietHours quietHours,
		String contextType, String contextId, Priority priority) {

	public PlannedMessage {
		positional = (positional != null) ? List.copyOf(positional) : null;
		named = (named != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(named)) : null;
	}

	/**
	 * Our message id for the {@code index}-th message of rule {@code ruleId} for event
	 * {@code eventId}: a redelivered event yields the same ids, so it can never become
	 * two messages.
	 */
	public static String messageId(UUID eventId, UUID ruleId, int index) {
		return UUID
			.nameUUIDFromBytes(("workflow|" + ruleId + "|" + eventId + "|" + index).getBytes(StandardCharsets.UTF_8))
			.toString();
	}

	/** This message's id ({@link #messageId(UUID, UUID, int)}). */
	public String messageId(UUID eventId, UUID ruleId) {
		return messageId(eventId, ruleId, this.index);
	}

}
