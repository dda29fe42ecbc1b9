package com.waplatform.systemtests.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.waplatform.deploy.environment.ComposeFile;
import com.waplatform.deploy.environment.ServiceEnvironment;
import com.waplatform.devstack.LocalSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.awaitility.Awaitility.await;

/**
 * The platform as docker-compose.yml describes it, without a Docker engine: Kafka and
 * PostgreSQL embedded (the compose file's {@code kafka} and {@code postgres}), and every
 * application started as a process from its Boot jar's layered extraction (the layout an
 * image has) with exactly the environment the file gives its container. What a container
 * network would give is mapped: a compose host name is {@code localhost} and each
 * container port a free port of this machine; the application's ports are given on its
 * command line, as a container's port mapping would be.
 */
final class ComposedPlatform implements AutoCloseable {

	private static final Pattern HOST_AND_PORT = Pattern.compile("\\b([a-z][a-z0-9-]*):(\\d{2,5})\\b");

	private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

	private final Path repository;

	private final ComposeFile compose;

	private final Path work;

	private final EmbeddedKafkaKraftBroker kafka;

	private final EmbeddedPostgres postgres;

	/** compose service → container port → port of this machine. */
	private final Map<String, Map<Integer, Integer>> ports = new LinkedHashMap<>();

	private final Map<String, Process> processes = new LinkedHashMap<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	ComposedPlatform(Path repository, ComposeFile compose, Path work) {
		this.repository = repository;
		this.compose = compose;
		this.work = work;
		this.kafka = new EmbeddedKafkaKraftBroker(1, 1);
		this.kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
		this.kafka.brokerProperty("transaction.state.log.replication.factor", "1");
		this.kafka.brokerProperty("transaction.state.log.min.isr", "1");
		this.kafka.afterPropertiesSet();
		this.ports.put("kafka", Map.of(9092, port(this.kafka.getBrokersAsString())));
		try {
			this.postgres = EmbeddedPostgres.builder().start();
		}
		catch (IOException ex) {
			this.kafka.destroy();
			throw new UncheckedIOException(ex);
		}
		this.ports.put("postgres", Map.of(5432, this.postgres.getPort()));
		createDatabase(compose.environment("postgres"));
		for (String application : ServiceEnvironment.all(repository).keySet()) {
			ServiceEnvironment environment = ServiceEnvironment.of(repository, application);
			int publicPort = serverPort(application);
			Map<Integer, Integer> mapped = new LinkedHashMap<>();
			mapped.put(publicPort, LocalSetup.freePort());
			String management = environment.defaultOf("MANAGEMENT_PORT");
			if (!management.isEmpty()) {
				mapped.put(Integer.parseInt(management), LocalSetup.freePort());
			}
			this.ports.put(application, mapped);
		}
	}

	/**
	 * Starts every application once the compose services it depends on are healthy, as
	 * {@code depends_on: condition: service_healthy} does, and waits until all are.
	 */
	void start() {
		List<String> waiting = new ArrayList<>(ServiceEnvironment.all(this.repository).keySet());
		List<String> healthy = new ArrayList<>(List.of("kafka", "postgres"));
		while (!waiting.isEmpty()) {
			List<String> startable = waiting.stream()
				.filter((name) -> healthy.containsAll(dependencies(name)))
				.toList();
			if (startable.isEmpty()) {
				throw new IllegalStateException("depends_on cannot be satisfied for " + waiting);
			}
			startable.forEach(this::launch);
			for (String name : startable) {
				awaitHealthy(name);
				healthy.add(name);
			}
			waiting.removeAll(startable);
		}
	}

	/** Where a container port of a compose service is reached from this machine. */
	String url(String service, int containerPort) {
		return "http://localhost:" + this.ports.get(service).get(containerPort);
	}

	/**
	 * The environment a process gets: the container's, compose hosts and ports mapped.
	 */
	Map<String, String> environment(String service) {
		Map<String, String> given = this.compose.environment(service);
		Map<String, String> mapped = new LinkedHashMap<>();
		given.forEach((name, value) -> mapped.put(name, map(name, value, given)));
		return mapped;
	}

	private String map(String name, String value, Map<String, String> siblings) {
		if (this.ports.containsKey(value)) {
			return "localhost";
		}
		if (name.endsWith("_PORT")) {
			String host = siblings.get(name.substring(0, name.length() - "_PORT".length()) + "_HOST");
			if (host != null && this.ports.containsKey(host)) {
				return Integer.toString(this.ports.get(host).get(Integer.parseInt(value)));
			}
		}
		Matcher reference = HOST_AND_PORT.matcher(value);
		StringBuilder result = new StringBuilder();
		while (reference.find()) {
			Map<Integer, Integer> service = this.ports.get(reference.group(1));
			String replacement = (service != null) ? "localhost:" + service.get(Integer.parseInt(reference.group(2)))
					: reference.group();
			reference.appendReplacement(result, Matcher.quoteReplacement(replacement));
		}
		reference.appendTail(result);
		return result.toString();
	}

