package com.waplatform.common.meta;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** One page of Meta's template list with its cursor paging. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TemplatePage(List<MessageTemplate> data, @Nullable Paging paging) {

	public @Nullable String nextCursor() {
		return (this.paging != null && this.paging.next() != null && this.paging.cursors() != null)
				? this.paging.cursors().after() : null;
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Paging(@Nullable Cursors cursors, @Nullable String next, @Nullable String previous) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Cursors(@Nullable String before, @Nullable String after) {
	}

}
