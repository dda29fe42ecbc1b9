package com.waplatform.template.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.template.TemplateUpdated;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A template after one of Meta's template webhooks: a status update sets the status (and,
 * for REJECTED, the rejected reason), a quality update the quality score, a category
 * update the category. A components update carries too little to apply (Meta sends only
 * some element texts): the account is synced instead.
 *
 * @param template the template with the update applied, to be versioned and published
 * @param statusUpdate whether the update was a status update (its reason then replaces
 * the stored one)
 * @param statusReason why the template has its status, for operators: Meta's
 * {@code reason} (unless {@code NONE}), {@code rejection_info}, {@code disable_info},
 * {@code other_info}
 */
public record AppliedUpdate(MessageTemplate template, boolean statusUpdate, @Nullable String statusReason) {

	/** Empty when the update has nothing the stored template carries. */
	public static Optional<AppliedUpdate> of(MessageTemplate current, TemplateUpdated update) {
		MessageTemplate t = current;
		return switch (update.field()) {
			case TemplateUpdated.STATUS_FIELD -> Optional.ofNullable(update.status())
				.map((status) -> new AppliedUpdate(
						new MessageTemplate(t.id(), t.name(), t.language(), status, t.category(), t.parameterFormat(),
								t.components(), t.qualityScore(),
								"REJECTED".equals(status) ? update.reason() : t.rejectedReason(), t.subCategory()),
						true, statusReason(update)));
			case TemplateUpdated.QUALITY_FIELD -> Optional.ofNullable(update.quality())
				.map((quality) -> new AppliedUpdate(new MessageTemplate(t.id(), t.name(), t.language(), t.status(),
						t.category(), t.parameterFormat(), t.components(),
						new MessageTemplate.QualityScore(quality, null), t.rejectedReason(), t.subCategory()), false,
						null));
			case TemplateUpdated.CATEGORY_FIELD ->
				Optional.ofNullable(update.category())
					.map((category) -> new AppliedUpdate(new MessageTemplate(t.id(), t.name(), t.language(), t.status(),
							category, t.parameterFormat(), t.components(), t.qualityScore(), t.rejectedReason(),
							t.subCategory()), false, null));
			default -> Optional.empty();
		};
	}

	/** Whether the update can only be applied by reading the template from Meta again. */
	public static boolean needsSync(TemplateUpdated update) {
		return TemplateUpdated.COMPONENTS_FIELD.equals(update.field());
	}

	/** What Meta said about the status, in one line; null when it said nothing. */
	public static @Nullable String statusReason(TemplateUpdated update) {
		List<String> parts = new ArrayList<>();
		if (update.reason() != null && !"NONE".equals(update.reason())) {
			parts.add(update.reason());
		}
		JsonNode value = update.value();
		add(parts, "rejection_info", value.path("rejection_info"));
		add(parts, "disable_info", value.path("disable_info"));
		add(parts, "other_info", value.path("other_info"));
		return parts.isEmpty() ? null : String.join("; ", parts);
	}

	private static void add(List<String> parts, String label, JsonNode info) {
		if (info.isObject() && !info.isEmpty()) {
			List<String> fields = new ArrayList<>();
			info.properties().forEach((field) -> {
				if (!field.getValue().isNull()) {
					fields.add(field.getKey() + ": "
							+ (field.getValue().isString() ? field.getValue().stringValue() : field.getValue()));
				}
			});
			parts.add(label + " (" + String.join(", ", fields) + ")");
		}
		else if (info.isString() && !info.stringValue().isBlank()) {
			parts.add(label + ": " + info.stringValue());
		}
	}

}
