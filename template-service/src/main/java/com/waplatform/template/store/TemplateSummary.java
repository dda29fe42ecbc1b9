package com.waplatform.template.store;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One stored template, as listed to operators.
 *
 * @param statusReason why the template has its status (Meta's reason, disable or
 * rejection info), when Meta said
 * @param declaredParameters the parameters each component declares (common-model's
 * {@code DeclaredParameters})
 */
public record TemplateSummary(String wabaId, String name, String language, String status, @Nullable String category,
		String version, @Nullable String templateId, String organizationId, Instant syncedAt, Instant updatedAt,
		@Nullable String qualityScore, @Nullable String parameterFormat, @Nullable String statusReason,
		@Nullable JsonNode declaredParameters) {
}