	private void launch(String application) {
		Path image = extractLayers(application);
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		// the test's own JVM flags, on the command line like the port mapping: a faster
		// start on the build machine's two cores, no change to what the file configures
		command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
		command.add("-jar");
		command.add(image.resolve(bootJar(application).getFileName()).toString());
		// the container's port mapping
		Map<Integer, Integer> mapped = this.ports.get(application);
		List<Integer> containerPorts = new ArrayList<>(mapped.keySet());
		command.add("--server.port=" + mapped.get(containerPorts.get(0)));
		if (containerPorts.size() > 1) {
			command.add("--management.server.port=" + mapped.get(containerPorts.get(1)));
		}
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.work.resolve(application + ".log").toFile());
		builder.environment().clear();
		builder.environment().putAll(environment(application));
		try {
			this.processes.put(application, builder.start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + application, ex);
		}
	}

	/**
	 * {@code java -Djarmode=tools -jar app.jar extract --layers}, then the layers stacked
	 * into one directory in their order, as an image's layers are.
	 */
	private Path extractLayers(String application) {
		Path layers = this.work.resolve(application + "-layers");
		Path image = this.work.resolve(application + "-image");
		run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djarmode=tools", "-jar",
				bootJar(application).toString(), "extract", "--layers", "--destination", layers.toString()));
		for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
			copyTree(layers.resolve(layer), image);
		}
		return image;
	}

	private Path bootJar(String application) {
		Path target = this.repository.resolve(application).resolve("target");
		try (Stream<Path> files = Files.list(target)) {
			return files.filter((file) -> file.getFileName().toString().endsWith("-exec.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no Boot jar in " + target + ": package it first"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitHealthy(String application) {
		String url = healthCheckUrl(application);
		await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
			Process process = this.processes.get(application);
			if (!process.isAlive()) {
				throw new IllegalStateException(application + " exited with " + process.exitValue() + ", see "
						+ this.work.resolve(application + ".log"));
			}
			return status(url) == 200;
		});
	}

	/** The URL of the compose health check ({@code curl -fsS <url>}), its port mapped. */
	private String healthCheckUrl(String application) {
		@SuppressWarnings("unchecked")
		Map<String, Object> healthCheck = (Map<String, Object>) this.compose.service(application).get("healthcheck");
		List<?> test = (List<?>) healthCheck.get("test");
		String url = test.get(test.size() - 1).toString();
		Matcher local = Pattern.compile("localhost:(\\d+)").matcher(url);
		if (!local.find()) {
			throw new IllegalStateException(application + "'s health check is not an HTTP check: " + test);
		}
		return local.replaceFirst("localhost:" + this.ports.get(application).get(Integer.parseInt(local.group(1))));
	}

	private List<String> dependencies(String service) {
		Object dependsOn = this.compose.service(service).get("depends_on");
		return (dependsOn instanceof Map<?, ?> map) ? map.keySet().stream().map(Object::toString).toList() : List.of();
	}

	private int status(String url) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
			return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 0;
		}
	}

	/** The database, its owner and password as the postgres image creates them. */
	private void createDatabase(Map<String, String> postgresEnvironment) {
		String user = postgresEnvironment.get("POSTGRES_USER");
		String password = postgresEnvironment.get("POSTGRES_PASSWORD").replace("'", "''");
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE ROLE \"" + user + "\" LOGIN PASSWORD '" + password + "'");
			statement
				.execute("CREATE DATABASE \"" + postgresEnvironment.get("POSTGRES_DB") + "\" OWNER \"" + user + "\"");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create the compose file's database", ex);
		}
	}

	private int serverPort(String application) {
		Path configuration = this.repository.resolve(application)
			.resolve("src/main/resources")
			.resolve(application + ".yml");
		try {
			Matcher port = Pattern.compile("(?m)^server:\\s*\\n\\s+port:\\s*(\\d+)")
				.matcher(Files.readString(configuration));
			if (!port.find()) {
				throw new IllegalStateException("no server.port in " + configuration);
			}
			return Integer.parseInt(port.group(1));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int port(String hostAndPort) {
		return Integer.parseInt(hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1));
	}

	private static void run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private static void copyTree(Path from, Path to) {
		if (!Files.isDirectory(from)) {
			return;
		}
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					// a link, not a copy: the layers' jars are ~100 MB per application
					Files.deleteIfExists(target);
					Files.createLink(target, file);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.processes.values().forEach(Process::destroy);
		for (Process process : this.processes.values()) {
			try {
				if (!process.waitFor(30, TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				process.destroyForcibly();
				Thread.currentThread().interrupt();
			}
		}
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.kafka.destroy();
		}
	}

}
