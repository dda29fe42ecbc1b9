package com.waplatform.systemtests.chaos;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.waplatform.systemtests.bench.Bench;
import com.waplatform.systemtests.bench.Outcome;

/**
 * {@code system-tests/chaos <scenario>... | all}: runs each scenario on a fresh platform,
 * writes {@code <output>/<scenario>.json} (output {@code system-tests/target/chaos}, or
 * {@code -Dchaos.output=...}), prints one summary line per scenario and exits non-zero
 * when a scenario missed a target or could not run.
 */
public final class Chaos {

	/** Messages of a scenario at scale 1 ({@code -Dchaos.scale} multiplies it). */
	static final int MESSAGES = 600;

	/** Steady load through the public API ({@code -Dchaos.rate}). */
	static final double RATE_PER_SECOND = 10;

	private Chaos() {
	}

	public static void main(String[] args) {
		PrintStream out = System.out;
		List<String> names = new ArrayList<>();
		for (String arg : args) {
			if (arg.equals("all")) {
				names.addAll(ChaosScenario.NAMES);
			}
			else {
				names.add(arg);
			}
		}
		if (names.isEmpty() || names.contains("--help") || names.contains("--list")) {
			out.println("usage: system-tests/chaos <scenario>... | all");
			ChaosScenario.NAMES.forEach(
					(name) -> out.println("  " + name + ": " + ChaosScenario.named(name).orElseThrow().description()));
			System.exit(names.isEmpty() ? 2 : 0);
		}
		for (String name : names) {
			if (ChaosScenario.named(name).isEmpty()) {
				throw new IllegalArgumentException("Unknown scenario '" + name + "', known: " + ChaosScenario.NAMES);
			}
		}
		Path output = Path.of(System.getProperty("chaos.output", "target/chaos"));
		List<String> summaries = new ArrayList<>();
		boolean passed = true;
		for (String name : names) {
			try {
				Outcome outcome = new ChaosRun(ChaosScenario.named(name).orElseThrow(), output, out).run();
				Bench.write(output.resolve(name + ".json"), outcome.json());
				Bench.writeLines(output.resolve("logs").resolve(name).resolve("lost.txt"), outcome.lost());
				summaries.add(outcome.summary());
				out.println(outcome.summary());
				passed &= outcome.passed();
			}
			catch (RuntimeException ex) {
				ex.printStackTrace(out);
				Map<String, Object> failure = new LinkedHashMap<>();
				failure.put("scenario", name);
				failure.put("error", String.valueOf(ex));
				failure.put("passed", false);
				Bench.write(output.resolve(name + ".json"), failure);
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

}
