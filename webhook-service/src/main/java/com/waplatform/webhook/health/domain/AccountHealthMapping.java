package com.waplatform.webhook.health.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.waplatform.common.account.NumberHealth;
import com.waplatform.webhook.routing.domain.CustomerNumbers;
import com.waplatform.webhook.routing.domain.JsonFields;
import com.waplatform.webhook.routing.domain.LogText;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Meta's account webhooks as {@link NumberHealth} facts, one per aspect:
 * <ul>
 * <li>{@code phone_number_quality_update}: {@code event} → {@link NumberHealth#QUALITY};
 * {@code current_limit} → {@link NumberHealth#MESSAGING_LIMIT} (detail:
 * {@code old_limit}); {@code THROUGHPUT_UPGRADE} → {@link NumberHealth#THROUGHPUT}
 * {@code HIGH} (Meta's name of the upgraded level).</li>
 * <li>{@code phone_number_name_update}: {@code decision} →
 * {@link NumberHealth#NAME_STATUS} (detail: {@code rejection_reason}).</li>
 * <li>{@code business_capability_update}: {@code max_daily_conversation_per_phone} (or
 * the portfolio's {@code max_daily_conversations_per_business}) →
 * {@link NumberHealth#DAILY_CONVERSATIONS}.</li>
 * <li>{@code account_update}: {@code event} → {@link NumberHealth#ACCOUNT_STATUS}, the
 * rest of the value (ban, restriction, violation info...) as compact JSON in the detail.
 * Events that say nothing about the account's standing (a partner added, a pricing tier,
 * {@link #INFORMATIONAL_ACCOUNT_EVENTS}) are not facts of health: they would replace a
 * restriction as the account's last status on the compacted topic.</li>
 * </ul>
 * A number that is not a phone number, or a value naming none of the facts its field
 * carries, is an {@link IllegalArgumentException}. The event id is derived from the
 * webhook and the fact, so reprocessing the same webhook gives the same ids.
 */
public final class AccountHealthMapping {

	public static final String QUALITY_FIELD = "phone_number_quality_update";

	public static final String NAME_FIELD = "phone_number_name_update";

	public static final String CAPABILITY_FIELD = "business_capability_update";

	public static final String ACCOUNT_FIELD = "account_update";

	/** {@code account_update} events that do not change the account's standing. */
	public static final Set<String> INFORMATIONAL_ACCOUNT_EVENTS = Set.of("PARTNER_ADDED", "PARTNER_APP_INSTALLED",
			"AD_ACCOUNT_LINKED", "MM_LITE_TERMS_SIGNED", "VOLUME_BASED_PRICING_TIER_UPDATE",
			"BUSINESS_PRIMARY_LOCATION_COUNTRY_UPDATE", "AUTH_INTL_PRICE_ELIGIBILITY_UPDATE",
			"PARTNER_CLIENT_CERTIFICATION_STATUS_UPDATE");

	/** Meta's throughput level of an upgraded number. */
	static final String HIGH_THROUGHPUT = "HIGH";

	private AccountHealthMapping() {
	}

	public static List<NumberHealth> map(UUID webhookEventId, String organizationId, String wabaId, String field,
			JsonNode value) {
		Facts facts = new Facts(webhookEventId, organizationId, wabaId, field, value);
		switch (field) {
			case QUALITY_FIELD:
				return quality(facts, value);
			case NAME_FIELD:
				facts.add(NumberHealth.NAME_STATUS, JsonFields.required(value, "decision", field),
						JsonFields.text(value, "rejection_reason"));
				return facts.list;
			case CAPABILITY_FIELD:
				return capability(facts, value);
			case ACCOUNT_FIELD:
				return account(facts, value);
			default:
				throw new IllegalArgumentException("Not an account health field: " + LogText.of(field));
		}
	}

	private static List<NumberHealth> quality(Facts facts, JsonNode value) {
		String event = JsonFields.text(value, "event");
		String limit = JsonFields.text(value, "current_limit");
		if (event == null && limit == null) {
			throw new IllegalArgumentException(QUALITY_FIELD + " without 'event' or 'current_limit'");
		}
		if (event != null) {
			facts.add(NumberHealth.QUALITY, event, null);
		}
		if (limit != null) {
			String old = JsonFields.text(value, "old_limit");
			facts.add(NumberHealth.MESSAGING_LIMIT, limit, (old != null) ? "old_limit=" + old : null);
		}
		if ("THROUGHPUT_UPGRADE".equals(event)) {
			facts.add(NumberHealth.THROUGHPUT, HIGH_THROUGHPUT, event);
		}
		return facts.list;
	}

	private static List<NumberHealth> capability(Facts facts, JsonNode value) {
		String perPhone = JsonFields.text(value, "max_daily_conversation_per_phone");
		String perBusiness = JsonFields.text(value, "max_daily_conversations_per_business");
		String numbers = JsonFields.text(value, "max_phone_numbers_per_business");
		if (perPhone != null || perBusiness != null) {
			facts.add(NumberHealth.DAILY_CONVERSATIONS, (perPhone != null) ? perPhone : perBusiness,
					(numbers != null) ? "max_phone_numbers_per_business=" + numbers : null);
		}
		// a capability update about something else (only the number count) is no health
		// fact
		return facts.list;
	}

	private static List<NumberHealth> account(Facts facts, JsonNode value) {
		String event = JsonFields.required(value, "event", ACCOUNT_FIELD);
		if (INFORMATIONAL_ACCOUNT_EVENTS.contains(event)) {
			return facts.list;
		}
		ObjectNode rest = ((ObjectNode) value).deepCopy();
		rest.remove(List.of("event", "phone_number"));
		facts.add(NumberHealth.ACCOUNT_STATUS, event, rest.isEmpty() ? null : rest.toString());
		return facts.list;
	}

	/** The facts of one change, with its number and deterministic ids. */
	private static final class Facts {

		private final List<NumberHealth> list = new ArrayList<>();

		private final UUID webhookEventId;

		private final String organizationId;

		private final String wabaId;

		private final String field;

		private final String value;

		private final @Nullable String number;

		Facts(UUID webhookEventId, String organizationId, String wabaId, String field, JsonNode value) {
			if (!value.isObject()) {
				throw new IllegalArgumentException(field + " change whose value is not an object");
			}
			this.webhookEventId = webhookEventId;
			this.organizationId = organizationId;
			this.wabaId = wabaId;
			this.field = field;
			this.value = value.toString();
			String number = JsonFields.text(value, "display_phone_number");
			if (number == null) {
				number = JsonFields.text(value, "phone_number");
			}
			if (number != null && !CustomerNumbers.isPhoneNumber(number)) {
				throw new IllegalArgumentException(field + ": '" + LogText.of(number) + "' is not a phone number");
			}
			this.number = (number != null) ? number.strip().replace("+", "") : null;
		}

		void add(String aspect, String fact, @Nullable String detail) {
			UUID eventId = UUID.nameUUIDFromBytes(("health|" + this.webhookEventId + "|" + this.wabaId + "|"
					+ this.field + "|" + aspect + "|" + this.value)
				.getBytes(StandardCharsets.UTF_8));
			this.list.add(new NumberHealth(eventId, Instant.now(), this.organizationId, this.wabaId, this.number,
					aspect, fact, detail));
		}

	}

}
