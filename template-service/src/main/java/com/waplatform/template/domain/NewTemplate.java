package com.waplatform.template.domain;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A template to create at Meta, as the operator (or the gateway) asks for it. The
 * components stay Meta's JSON: they are sent as given, and carry fields the listing model
 * does not ({@code add_security_recommendation}, {@code otp_type}, ...).
 *
 * @param organizationId when given, the account must belong to this organization
 */
public record NewTemplate(@Nullable String wabaId, @Nullable String organizationId, @Nullable String name,
		@Nullable String language, @Nullable String category,
		@JsonProperty("parameterFormat") @Nullable String parameterFormat, @Nullable List<JsonNode> components) {

	public List<JsonNode> componentsOrEmpty() {
		return (this.components != null) ? this.components : List.of();
	}

}
