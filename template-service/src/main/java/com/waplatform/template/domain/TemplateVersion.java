package com.waplatform.template.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import com.waplatform.common.json.Json;
import com.waplatform.common.meta.MessageTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The version of a template: the SHA-256 (hex) of its canonical JSON. Canonical means
 * object keys sorted at every level, no nulls, no whitespace, arrays in Meta's order; so
 * two fetches of an unchanged template give the same version whatever the order of Meta's
 * fields, and any visible change (status, category, components, quality) gives a new one.
 * The hash covers the template as read from Meta into {@link MessageTemplate}, i.e.
 * exactly what is stored and published: equal versions mean equal snapshots.
 */
public final class TemplateVersion {

	private TemplateVersion() {
	}

	public static String of(MessageTemplate template) {
		return sha256(canonicalJson(template));
	}

	public static String canonicalJson(MessageTemplate template) {
		JsonNode tree = Json.mapper().valueToTree(template);
		return Json.mapper().writeValueAsString(canonical(tree));
	}

	private static JsonNode canonical(JsonNode node) {
		if (node instanceof ObjectNode object) {
			Map<String, JsonNode> sorted = new TreeMap<>();
			object.properties().forEach((entry) -> {
				if (!entry.getValue().isNull() && !entry.getValue().isMissingNode()) {
					sorted.put(entry.getKey(), canonical(entry.getValue()));
				}
			});
			ObjectNode result = Json.mapper().createObjectNode();
			sorted.forEach(result::set);
			return result;
		}
		if (node instanceof ArrayNode array) {
			ArrayNode result = Json.mapper().createArrayNode();
			array.forEach((element) -> result.add(canonical(element)));
			return result;
		}
		return node;
	}

	private static String sha256(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every JVM", ex);
		}
	}

}
