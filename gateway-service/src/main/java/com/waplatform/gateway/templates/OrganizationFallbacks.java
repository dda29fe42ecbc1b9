package com.waplatform.gateway.templates;

import java.util.LinkedHashMap;
import java.util.Map;

import com.waplatform.common.json.Json;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * What an organization set through the admin API that decides its template sends: its
 * language fallbacks ({@code organizations.language_fallbacks}) and whether it sends
 * MARKETING templates ({@code organizations.marketing_enabled}, its settings), read in
 * one query on every template send so that a change applies at once on every instance.
 */
@Component
class OrganizationFallbacks {

	private final DatabaseClient db;

	OrganizationFallbacks(DatabaseClient db) {
		this.db = db;
	}

	/** An unknown organization has no fallbacks and the default settings. */
	Mono<TemplatePolicy> policy(String organizationId) {
		return this.db
			.sql("select language_fallbacks::text as fallbacks, marketing_enabled from organizations where id = :id")
			.bind("id", organizationId)
			.map((row) -> new TemplatePolicy(parse(row.get("fallbacks", String.class)),
					!Boolean.FALSE.equals(row.get("marketing_enabled", Boolean.class))))
			.one()
			.defaultIfEmpty(new TemplatePolicy(Map.of(), true));
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

	/**
	 * @param languageFallbacks e.g. {@code en → en_US}
	 * @param marketingEnabled whether MARKETING templates may be sent
	 */
	record TemplatePolicy(Map<String, String> languageFallbacks, boolean marketingEnabled) {
	}

}
