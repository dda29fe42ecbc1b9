package com.waplatform.deploy.environment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/operations.md's configuration reference lists exactly the variables the
 * applications read, with who reads them and whether a deployment must set them: a new
 * placeholder without its row, or a row nobody reads any more, fails the build.
 */
class ConfigurationReferenceTests {

	private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

	@Test
	void theTableListsEveryVariableWithTheApplicationsThatReadItAndWhetherItIsRequired() throws IOException {
		Map<String, ServiceEnvironment> applications = ServiceEnvironment.all(REPOSITORY);
		Map<String, Set<String>> readers = new TreeMap<>();
		Set<String> required = new TreeSet<>();
		applications.forEach((application, environment) -> {
			environment.read()
				.forEach((name) -> readers.computeIfAbsent(name, (n) -> new TreeSet<>()).add(application));
			required.addAll(environment.required());
		});

		Map<String, Set<String>> documentedReaders = new TreeMap<>();
		Set<String> documentedRequired = new TreeSet<>();
		for (List<String> row : rows()) {
			String name = row.get(0).replace("`", "");
			documentedReaders.put(name, readers(row.get(1), applications.keySet()));
			if (row.get(2).equals("yes")) {
				documentedRequired.add(name);
			}
		}
		assertThat(documentedReaders).isEqualTo(readers);
		assertThat(documentedRequired).isEqualTo(required);
	}

	private static Set<String> readers(String column, Set<String> applications) {
		return switch (column) {
			case "every application" -> new TreeSet<>(applications);
			case "all six services", "each service" -> new TreeSet<>(ServiceEnvironment.SERVICES);
			default -> new TreeSet<>(Arrays.stream(column.split(",")).map(String::strip).toList());
		};
	}

	/** The cells of the table under "## Configuration reference", header excluded. */
	private static List<List<String>> rows() throws IOException {
		String page = Files.readString(REPOSITORY.resolve("docs/operations.md"));
		String section = page.substring(page.indexOf("## Configuration reference"));
		section = section.substring(0, section.indexOf("\n## ", 1));
		return section.lines()
			.filter((line) -> line.startsWith("| `"))
			.map((line) -> Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::strip).toList())
			.toList();
	}

}
