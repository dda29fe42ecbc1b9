package com.waplatform.simulator.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.waplatform.common.json.Json;
import com.waplatform.common.meta.MessageTemplate;
import tools.jackson.core.type.TypeReference;

/**
 * The templates every WABA starts with, kept as Meta lists them in
 * {@code meta-simulator/seed-templates.json}.
 */
final class SeedTemplates {

	static final String RESOURCE = "/meta-simulator/seed-templates.json";

	private SeedTemplates() {
	}

	static List<MessageTemplate> load() {
		try (InputStream in = SeedTemplates.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + RESOURCE);
			}
			return List.copyOf(Json.mapper().readValue(in, new TypeReference<List<MessageTemplate>>() {
			}));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
