package com.waplatform.template.store;

import com.waplatform.template.domain.StoredTemplate;
import org.jspecify.annotations.Nullable;

/** A stored template with its status reason. */
public record TemplateRow(String wabaId, StoredTemplate stored, @Nullable String statusReason) {
}
