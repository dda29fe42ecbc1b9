package com.waplatform.common.template;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A change Meta announced for one template by webhook
 * ({@code message_template_status_update}, {@code message_template_quality_update},
 * {@code template_category_update}, {@code message_template_components_update}).
 *
 * @param field the webhook field
 * @param status the new status for status updates (Meta's {@code event}, e.g. APPROVED,
 * PAUSED)
 * @param reason Meta's reason, when given
 * @param quality the new quality score for quality updates
 * @param category the new category for category updates
 * @param value the webhook's {@code value} object as Meta sent it
 */
public record TemplateUpdated(UUID eventId, Instant occurredAt, String organizationId, String wabaId,
		@Nullable String templateId, @Nullable String name, @Nullable String language, String field,
		@Nullable String status, @Nullable String reason, @Nullable String quality, @Nullable String category,
		JsonNode value) implements TemplateUpdateEvent {

	public static final String STATUS_FIELD = "message_template_status_update";

	public static final String QUALITY_FIELD = "message_template_quality_update";

	public static final String CATEGORY_FIELD = "template_category_update";

	public static final String COMPONENTS_FIELD = "message_template_components_update";

	@Override
	public String key() {
		return TemplateSnapshot.keyOf(this.wabaId, (this.name != null) ? this.name : String.valueOf(this.templateId),
				(this.language != null) ? this.language : "");
	}

}
