package com.waplatform.systemtests.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.waplatform.devstack.LocalSetup;
import com.waplatform.systemtests.bench.Broker;
import com.waplatform.systemtests.bench.Figures;
import com.waplatform.systemtests.bench.MemorySampler;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.jspecify.annotations.Nullable;

/**
 * A single-node KRaft broker (broker and controller) in a JVM of its own, so that it can
 * be stopped and started again with its data: Kafka's own {@code kafka.Kafka} main class
 * from the jars spring-kafka-test brings, storage formatted once with
 * {@code kafka.tools.StorageTool}, fixed ports and log directory.
 */
final class KafkaProcess implements Broker {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

	private final Path directory;

	private final Path logDirectory;

	private final Path properties;

	private final int port = LocalSetup.freePort();

	private @Nullable Process process;

	private int generation;

	private double cpuSecondsOfEarlierProcesses;

	private long peakRss;

	private KafkaProcess(Path directory, Path logDirectory) {
		this.directory = directory;
		this.logDirectory = logDirectory;
		this.properties = directory.resolve("server.properties");
	}

	static KafkaProcess start(Path logDirectory) {
		try {
			Files.createDirectories(logDirectory);
			KafkaProcess kafka = new KafkaProcess(Files.createTempDirectory("chaos-kafka"), logDirectory);
			kafka.format();
			kafka.startAgain();
			return kafka;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot prepare the Kafka broker", ex);
		}
	}

	private void format() throws IOException {
		int controllerPort = LocalSetup.freePort();
		String config = String.join("\n", "process.roles=broker,controller", "node.id=1",
				"controller.quorum.voters=1@localhost:" + controllerPort,
				"listeners=PLAINTEXT://localhost:" + this.port + ",CONTROLLER://localhost:" + controllerPort,
				"advertised.listeners=PLAINTEXT://localhost:" + this.port, "controller.listener.names=CONTROLLER",
				"listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
				"inter.broker.listener.name=PLAINTEXT", "log.dirs=" + this.directory.resolve("data"),
				"num.partitions=1", "offsets.topic.replication.factor=1", "transaction.state.log.replication.factor=1",
				"transaction.state.log.min.isr=1", "share.coordinator.state.topic.replication.factor=1",
				"group.initial.rebalance.delay.ms=0", "auto.create.topics.enable=true", "");
		Files.writeString(this.properties, config);
		Process storage = java("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
				this.properties.toString())
			.redirectOutput(this.logDirectory.resolve("kafka-format.log").toFile())
			.start();
		try {
			if (!storage.waitFor(2, TimeUnit.MINUTES) || storage.exitValue() != 0) {
				throw new IllegalStateException("Formatting the Kafka storage failed, see " + this.logDirectory);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/** Starts the broker (again, with the same data) and waits until it answers. */
	void startAgain() {
		this.generation++;
		try {
			this.process = java("kafka.Kafka", this.properties.toString())
				.redirectOutput(this.logDirectory.resolve("kafka-" + this.generation + ".log").toFile())
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the Kafka broker", ex);
		}
		long deadline = System.currentTimeMillis() + START_TIMEOUT.toMillis();
		while (!answers()) {
			if (!this.process.isAlive() || System.currentTimeMillis() > deadline) {
				throw new IllegalStateException("The Kafka broker did not start, see " + this.logDirectory);
			}
		}
	}

	/**
	 * Stops the broker gracefully (SIGTERM: controlled shutdown), forcibly after 60 s.
	 */
	void stop() {
		Process running = this.process;
		if (running == null) {
			return;
		}
		this.cpuSecondsOfEarlierProcesses += MemorySampler.cpuSeconds(running.pid());
		this.peakRss = Math.max(this.peakRss, MemorySampler.procStatus(running.pid(), "VmHWM"));
		running.destroy();
		try {
			if (!running.waitFor(60, TimeUnit.SECONDS)) {
				running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			running.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		this.process = null;
	}

	/** Peak resident memory (MB) and CPU seconds of the broker's processes so far. */
	Map<String, Object> figures() {
		double cpu = this.cpuSecondsOfEarlierProcesses;
		long rss = this.peakRss;
		Process running = this.process;
		if (running != null && running.isAlive()) {
			cpu += MemorySampler.cpuSeconds(running.pid());
			rss = Math.max(rss, MemorySampler.procStatus(running.pid(), "VmHWM"));
		}
		return Map.of("peak_rss_mb", rss / (1024 * 1024), "cpu_s", Figures.round(cpu, 2), "xmx", "512m", "processes",
				this.generation);
	}

	private boolean answers() {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				2000))) {
			admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
			return true;
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static ProcessBuilder java(String mainClass, String... arguments) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp",
						System.getProperty("java.class.path"), mainClass));
		command.addAll(List.of(arguments));
		return new ProcessBuilder(command).redirectErrorStream(true);
	}

	@Override
	public String bootstrapServers() {
		return "localhost:" + this.port;
	}

	@Override
	public void close() {
		stop();
		try (Stream<Path> files = Files.walk(this.directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary directory left behind
		}
	}

}
