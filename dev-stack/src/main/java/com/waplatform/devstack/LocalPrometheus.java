package com.waplatform.devstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Prometheus server beside the local platform ({@code devstack.prometheus}), when
 * the {@code prometheus} binary is on the {@code PATH} (Debian's {@code prometheus}
 * package): it scrapes every service's management port every 3 seconds, with the job
 * names of {@code deploy/prometheus/prometheus.yml}, and evaluates the alert rules of
 * {@code deploy/prometheus/alerts.yml} (found from the working directory upwards). Its
 * configuration and data live in a temporary directory, removed when it stops.
 */
public final class LocalPrometheus implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LocalPrometheus.class);

	private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

	private final Process process;

	private final Path directory;

	private final String url;

	private LocalPrometheus(Process process, Path directory, String url) {
		this.process = process;
		this.directory = directory;
		this.url = url;
	}

	/** The {@code prometheus} executable on the {@code PATH}, if any. */
	public static Optional<Path> binary() {
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		return Stream.of(path.split(File.pathSeparator))
			.filter((entry) -> !entry.isBlank())
			.map((entry) -> Path.of(entry, "prometheus"))
			.filter(Files::isExecutable)
			.findFirst();
	}

	/**
	 * Starts Prometheus scraping {@code /actuator/prometheus} of each job's port on
	 * localhost; empty (with a warning) when the binary is not installed.
	 * @param targets job name (e.g. {@code gateway-service}) to management port
	 */
	public static Optional<LocalPrometheus> start(Map<String, Integer> targets) {
		Optional<Path> binary = binary();
		if (binary.isEmpty()) {
			logger.warn("devstack.prometheus: no prometheus binary on the PATH (Debian: apt-get install prometheus); "
					+ "starting without Prometheus");
			return Optional.empty();
		}
		try {
			Path directory = Files.createTempDirectory("devstack-prometheus-");
			Path rules = alertRules();
			Files.writeString(directory.resolve("prometheus.yml"), configuration(targets, rules));
			int port = LocalSetup.freePort();
			Process process = new ProcessBuilder(binary.get().toString(),
					"--config.file=" + directory.resolve("prometheus.yml"),
					"--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
				.redirectErrorStream(true)
				.redirectOutput(directory.resolve("prometheus.log").toFile())
				.start();
			LocalPrometheus prometheus = new LocalPrometheus(process, directory, "http://localhost:" + port);
			try {
				prometheus.awaitReady();
			}
			catch (RuntimeException ex) {
				prometheus.close();
				throw ex;
			}
			return Optional.of(prometheus);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start Prometheus", ex);
		}
	}

	/** The configuration: one job per service, the alert rules when found. */
	static String configuration(Map<String, Integer> targets, @Nullable Path rules) {
		StringBuilder yaml = new StringBuilder("""
				global:
				  scrape_interval: 3s
				  scrape_timeout: 3s
				  evaluation_interval: 3s
				""");
		if (rules != null) {
			yaml.append("rule_files:\n  - '").append(rules.toAbsolutePath()).append("'\n");
		}
		yaml.append("scrape_configs:\n");
		targets.forEach((job, port) -> yaml.append("  - job_name: ")
			.append(job)
			.append("\n    metrics_path: /actuator/prometheus\n    static_configs:\n      - targets: ['localhost:")
			.append(port)
			.append("']\n"));
		return yaml.toString();
	}

	/** {@code deploy/prometheus/alerts.yml} of the repository the platform runs from. */
	static @Nullable Path alertRules() {
		for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
			Path rules = directory.resolve("deploy/prometheus/alerts.yml");
			if (Files.isRegularFile(rules)) {
				return rules;
			}
		}
		logger.warn("devstack.prometheus: deploy/prometheus/alerts.yml not found above {}; no alert rules loaded",
				Path.of("").toAbsolutePath());
		return null;
	}

	private void awaitReady() {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("Prometheus exited with " + this.process.exitValue() + ", see "
						+ this.directory.resolve("prometheus.log"));
			}
			try {
				HttpResponse<Void> response = client.send(
						HttpRequest.newBuilder(URI.create(this.url + "/-/ready")).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while Prometheus started", ex);
			}
			try {
				this.process.waitFor(200, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while Prometheus started", ex);
			}
		}
		throw new IllegalStateException("Prometheus was not ready within " + START_TIMEOUT);
	}

	public String url() {
		return this.url;
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		try (Stream<Path> files = Files.walk(this.directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			logger.warn("Could not remove {}", this.directory, ex);
		}
	}

}
