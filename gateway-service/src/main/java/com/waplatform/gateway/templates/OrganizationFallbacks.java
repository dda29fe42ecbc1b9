package com.waplatform.gateway.templates;

import java.util.LinkedHashMap;
import java.util.Map;

import com.waplatform.common.json.Json;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * An organization's language fallbacks ({@code organizations.language_fallbacks}, set
 * through the admin API), read on every template send so that a change applies at once on
 * every instance.
 */
@Component
class OrganizationFallbacks {

	private final DatabaseClient db;

	OrganizationFallbacks(DatabaseClient db) {
		this.db = db;
	}

	Mono<Map<String, String>> of(String organizationId) {
		return this.db.sql("select language_fallbacks::text as fallbacks from organizations where id = :id")
			.bind("id", organizationId)
			.map((row) -> parse(row.get("fallbacks", String.class)))
			.one()
			.defaultIfEmpty(Map.of());
	}

	private static Map<String, String> parse(String json) {
		Map<String, String> fallbacks = new LinkedHashMap<>();
		JsonNode node = Json.mapper().readTree(json);
		node.properties().forEach((entry) -> {
			if (entry.getValue().isString()) {
				fallbacks.put(entry.getKey(), entry.getValue().stringValue());
			}
		});
		return Map.copyOf(fallbacks);
	}

}
