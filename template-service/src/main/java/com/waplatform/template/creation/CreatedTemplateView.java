package com.waplatform.template.creation;

import com.waplatform.common.template.DeclaredParameters;
import org.jspecify.annotations.Nullable;

/** The answer to a creation: the template as stored, PENDING until Meta approves it. */
public record CreatedTemplateView(String wabaId, String organizationId, String templateId, String name, String language,
		String status, @Nullable String category, String version, DeclaredParameters declaredParameters) {
}
