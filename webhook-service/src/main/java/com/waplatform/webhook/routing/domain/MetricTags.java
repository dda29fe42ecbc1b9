package com.waplatform.webhook.routing.domain;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Metric tag values taken from webhook payloads, bounded: a value Meta documents is kept
 * as it is, anything else becomes {@value #OTHER}. A payload can then never create a new
 * time series (a tag per unknown string would grow the registry without limit).
 */
public final class MetricTags {

	/** The tag value of everything not in a known set. */
	public static final String OTHER = "other";

	/** The fields of WhatsApp Business Account webhooks. */
	static final Set<String> FIELDS = Set.of("account_alerts", "account_review_update", "account_update",
			"automatic_events", "business_capability_update", "business_status_update", "calls", "flows", "history",
			"message_echoes", "message_template_components_update", "message_template_quality_update",
			"message_template_status_update", "messages", "partner_solutions", "payment_configuration_update",
			"phone_number_name_update", "phone_number_quality_update", "security", "smb_app_state_sync",
			"smb_message_echoes", "template_category_update", "template_correct_category_detection",
			"user_preferences");

	/** The statuses of {@code messages} webhooks ({@code played}: voice messages). */
	static final Set<String> STATUSES = Set.of("sent", "delivered", "read", "failed", "played", "deleted", "warning");

	/** The types of customers' messages. */
	static final Set<String> INBOUND_TYPES = Set.of("text", "image", "audio", "video", "document", "sticker",
			"location", "contacts", "interactive", "button", "reaction", "order", "system", "request_welcome", "edit",
			"revoke", "unsupported", "unknown");

	/** The categories of {@code user_preferences} webhooks. */
	static final Set<String> PREFERENCE_CATEGORIES = Set.of("marketing_messages");

	/** The values of {@code user_preferences} webhooks. */
	static final Set<String> PREFERENCE_VALUES = Set.of("stop", "resume", "signup");

	/**
	 * The error codes of the Cloud API's error table (the ones the sender classifies, and
	 * those of status and number errors).
	 */
	static final Set<Integer> ERROR_CODES = Set.of(0, 1, 2, 3, 4, 10, 33, 100, 190, 368, 80007, 130429, 130472, 130497,
			131000, 131005, 131008, 131009, 131016, 131021, 131026, 131030, 131031, 131037, 131042, 131045, 131047,
			131048, 131049, 131050, 131051, 131052, 131053, 131056, 131057, 131062, 131064, 132000, 132001, 132005,
			132007, 132008, 132012, 132015, 132016, 132068, 132069, 133000, 133004, 133005, 133006, 133008, 133009,
			133010, 133015, 133016, 135000);

	private MetricTags() {
	}

	/** A webhook change's {@code field}. */
	public static String field(@Nullable String field) {
		return known(field, FIELDS);
	}

	/** A status's {@code status}, e.g. {@code played}. */
	public static String status(@Nullable String status) {
		return known(status, STATUSES);
	}

	/** An inbound message's {@code type}. */
	public static String inboundType(@Nullable String type) {
		return known(type, INBOUND_TYPES);
	}

	/** A {@code user_preferences} item's {@code category}. */
	public static String preferenceCategory(@Nullable String category) {
		return known(category, PREFERENCE_CATEGORIES);
	}

	/** A {@code user_preferences} item's {@code value}. */
	public static String preferenceValue(@Nullable String value) {
		return known(value, PREFERENCE_VALUES);
	}

	/** An error's {@code code}. */
	public static String errorCode(int code) {
		return ERROR_CODES.contains(code) ? Integer.toString(code) : OTHER;
	}

	private static String known(@Nullable String value, Set<String> known) {
		return (value != null && known.contains(value)) ? value : OTHER;
	}

}
