package com.waplatform.common.meta;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** Meta's (Graph API) error envelope: {@code {"error": {...}}}. */
public record GraphErrorResponse(GraphError error) {

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record GraphError(String message, @Nullable String type, int code,
			@JsonProperty("error_data") @Nullable ErrorData errorData,
			@JsonProperty("error_subcode") @Nullable Integer errorSubcode,
			@JsonProperty("is_transient") @Nullable Boolean isTransient,
			@JsonProperty("error_user_title") @Nullable String errorUserTitle,
			@JsonProperty("error_user_msg") @Nullable String errorUserMsg,
			@JsonProperty("fbtrace_id") @Nullable String fbtraceId) {

		public @Nullable String details() {
			return (this.errorData != null) ? this.errorData.details() : null;
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ErrorData(@JsonProperty("messaging_product") @Nullable String messagingProduct,
			@Nullable String details) {
	}

}
