package com.waplatform.deploy.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The repository's observability files, read from the deploy module's directory. */
final class Repository {

	static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	static final Path PROMETHEUS = ROOT.resolve("deploy/prometheus");

	static final Path GRAFANA = ROOT.resolve("deploy/grafana");

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Repository() {
	}

	static JsonNode yaml(Path file) {
		return YAML.readTree(file.toFile());
	}

	static JsonNode json(Path file) {
		return JSON.readTree(file.toFile());
	}

	static List<Path> dashboards() {
		try (Stream<Path> files = Files.list(GRAFANA.resolve("dashboards"))) {
			return files.filter((file) -> file.toString().endsWith(".json")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
