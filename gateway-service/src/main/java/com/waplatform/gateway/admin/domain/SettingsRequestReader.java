package com.waplatform.gateway.admin.domain;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.waplatform.common.account.QuietHours;
import com.waplatform.common.conversation.ConversationSettings;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the body of {@code PUT /v1/admin/organizations/{id}/settings}: a full
 * replacement, where a member left out (or {@code null}) takes its default
 * ({@code automationEnabled} and {@code marketingEnabled} true, no {@code quietHours}, no
 * {@code timeZone}, i.e. UTC). A member of the wrong JSON type is malformed (400); a
 * value that is not acceptable (a time that is no {@code HH:mm}, a zone that is no IANA
 * id, a window that starts where it ends, an unknown member) is invalid (422). Every
 * problem names its field.
 */
public final class SettingsRequestReader {

	public static final String AUTOMATION_ENABLED = "automationEnabled";

	public static final String MARKETING_ENABLED = "marketingEnabled";

	public static final String QUIET_HOURS = "quietHours";

	public static final String TIME_ZONE = "timeZone";

	public static final String CONVERSATIONS = ConversationSettingsReader.FIELD;

	private static final Set<String> MEMBERS = Set.of(AUTOMATION_ENABLED, MARKETING_ENABLED, QUIET_HOURS, TIME_ZONE,
			CONVERSATIONS);

	private static final Set<String> QUIET_HOURS_MEMBERS = Set.of("start", "end");

	private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

	private SettingsRequestReader() {
	}

	public static Result read(@Nullable JsonNode body) {
		Problems problems = new Problems();
		if (body == null || !body.isObject()) {
			problems.malformed("body", "must be a JSON object");
			return problems.result(null);
		}
		body.propertyNames().forEach((name) -> {
			if (!MEMBERS.contains(name)) {
				problems.invalid(name, "unknown field; the settings are " + String.join(", ", AUTOMATION_ENABLED,
						MARKETING_ENABLED, QUIET_HOURS, TIME_ZONE, CONVERSATIONS));
			}
		});
		boolean automation = flag(body.get(AUTOMATION_ENABLED), AUTOMATION_ENABLED, problems);
		boolean marketing = flag(body.get(MARKETING_ENABLED), MARKETING_ENABLED, problems);
		QuietHours quietHours = quietHours(body.get(QUIET_HOURS), problems);
		String timeZone = timeZone(body.get(TIME_ZONE), problems);
		ConversationSettings conversations = ConversationSettingsReader.read(body.get(CONVERSATIONS), problems);
		return problems.result(new Settings(automation, marketing, quietHours, timeZone, conversations));
	}

	/**
	 * Reads conversation settings as stored (the shape of the {@code conversations}
	 * member); what does not read takes the defaults.
	 */
	public static ConversationSettings conversations(@Nullable JsonNode stored) {
		Problems problems = new Problems();
		ConversationSettings settings = ConversationSettingsReader.read(stored, problems);
		return problems.malformed.isEmpty() && problems.invalid.isEmpty() ? settings : ConversationSettings.DEFAULTS;
	}

	/** A time of day as the API writes it: {@code 21:00}. */
	public static String format(LocalTime time) {
		return String.format("%02d:%02d", time.getHour(), time.getMinute());
	}

	private static boolean flag(@Nullable JsonNode value, String field, Problems problems) {
		if (absent(value)) {
			return true;
		}
		if (!value.isBoolean()) {
			problems.malformed(field, "must be true or false");
			return true;
		}
		return value.booleanValue();
	}

	private static @Nullable QuietHours quietHours(@Nullable JsonNode value, Problems problems) {
		if (absent(value)) {
			return null;
		}
		if (!value.isObject()) {
			problems.malformed(QUIET_HOURS, "must be an object {\"start\": \"HH:mm\", \"end\": \"HH:mm\"} or null");
			return null;
		}
		value.propertyNames().forEach((name) -> {
			if (!QUIET_HOURS_MEMBERS.contains(name)) {
				problems.invalid(QUIET_HOURS + "." + name, "unknown field; quiet hours have a start and an end");
			}
		});
		LocalTime start = time(value.get("start"), QUIET_HOURS + ".start", problems);
		LocalTime end = time(value.get("end"), QUIET_HOURS + ".end", problems);
		if (start == null || end == null) {
			return null;
		}
		if (start.equals(end)) {
			problems.invalid(QUIET_HOURS + ".end", "must differ from start (leave quietHours null for none)");
			return null;
		}
		return new QuietHours(start, end);
	}

	private static @Nullable LocalTime time(@Nullable JsonNode value, String field, Problems problems) {
		if (absent(value)) {
			problems.invalid(field, "is required");
			return null;
		}
		if (!value.isString()) {
			problems.malformed(field, "must be a time of day as a string \"HH:mm\"");
			return null;
		}
		if (!TIME.matcher(value.stringValue()).matches()) {
			problems.invalid(field, "'" + value.stringValue() + "' is not a time of day as HH:mm (00:00 to 23:59)");
			return null;
		}
		return LocalTime.parse(value.stringValue());
	}

	private static @Nullable String timeZone(@Nullable JsonNode value, Problems problems) {
		if (absent(value)) {
			return null;
		}
		if (!value.isString()) {
			problems.malformed(TIME_ZONE, "must be a string such as \"Europe/Madrid\", or null");
			return null;
		}
		String zone = value.stringValue();
		if (!ZoneId.getAvailableZoneIds().contains(zone)) {
			problems.invalid(TIME_ZONE, "'" + zone + "' is not an IANA time zone id such as Europe/Madrid");
			return null;
		}
		return zone;
	}

	private static boolean absent(@Nullable JsonNode value) {
		return value == null || value.isNull() || value.isMissingNode();
	}

	/**
	 * The settings a request asks for.
	 *
	 * @param quietHours the default quiet hours, or null for none
	 * @param timeZone an IANA zone id, or null for UTC
	 * @param conversations opt-out keywords, window fallback, auto-replies, out of hours
	 */
	public record Settings(boolean automationEnabled, boolean marketingEnabled, @Nullable QuietHours quietHours,
			@Nullable String timeZone, ConversationSettings conversations) {

		public static final Settings DEFAULTS = new Settings(true, true, null, null, ConversationSettings.DEFAULTS);

	}

	/** A field and what is wrong with it. */
	public record Problem(String field, String message) {
	}

	public sealed interface Result {

		record Read(Settings settings) implements Result {
		}

		/**
		 * @param malformed whether a member has the wrong JSON type (400), else the
		 * values are unacceptable (422)
		 * @param problems never empty
		 */
		record Rejected(boolean malformed, List<Problem> problems) implements Result {
		}

	}

	static final class Problems {

		private final List<Problem> malformed = new ArrayList<>();

		private final List<Problem> invalid = new ArrayList<>();

		void malformed(String field, String message) {
			this.malformed.add(new Problem(field, message));
		}

		void invalid(String field, String message) {
			this.invalid.add(new Problem(field, message));
		}

		Result result(@Nullable Settings settings) {
			if (!this.malformed.isEmpty()) {
				return new Result.Rejected(true, List.copyOf(this.malformed));
			}
			if (!this.invalid.isEmpty() || settings == null) {
				return new Result.Rejected(false, List.copyOf(this.invalid));
			}
			return new Result.Read(settings);
		}

	}

}
