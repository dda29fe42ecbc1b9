package com.waplatform.template.domain;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.waplatform.common.json.Json;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One account's usage of Meta's management quota, from the Graph API's
 * {@code x-business-use-case-usage} header:
 * {@code {"<wabaId>":[{"type":"whatsapp_business_management","call_count":N,"total_cputime":N,"total_time":N,"estimated_time_to_regain_access":M}]}}.
 * The counts are percentages of the quota; the regain time is in minutes. Only entries of
 * type {@code whatsapp_business_management} (or without a type) are read: other types
 * (e.g. {@code whatsapp}, messaging) do not limit template management.
 *
 * @param percent the highest of call count, CPU time and total time, in % of the quota
 * @param regainAccessIn Meta's estimate of when access returns; zero when not blocked
 */
public record BusinessUseCaseUsage(int percent, Duration regainAccessIn) {

	public static final String HEADER = "x-business-use-case-usage";

	static final String MANAGEMENT = "whatsapp_business_management";

	/**
	 * The usage per account id; empty for an absent header, and for an unreadable one
	 * (usage headers are advisory: a malformed one must not fail a call).
	 */
	public static Map<String, BusinessUseCaseUsage> parse(@Nullable String header) {
		Map<String, BusinessUseCaseUsage> usage = new LinkedHashMap<>();
		if (header == null || header.isBlank()) {
			return usage;
		}
		JsonNode root;
		try {
			root = Json.mapper().readTree(header);
		}
		catch (JacksonException ex) {
			return usage;
		}
		if (root == null || !root.isObject()) {
			return usage;
		}
		root.properties().forEach((account) -> of(account.getValue()).ifPresent((u) -> usage.put(account.getKey(), u)));
		return usage;
	}

	private static Optional<BusinessUseCaseUsage> of(JsonNode entries) {
		int percent = -1;
		long regainMinutes = 0;
		for (JsonNode entry : entries) {
			String type = entry.path("type").asString("");
			if (!type.isEmpty() && !MANAGEMENT.equals(type)) {
				continue;
			}
			percent = Math.max(percent, Math.max(entry.path("call_count").asInt(0),
					Math.max(entry.path("total_cputime").asInt(0), entry.path("total_time").asInt(0))));
			regainMinutes = Math.max(regainMinutes, entry.path("estimated_time_to_regain_access").asLong(0));
		}
		return (percent < 0) ? Optional.empty()
				: Optional.of(new BusinessUseCaseUsage(percent, Duration.ofMinutes(regainMinutes)));
	}

}
