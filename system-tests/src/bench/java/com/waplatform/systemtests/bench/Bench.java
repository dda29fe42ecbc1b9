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
import java.util.stream.Stream;

import com.waplatform.common.json.Json;

/**
 * {@code system-tests/bench <scenario>... | all}: runs each scenario on a fresh platform,
 * writes {@code <output>/<scenario>.json} (output {@code system-tests/target/bench}, or
 * {@code -Dbench.output=...}), prints one summary line per scenario and exits non-zero
 * when a scenario missed a target or could not run.
 */
public final class Bench {

	/** Every scenario, in the order {@code all} runs them. */
	static final List<String> NAMES = Stream.concat(Scenario.NAMES.stream(), Stream.of(SchedulerPlan.NAME)).toList();

	private Bench() {
	}

	public static void main(String[] args) {
		PrintStream out = System.out;
		List<String> names = new ArrayList<>();
		for (String arg : args) {
			if (arg.equals("all")) {
				names.addAll(NAMES);
			}
			else {
				names.add(arg);
			}
		}
		if (names.isEmpty() || names.contains("--help") || names.contains("--list")) {
			out.println("usage: system-tests/bench <scenario>... | all");
			NAMES.forEach((name) -> out.println("  " + name + ": " + description(name)));
			System.exit(names.isEmpty() ? 2 : 0);
		}
		for (String name : names) {
			if (!NAMES.contains(name)) {
				throw new IllegalArgumentException("Unknown scenario '" + name + "', known: " + NAMES);
			}
		}
		Path output = Path.of(System.getProperty("bench.output", "target/bench"));
		List<String> summaries = new ArrayList<>();
		boolean passed = true;
		for (String name : names) {
			try {
				Outcome outcome = run(name, output, out);
				write(output.resolve(name + ".json"), outcome.json());
				writeLines(output.resolve("logs").resolve(name).resolve("lost.txt"), outcome.lost());
				summaries.add(outcome.summary());
				passed &= outcome.passed();
			}
			catch (RuntimeException ex) {
				ex.printStackTrace(out);
				Map<String, Object> failure = new LinkedHashMap<>();
				failure.put("scenario", name);
				failure.put("error", String.valueOf(ex));
				failure.put("passed", false);
				write(output.resolve(name + ".json"), failure);
				summaries.add(name + ": FAILED TO RUN " + ex);
				passed = false;
			}
		}
		out.println();
		summaries.forEach(out::println);
		out.println("reports in " + output.toAbsolutePath());
		out.flush();
		System.exit(passed ? 0 : 1);
	}

	private static String description(String name) {
		return name.equals(SchedulerPlan.NAME) ? SchedulerPlan.fromSystemProperties().description()
				: Scenario.named(name).map(Scenario::description).orElse("");
	}

	/** A fresh platform for the scenario, its run, its report. */
	private static Outcome run(String name, Path output, PrintStream out) {
		if (name.equals(SchedulerPlan.NAME)) {
			return Outcome.of(new SchedulerRun(SchedulerPlan.fromSystemProperties(), output, out).run());
		}
		Scenario scenario = Scenario.named(name).orElseThrow();
		return Outcome.of(new ScenarioRun(scenario, output, out).run());
	}

	public static void writeLines(Path file, List<String> lines) {
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
	}

	public static void write(Path file, Map<String, Object> json) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
	}

}
