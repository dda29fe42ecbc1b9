package com.waplatform.systemtests.chaos;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Stops and starts the platform's PostgreSQL server (zonky's) in place: {@code pg_ctl} of
 * the extracted binaries on the same data directory, started again with the options the
 * server was started with ({@code postmaster.opts}: port, {@code max_connections}, ...).
 * Zonky's own close stops whichever server then runs there.
 */
final class PostgresControl {

	private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

	private final EmbeddedPostgres postgres;

	private final File binaries;

	private final File data;

	private final Path log;

	PostgresControl(EmbeddedPostgres postgres, Path logDirectory) {
		this.postgres = postgres;
		this.binaries = new File(field(postgres, "pgDir"), "bin");
		this.data = field(postgres, "dataDirectory");
		this.log = logDirectory.resolve("postgres-restarted.log");
	}

	private static File field(EmbeddedPostgres postgres, String name) {
		try {
			Field field = EmbeddedPostgres.class.getDeclaredField(name);
			field.setAccessible(true);
			return (File) field.get(postgres);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("zonky's EmbeddedPostgres has no " + name + " any more", ex);
		}
	}

	/** Fast shutdown: clients are disconnected, the server is down when this returns. */
	void stop() {
		pgCtl(List.of("-D", this.data.getPath(), "-m", "fast", "-w", "stop"));
	}

	/**
	 * Starts the server again as it was started, and waits until it takes connections.
	 */
	void start() {
		List<String> options = new ArrayList<>();
		try {
			String opts = Files.readString(this.data.toPath().resolve("postmaster.opts")).trim();
			Matcher quoted = QUOTED.matcher(opts);
			while (quoted.find()) {
				options.add(quoted.group(1));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read postmaster.opts", ex);
		}
		// drop "-D <data>": pg_ctl passes its own
		int data = options.indexOf("-D");
		if (data >= 0) {
			options.remove(data + 1);
			options.remove(data);
		}
		StringBuilder joined = new StringBuilder();
		options.forEach((option) -> joined.append(" '").append(option.replace("'", "'\\''")).append('\''));
		pgCtl(List.of("-D", this.data.getPath(), "-o", joined.toString().trim(), "-l", this.log.toString(), "-w",
				"start"));
		long deadline = System.currentTimeMillis() + Duration.ofMinutes(1).toMillis();
		while (true) {
			try (Connection connection = this.postgres.getPostgresDatabase().getConnection()) {
				return;
			}
			catch (SQLException ex) {
				if (System.currentTimeMillis() > deadline) {
					throw new IllegalStateException("PostgreSQL did not come back, see " + this.log, ex);
				}
			}
		}
	}

	private void pgCtl(List<String> arguments) {
		List<String> command = new ArrayList<>();
		command.add(new File(this.binaries, "pg_ctl").getPath());
		command.addAll(arguments);
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
				.start();
			if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
				throw new IllegalStateException("pg_ctl " + arguments + " failed, see " + this.log);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot run pg_ctl", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
