package com.waplatform.deploy.observability;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;

/**
 * Runs Debian's {@code promtool} (package {@code prometheus}). The build needs it:
 * without it the checks fail rather than skip, so that a machine without it never passes
 * alert rules nobody tested.
 */
final class Promtool {

	private Promtool() {
	}

	/** What promtool said and how it exited. */
	record Result(int exitCode, String output) {

	}

	static Result run(Path directory, String... arguments) {
		Path binary = binary();
		List<String> command = new ArrayList<>();
		command.add(binary.toString());
		command.addAll(List.of(arguments));
		try {
			Process process = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return fail("promtool " + String.join(" ", arguments) + " did not finish in 60 s");
			}
			return new Result(process.exitValue(), output);
		}
		catch (IOException ex) {
			return fail("Could not run " + binary, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return fail("Interrupted running promtool", ex);
		}
	}

	static Path binary() {
		String path = System.getenv("PATH");
		return Stream.of((path != null) ? path.split(File.pathSeparator) : new String[0])
			.filter((entry) -> !entry.isBlank())
			.map((entry) -> Path.of(entry, "promtool"))
			.filter(Files::isExecutable)
			.findFirst()
			.orElseGet(
					() -> fail("promtool is not on the PATH: it comes with Debian's prometheus package, which .ci/run "
							+ "installs when missing; locally run `apt-get install -y prometheus` (and `systemctl stop "
							+ "prometheus` if the package started a server)"));
	}

}
