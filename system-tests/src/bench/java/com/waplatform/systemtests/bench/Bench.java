package com.waplatform.systemtests.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.waplatform.common.json.Json;

/**
 * {@code system-tests/bench <scenario>... | all}: runs each scenario on a fresh platform,
 * writes {@code <output>/<scenario>.json} (output {@code system-tests/target/bench}, or
 * {@code -Dbench.output=...}), prints one summary line per scenario and exits non-zero
 * when a scenario missed a target or could not run.
 */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) {
		PrintStream out = System.out;
		List<String> names = new ArrayList<>();
		for (String arg : args) {
			if (arg.equals("all")) {
				names.addAll(Scenario.NAMES);
			}
			else {
				names.add(arg);
			}
		}
		if (names.isEmpty() || names.contains("--help") || names.contains("--list")) {
			out.println("usage: system-tests/bench <scenario>... | all");
			Scenario.NAMES.forEach((name) -> out
				.println("  " + name + ": " + Scenario.named(name).map(Scenario::description).orElse("")));
			System.exit(names.isEmpty() ? 2 : 0);
		}
		List<Scenario> scenarios = new ArrayList<>();
		for (String name : names) {
			scenarios.add(Scenario.named(name)
				.orElseThrow(() -> new IllegalArgumentException(
						"Unknown scenario '" + name + "', known: " + Scenario.NAMES)));
		}
		Path output = Path.of(System.getProperty("bench.output", "target/bench"));
		List<String> summaries = new ArrayList<>();
		boolean passed = true;
		for (Scenario scenario : scenarios) {
			try {
				Report report = new ScenarioRun(scenario, output, out).run();
				write(output.resolve(scenario.name() + ".json"), report.json());
				writeLines(output.resolve("logs").resolve(scenario.name()).resolve("lost.txt"), report.lost());
				summaries.add(report.summary());
				passed &= report.passed();
			}
			catch (RuntimeException ex) {
				ex.printStackTrace(out);
				Map<String, Object> failure = new LinkedHashMap<>();
				failure.put("scenario", scenario.name());
				failure.put("error", String.valueOf(ex));
				failure.put("passed", false);
				write(output.resolve(scenario.name() + ".json"), failure);
				summaries.add(scenario.name() + ": FAILED TO RUN " + ex);
				passed = false;
			}
		}
		out.println();
		summaries.forEach(out::println);
		out.println("reports in " + output.toAbsolutePath());
		out.flush();
		System.exit(passed ? 0 : 1);
	}

	private static void writeLines(Path file, List<String> lines) {
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
	}

	private static void write(Path file, Map<String, Object> json) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
	}

}
