package com.waplatform.workflow.rules.domain;

import java.time.DateTimeException;
import java.time.ZoneId;

import com.waplatform.common.account.OrganizationSettings;
import com.waplatform.common.account.QuietHours;
import org.jspecify.annotations.Nullable;

/**
 * What the organization assumes for a recipient when a rule and its event say nothing.
 *
 * @param quietHours the organization's quiet hours, or null for none
 * @param timeZone the zone of a recipient whose own is not known, or null for UTC
 */
public record RecipientDefaults(@Nullable QuietHours quietHours, @Nullable ZoneId timeZone) {

	public static final RecipientDefaults NONE = new RecipientDefaults(null, null);

	/**
	 * The defaults of {@code settings}; a time zone that is no valid IANA id is ignored
	 * (UTC), as the admin API should not have accepted it.
	 */
	public static RecipientDefaults of(OrganizationSettings settings) {
		ZoneId zone = null;
		if (settings.timeZone() != null) {
			try {
				zone = ZoneId.of(settings.timeZone());
			}
			catch (DateTimeException ex) {
				zone = null;
			}
		}
		return new RecipientDefaults(settings.quietHours(), zone);
	}

}
