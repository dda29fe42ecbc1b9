package com.waplatform.common.account;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.waplatform.common.conversation.ConversationSettings;
import org.jspecify.annotations.Nullable;

/**
 * An organization's messaging settings, as the admin API last set them
 * ({@code wa.accounts}, keyed {@code organization:{id}}): every service that acts for the
 * organization reads them from the account directory.
 *
 * @param automationEnabled whether workflow rules send anything at all (off: every rule
 * is skipped, with the reason)
 * @param marketingEnabled whether MARKETING templates may be sent, by rules or the API
 * @param quietHours the default quiet hours of automated messages in the recipient's time
 * zone, or null for none
 * @param timeZone the time zone assumed for a recipient whose own is not known (IANA id),
 * or null for UTC
 * @param languageFallbacks template language fallbacks, e.g. {@code en → en_US}
 * @param conversations opt-out keywords, the window fallback template, auto-replies and
 * business hours
 */
public record OrganizationSettings(UUID eventId, Instant occurredAt, String organizationId, boolean automationEnabled,
		boolean marketingEnabled, @Nullable QuietHours quietHours, @Nullable String timeZone,
		Map<String, String> languageFallbacks, ConversationSettings conversations) implements AccountEvent {

	/** The prefix of this event's key on {@code wa.accounts}. */
	public static final String KEY_PREFIX = "organization:";

	public OrganizationSettings {
		languageFallbacks = (languageFallbacks != null) ? Map.copyOf(languageFallbacks) : Map.of();
		conversations = (conversations != null) ? conversations : ConversationSettings.DEFAULTS;
	}

	/**
	 * What an organization nobody configured gets: everything on, no quiet hours, UTC.
	 */
	public static OrganizationSettings defaults(String organizationId) {
		return new OrganizationSettings(UUID.randomUUID(), Instant.now(), organizationId, true, true, null, null,
				Map.of(), ConversationSettings.DEFAULTS);
	}

	public static OrganizationSettings of(String organizationId, boolean automationEnabled, boolean marketingEnabled,
			@Nullable QuietHours quietHours, @Nullable String timeZone, Map<String, String> languageFallbacks) {
		return of(organizationId, automationEnabled, marketingEnabled, quietHours, timeZone, languageFallbacks,
				ConversationSettings.DEFAULTS);
	}

	public static OrganizationSettings of(String organizationId, boolean automationEnabled, boolean marketingEnabled,
			@Nullable QuietHours quietHours, @Nullable String timeZone, Map<String, String> languageFallbacks,
			ConversationSettings conversations) {
		return new OrganizationSettings(UUID.randomUUID(), Instant.now(), organizationId, automationEnabled,
				marketingEnabled, quietHours, timeZone, languageFallbacks, conversations);
	}

	public static String keyOf(String organizationId) {
		return KEY_PREFIX + organizationId;
	}

	@Override
	public String key() {
		return keyOf(this.organizationId);
	}

}
