package com.waplatform.common.meta;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.waplatform.common.json.Json;
import tools.jackson.databind.JsonNode;

/** The Meta samples under {@code src/test/resources/meta-samples} (see PROVENANCE.md). */
final class MetaSamples {

	private MetaSamples() {
	}

	static List<String> names(String folder, Predicate<String> filter) {
		try (Stream<Path> files = Files
			.list(Path.of(MetaSamples.class.getResource("/meta-samples/" + folder).toURI()))) {
			List<String> names = files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(".json"))
				.filter(filter)
				.sorted()
				.toList();
			if (names.isEmpty()) {
				throw new IllegalStateException("No samples in " + folder);
			}
			return names;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static JsonNode tree(String folder, String name) {
		try (InputStream in = MetaSamples.class.getResourceAsStream("/meta-samples/" + folder + "/" + name)) {
			return Json.mapper().readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static <T> T read(String folder, String name, Class<T> type) {
		return Json.mapper().treeToValue(tree(folder, name), type);
	}

}
