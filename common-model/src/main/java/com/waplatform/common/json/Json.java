package com.waplatform.common.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's JSON settings for events and Meta payloads: unknown fields are ignored
 * (readers of additive schemas), nulls are not written, instants are ISO-8601 strings.
 */
public final class Json {

	private static final JsonMapper MAPPER = configure(JsonMapper.builder()).build();

	private Json() {
	}

	public static JsonMapper mapper() {
		return MAPPER;
	}

	public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
		return builder.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL));
	}

}
