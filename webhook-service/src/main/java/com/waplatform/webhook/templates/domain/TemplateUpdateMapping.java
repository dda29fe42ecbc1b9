package com.waplatform.webhook.templates.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.waplatform.common.template.TemplateUpdated;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Maps one template webhook change to a {@link TemplateUpdated}. The status of a status
 * update is Meta's {@code event}, the quality of a quality update its
 * {@code new_quality_score}, the category of a category update its {@code new_category};
 * the whole {@code value} travels along, so the template service can read what else Meta
 * said ({@code disable_info}, {@code other_info}, {@code rejection_info}, ...).
 */
public final class TemplateUpdateMapping {

	/** The webhook fields this mapping handles. */
	public static final List<String> FIELDS = List.of(TemplateUpdated.STATUS_FIELD, TemplateUpdated.QUALITY_FIELD,
			TemplateUpdated.CATEGORY_FIELD, TemplateUpdated.COMPONENTS_FIELD);

	private TemplateUpdateMapping() {
	}

	/**
	 * @param webhookEventId the {@code WebhookReceived} that carried the change: the
	 * event id is derived from it and the change, so reprocessing the same webhook (a
	 * retried transaction, a replay from the dead-letter topic) yields the same id
	 * @param wabaId the entry's id
	 * @throws IllegalArgumentException for a field this mapping does not handle, or a
	 * change naming no template (neither id nor name)
	 */
	public static TemplateUpdated map(UUID webhookEventId, String organizationId, String wabaId, String field,
			JsonNode value, Instant receivedAt) {
		if (!FIELDS.contains(field)) {
			throw new IllegalArgumentException("Not a template webhook field: " + field);
		}
		if (!value.isObject()) {
			throw new IllegalArgumentException("Template webhook '" + field + "' without a value object");
		}
		String templateId = text(value, "message_template_id");
		String name = text(value, "message_template_name");
		String language = text(value, "message_template_language");
		if (templateId == null && name == null) {
			throw new IllegalArgumentException(
					"Template webhook '" + field + "' names no template (message_template_id/_name)");
		}
		String status = TemplateUpdated.STATUS_FIELD.equals(field) ? text(value, "event") : null;
		String quality = TemplateUpdated.QUALITY_FIELD.equals(field) ? text(value, "new_quality_score") : null;
		String category = TemplateUpdated.CATEGORY_FIELD.equals(field) ? text(value, "new_category") : null;
		if (TemplateUpdated.STATUS_FIELD.equals(field) && status == null) {
			throw new IllegalArgumentException("Template status webhook without 'event'");
		}
		UUID eventId = UUID.nameUUIDFromBytes(
				(webhookEventId + "|" + wabaId + "|" + field + "|" + value).getBytes(StandardCharsets.UTF_8));
		return new TemplateUpdated(eventId, receivedAt, organizationId, wabaId, templateId, name, language, field,
				status, text(value, "reason"), quality, category, value);
	}

	/** A text or number field as text; absent, JSON null and blank are null. */
	private static @Nullable String text(JsonNode value, String field) {
		JsonNode node = value.get(field);
		if (node == null || node.isNull() || node.isMissingNode() || !node.isValueNode()) {
			return null;
		}
		String text = node.asString();
		return text.isBlank() ? null : text;
	}

}
