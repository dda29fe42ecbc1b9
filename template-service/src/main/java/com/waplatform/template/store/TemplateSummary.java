package com.waplatform.template.store;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One stored template, as listed to operators. */
public record TemplateSummary(String wabaId, String name, String language, String status, @Nullable String category,
		String version, @Nullable String templateId, String organizationId, Instant syncedAt, Instant updatedAt) {
}
