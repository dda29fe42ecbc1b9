package com.waplatform.template.meta;

import org.jspecify.annotations.Nullable;

/** Meta's answer to a template creation: {@code {"id","status","category"}}. */
public record CreatedTemplate(String id, @Nullable String status, @Nullable String category) {
}
