package com.waplatform.gateway.messages.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.waplatform.common.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fingerprint of a request that tells a retry ({@code Idempotency-Key} with the same
 * request) from a misuse (the same key with another request): SHA-256 of the canonical
 * JSON, i.e. object members sorted by name, no insignificant whitespace. Two bodies that
 * differ only in member order or formatting have the same hash.
 */
public final class RequestHash {

	private RequestHash() {
	}

	public static String of(JsonNode request) {
		byte[] canonical = Json.mapper().writeValueAsBytes(canonical(request));
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 unavailable", ex);
		}
	}

	/** A copy with every object's members in name order. */
	static JsonNode canonical(JsonNode node) {
		if (node.isObject()) {
			ObjectNode sorted = Json.mapper().createObjectNode();
			List<Map.Entry<String, JsonNode>> members = node.properties()
				.stream()
				.sorted(Map.Entry.comparingByKey())
				.toList();
			members.forEach((member) -> sorted.set(member.getKey(), canonical(member.getValue())));
			return sorted;
		}
		if (node.isArray()) {
			ArrayNode array = Json.mapper().createArrayNode();
			node.values().forEach((element) -> array.add(canonical(element)));
			return array;
		}
		return node;
	}

	static String canonicalText(JsonNode node) {
		return new String(Json.mapper().writeValueAsBytes(canonical(node)), StandardCharsets.UTF_8);
	}

}
