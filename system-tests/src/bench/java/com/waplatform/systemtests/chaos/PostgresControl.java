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
import org.jspecify.annotations.Nullable;

/**
 * Stops and starts the platform's PostgreSQL server (zonky's) in place: a fast shutdown
 * of the postmaster, then zonky's extracted {@code postgres} binary on the same data
 * directory with the options the server was started with ({@code postmaster.opts}: port,
 * {@code max_connections}, ...).
 */
final class PostgresControl {

	private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

	private final EmbeddedPostgres postgres;

	private final File binaries;

	private final File data;

	private final Path log;

	private @Nullable Process restarted;

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

	/**
	 * Fast shutdown (SIGINT to the postmaster, as {@code pg_ctl stop -m fast}, which
	 * refuses to run as root where zonky's server does): clients are disconnected, the
	 * server is down when this returns.
	 */
	void stop() {
		long pid;
		try {
			pid = Long.parseLong(Files.readAllLines(this.data.toPath().resolve("postmaster.pid")).get(0).trim());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read postmaster.pid", ex);
		}
		run(List.of("kill", "-INT", Long.toString(pid)));
		long deadline = System.currentTimeMillis() + Duration.ofMinutes(1).toMillis();
		while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
			if (System.currentTimeMillis() > deadline) {
				throw new IllegalStateException("PostgreSQL did not stop");
			}
			ChaosRun.pause(Duration.ofMillis(100));
		}
	}

	/**
	 * Starts the server again as zonky started it (its binary, the options of
	 * {@code postmaster.opts}), and waits until it takes connections.
	 */
	void start() {
		List<String> command = new ArrayList<>();
		if ("root".equals(System.getProperty("user.name"))) {
			// the server refuses to run as root: zonky runs it in a user namespace
			command.addAll(List.of("unshare", "-U"));
		}
		command.add(new File(this.binaries, "postgres").getPath());
		try {
			String opts = Files.readString(this.data.toPath().resolve("postmaster.opts")).trim();
			Matcher quoted = QUOTED.matcher(opts);
			while (quoted.find()) {
				command.add(quoted.group(1));
			}
			this.restarted = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start PostgreSQL again", ex);
		}
		long deadline = System.currentTimeMillis() + Duration.ofMinutes(1).toMillis();
		while (true) {
			try (Connection connection = this.postgres.getPostgresDatabase().getConnection()) {
				return;
			}
			catch (SQLException ex) {
				if (System.currentTimeMillis() > deadline) {
					throw new IllegalStateException("PostgreSQL did not come back, see " + this.log, ex);
				}
				ChaosRun.pause(Duration.ofMillis(250));
			}
		}
	}

	/**
	 * Stops the server this started (once the applications are gone: a smart shutdown),
	 * which zonky's close does not know.
	 */
	void close() {
		Process running = this.restarted;
		if (running == null) {
			return;
		}
		running.destroy();
		try {
			if (!running.waitFor(30, TimeUnit.SECONDS)) {
				running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			running.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private void run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
				.start();
			if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
				throw new IllegalStateException(command + " failed, see " + this.log);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot run " + command, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
