package com.waplatform.systemtests.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.waplatform.devstack.LocalSetup;

/**
 * One application of the platform in its own JVM, so that its heap and resident memory
 * can be measured apart from the others. Same main class and properties as dev-stack's
 * {@code LocalPlatform}; secrets travel in the environment, not on the command line.
 */
public final class ServiceProcess implements AutoCloseable {

	private final String name;

	private final int port;

	private final int managementPort;

	private final Process process;

	private final Path log;

	private final String maxHeap;

	private ServiceProcess(String name, int port, int managementPort, Process process, Path log, String maxHeap) {
		this.name = name;
		this.port = port;
		this.managementPort = managementPort;
		this.process = process;
		this.log = log;
		this.maxHeap = maxHeap;
	}

	static ServiceProcess start(String name, String mainClass, int port, String maxHeap, int niceness,
			String jvmOptions, Map<String, Object> properties, Map<String, String> environment, Path logDirectory) {
		return start(name, name, mainClass, port, maxHeap, niceness, jvmOptions, properties, environment, logDirectory);
	}

	/** As above, logging to {@code <logName>.log} (a restarted application's own log). */
	static ServiceProcess start(String name, String logName, String mainClass, int port, String maxHeap, int niceness,
			String jvmOptions, Map<String, Object> properties, Map<String, String> environment, Path logDirectory) {
		List<String> command = new ArrayList<>();
		if (niceness != 0) {
			// every thread inherits it (renice on a pid reaches only the main thread);
			// without the privilege, nice warns in the log and runs the JVM unchanged
			command.addAll(List.of("nice", "-n", Integer.toString(niceness)));
		}
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx" + maxHeap);
		// e.g. -Dbench.jvm.sender="-XX:StartFlightRecording=filename=sender.jfr" to
		// profile one application
		List<String> extra = new ArrayList<>(List.of(jvmOptions.split("\\s+")));
		extra.removeIf(String::isEmpty);
		if (extra.stream().noneMatch(ServiceProcess::selectsCollector)) {
			command.add("-XX:+UseG1GC");
		}
		command.addAll(extra);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(mainClass);
		command.add("--server.port=" + port);
		properties.forEach((key, value) -> command.add("--" + key + "=" + value));
		// the platform's services serve their actuator on a port of its own (the
		// simulator on its only port)
		int managementPort = properties.containsKey("platform.enabled") ? port : LocalSetup.freePort();
		if (managementPort != port) {
			command.add("--management.server.port=" + managementPort);
		}
		try {
			Files.createDirectories(logDirectory);
			Path log = logDirectory.resolve(logName + ".log");
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			builder.environment().putAll(environment);
			return new ServiceProcess(name, port, managementPort, builder.start(), log, maxHeap);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + name, ex);
		}
	}

	private static boolean selectsCollector(String option) {
		return option.startsWith("-XX:+Use") && option.endsWith("GC");
	}

	public String name() {
		return this.name;
	}

	String maxHeap() {
		return this.maxHeap;
	}

	public String url() {
		return "http://localhost:" + this.port;
	}

	/** Where the actuator answers (metrics, health details). */
	public String managementUrl() {
		return "http://localhost:" + this.managementPort;
	}

	public long pid() {
		return this.process.pid();
	}

	public boolean alive() {
		return this.process.isAlive();
	}

	void awaitReady(JsonHttp http, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (http.status(url() + "/readyz") != 200) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						this.name + " exited with " + this.process.exitValue() + ", see " + this.log);
			}
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException(this.name + " is not ready after " + timeout + ", see " + this.log);
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
		}
	}

	/** {@code kill -9}: no shutdown hook, no graceful stop. */
	public void kill() {
		try {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
