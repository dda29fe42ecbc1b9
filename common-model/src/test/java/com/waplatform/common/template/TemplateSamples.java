package com.waplatform.common.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.waplatform.common.json.Json;
import com.waplatform.common.meta.MessageTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Every template in Meta's samples under {@code src/test/resources/meta-samples/api} (see
 * its PROVENANCE.md): the template lists ({@code data[]}) and the bodies of Meta's
 * create-template examples (keyed by the example's title).
 */
final class TemplateSamples {

	static final List<String> LISTS = List.of("spec_resp_get_message_templates.json",
			"bindambc_resp_get_message_templates_page.json", "bindambc_resp_get_message_templates_paging_next.json",
			"bindambc_resp_get_message_templates_with_paging.json");

	static final String CREATIONS = "spec_req_create_template_examples.json";

	private TemplateSamples() {
	}

	/** {@code file#name/language} (lists) or {@code file#title} (creations). */
	record Sample(String key, MessageTemplate template) {

		@Override
		public String toString() {
			return this.key;
		}

	}

	static List<Sample> all() {
		List<Sample> samples = new ArrayList<>();
		for (String file : LISTS) {
			for (JsonNode template : read(file).path("data")) {
				MessageTemplate parsed = Json.mapper().treeToValue(template, MessageTemplate.class);
				samples.add(new Sample(file + "#" + parsed.name() + "/" + parsed.language(), parsed));
			}
		}
		for (Map.Entry<String, JsonNode> example : read(CREATIONS).properties()) {
			samples.add(new Sample(CREATIONS + "#" + example.getKey(),
					Json.mapper().treeToValue(example.getValue().path("value"), MessageTemplate.class)));
		}
		return samples;
	}

	private static JsonNode read(String file) {
		try (InputStream in = TemplateSamples.class.getResourceAsStream("/meta-samples/api/" + file)) {
			if (in == null) {
				throw new IllegalStateException("No sample " + file);
			}
			return Json.mapper().readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
