package com.waplatform.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.waplatform.common.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * Meta's sample payloads (copied into {@code meta-samples/}, see its PROVENANCE.md) and a
 * structural comparison of JSON documents.
 */
public final class Samples {

	private Samples() {
	}

	public static String text(String path) {
		try (InputStream in = Samples.class.getResourceAsStream("/meta-samples/" + path)) {
			if (in == null) {
				throw new IllegalArgumentException("No sample " + path);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static JsonNode json(String path) {
		return Json.mapper().readTree(text(path));
	}

	/**
	 * The shape of a document: the paths of all its fields ({@code a.b}, arrays as
	 * {@code a[].b}), without values.
	 */
	public static Set<String> shape(JsonNode node) {
		Set<String> paths = new TreeSet<>();
		collect(node, "", paths);
		return paths;
	}

	private static void collect(JsonNode node, String path, Set<String> paths) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : new ArrayList<>(node.properties())) {
				String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
				paths.add(child);
				collect(field.getValue(), child, paths);
			}
		}
		else if (node.isArray()) {
			Iterator<JsonNode> elements = node.values().iterator();
			while (elements.hasNext()) {
				collect(elements.next(), path + "[]", paths);
			}
		}
	}

}
