package com.waplatform.simulator.webhooks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.waplatform.common.json.Json;
import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.meta.WebhookPayload;
import com.waplatform.common.meta.WebhookPayload.Change;
import com.waplatform.common.meta.WebhookPayload.Entry;
import com.waplatform.common.meta.WebhookPayload.MessagesValue;
import com.waplatform.common.meta.WebhookPayload.Metadata;
import com.waplatform.common.meta.WebhookPayload.Status;
import com.waplatform.simulator.accounts.Account;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the webhook bodies Meta posts, as the exact bytes to sign and send. Like Meta,
 * non-ASCII characters are escaped ({@code \\uXXXX}).
 */
final class WebhookPayloads {

	static final JsonMapper MAPPER = Json.configure(JsonMapper.builder())
		.enable(JsonWriteFeature.ESCAPE_NON_ASCII)
		.build();

	private WebhookPayloads() {
	}

	/**
	 * One element of a webhook's {@code statuses}.
	 * @param pricing Meta's pricing object, or {@code null} to leave it out
	 */
	static Status status(String wamid, String status, String recipientWaId, @Nullable String callbackData,
			@Nullable JsonNode pricing, Instant at) {
		return new Status(wamid, status, epochSeconds(at), recipientWaId, null, callbackData, null, pricing, null);
	}

	/**
	 * A {@code statuses} webhook carrying one or more statuses: one entry per WABA and
	 * one change per phone number, in the order the statuses came (Meta batches them like
	 * this under load).
	 */
	static byte[] statuses(List<AccountStatus> statuses) {
		Map<String, Map<String, List<AccountStatus>>> byWaba = new LinkedHashMap<>();
		for (AccountStatus status : statuses) {
			byWaba.computeIfAbsent(status.account().wabaId(), (waba) -> new LinkedHashMap<>())
				.computeIfAbsent(status.account().phoneNumberId(), (number) -> new ArrayList<>())
				.add(status);
		}
		List<Entry> entries = new ArrayList<>();
		byWaba.forEach((wabaId, byNumber) -> {
			List<Change> changes = new ArrayList<>();
			byNumber.forEach((number, ofNumber) -> {
				MessagesValue value = new MessagesValue("whatsapp", metadata(ofNumber.get(0).account()), null, null,
						ofNumber.stream().map(AccountStatus::status).toList(), null);
				changes.add(new Change("messages", MAPPER.valueToTree(value)));
			});
			entries.add(new Entry(wabaId, null, changes));
		});
		return MAPPER.writeValueAsBytes(new WebhookPayload("whatsapp_business_account", entries));
	}

	/**
	 * A {@code messages} webhook carrying one customer message (any type), with the
	 * customer's {@code contacts} entry.
	 */
	static byte[] inbound(Account account, ObjectNode contact, ObjectNode message) {
		ObjectNode value = messagingValue(account);
		value.putArray("contacts").add(contact);
		value.putArray("messages").add(message);
		return envelope(account, "messages", value, null);
	}

	/**
	 * A {@code user_preferences} webhook: the customer stopped or resumed marketing
	 * messages.
	 */
	static byte[] userPreference(Account account, ObjectNode contact, ObjectNode preference) {
		ObjectNode value = messagingValue(account);
		value.putArray("contacts").add(contact);
		value.putArray("user_preferences").add(preference);
		return envelope(account, "user_preferences", value, null);
	}

	/**
	 * An account-level change ({@code phone_number_quality_update},
	 * {@code account_update}...) of the account's WABA, with the entry's {@code time}.
	 */
	static byte[] accountChange(Account account, String field, JsonNode value, Instant at) {
		return envelope(account, field, value, at);
	}

	private static ObjectNode messagingValue(Account account) {
		ObjectNode value = MAPPER.createObjectNode();
		value.put("messaging_product", "whatsapp");
		ObjectNode metadata = value.putObject("metadata");
		metadata.put("display_phone_number", account.displayPhoneNumber());
		metadata.put("phone_number_id", account.phoneNumberId());
		return value;
	}

	private static byte[] envelope(Account account, String field, JsonNode value, @Nullable Instant at) {
		WebhookPayload payload = new WebhookPayload("whatsapp_business_account", List.of(new Entry(account.wabaId(),
				(at != null) ? at.getEpochSecond() : null, List.of(new Change(field, value)))));
		return MAPPER.writeValueAsBytes(payload);
	}

	/**
	 * A {@code message_template_status_update} ({@code event}: APPROVED, REJECTED,
	 * PAUSED, DISABLED...).
	 */
	static byte[] templateStatus(String wabaId, MessageTemplate template, String event, String reason, Instant at) {
		ObjectNode value = MAPPER.createObjectNode();
		value.put("event", event);
		templateFields(value, template);
		value.put("reason", reason);
		if (template.category() != null) {
			value.put("message_template_category", template.category());
		}
		return wabaEnvelope(wabaId, "message_template_status_update", value, at);
	}

	/** A {@code message_template_quality_update}. */
	static byte[] templateQuality(String wabaId, MessageTemplate template, String previousScore, String newScore,
			Instant at) {
		ObjectNode value = MAPPER.createObjectNode();
		value.put("previous_quality_score", previousScore);
		value.put("new_quality_score", newScore);
		templateFields(value, template);
		return wabaEnvelope(wabaId, "message_template_quality_update", value, at);
	}

	private static void templateFields(ObjectNode value, MessageTemplate template) {
		String id = (template.id() != null) ? template.id() : "0";
		try {
			value.put("message_template_id", Long.parseLong(id));
		}
		catch (NumberFormatException ex) {
			value.put("message_template_id", id);
		}
		value.put("message_template_name", template.name());
		value.put("message_template_language", template.language());
	}

	private static byte[] wabaEnvelope(String wabaId, String field, JsonNode value, Instant at) {
		WebhookPayload payload = new WebhookPayload("whatsapp_business_account",
				List.of(new Entry(wabaId, at.getEpochSecond(), List.of(new Change(field, value)))));
		return MAPPER.writeValueAsBytes(payload);
	}

	/**
	 * Meta's per-message pricing (PMP): templates are billed by their category, free-form
	 * replies are free customer service.
	 */
	static JsonNode pricing(@Nullable String templateCategory) {
		ObjectNode pricing = MAPPER.createObjectNode();
		boolean template = templateCategory != null;
		pricing.put("billable", template);
		pricing.put("pricing_model", "PMP");
		pricing.put("category", template ? templateCategory.toLowerCase(Locale.ROOT) : "service");
		pricing.put("type", template ? "regular" : "free_customer_service");
		return pricing;
	}

	/** A status of a message sent from {@code account}'s number. */
	record AccountStatus(Account account, Status status) {
	}

	private static Metadata metadata(Account account) {
		return new Metadata(account.displayPhoneNumber(), account.phoneNumberId());
	}

	private static String epochSeconds(Instant at) {
		return Long.toString(at.getEpochSecond());
	}

}
