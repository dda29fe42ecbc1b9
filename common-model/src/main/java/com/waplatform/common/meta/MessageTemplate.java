package com.waplatform.common.meta;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A template as Meta lists it ({@code GET /{waba-id}/message_templates}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageTemplate(@Nullable String id, String name, String language, String status,
		@Nullable String category, @JsonProperty("parameter_format") @Nullable String parameterFormat,
		@Nullable List<Component> components, @JsonProperty("quality_score") @Nullable QualityScore qualityScore,
		@JsonProperty("rejected_reason") @Nullable String rejectedReason,
		@JsonProperty("sub_category") @Nullable String subCategory) {

	public List<Component> componentsOrEmpty() {
		return (this.components != null) ? this.components : List.of();
	}

	/** HEADER (with {@code format}), BODY, FOOTER or BUTTONS. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Component(String type, @Nullable String format, @Nullable String text, @Nullable JsonNode example,
			@Nullable List<Button> buttons) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Button(String type, @Nullable String text, @Nullable String url,
			@JsonProperty("phone_number") @Nullable String phoneNumber, @Nullable JsonNode example) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record QualityScore(String score, @Nullable Long date) {
	}

}
