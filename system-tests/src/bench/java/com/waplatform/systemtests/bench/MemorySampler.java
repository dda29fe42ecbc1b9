package com.waplatform.systemtests.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.waplatform.common.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * Samples every second each application's resident memory ({@code VmRSS}, and the
 * kernel's own peak {@code VmHWM}, from {@code /proc/<pid>/status}) and its used heap
 * (Micrometer's {@code jvm.memory.used{area=heap}} through the actuator), and the CPU
 * time it used so far ({@code /proc/<pid>/stat}), to show where the cores went.
 */
public final class MemorySampler implements AutoCloseable {

	private static final long MB = 1024 * 1024;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final List<ServiceProcess> processes = new CopyOnWriteArrayList<>();

	private final Map<String, Peak> peaks = new ConcurrentHashMap<>();

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "bench-memory");
		thread.setDaemon(true);
		return thread;
	});

	MemorySampler() {
		this.scheduler.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
	}

	void watch(ServiceProcess process) {
		this.processes.add(process);
		this.peaks.putIfAbsent(process.name(), new Peak(process.maxHeap()));
	}

	/**
	 * Peak figures per application (MB), plus the harness JVM itself (Kafka broker, load
	 * generator and status consumer; PostgreSQL runs as its own processes).
	 */
	Map<String, Object> peaks() {
		sample();
		Map<String, Object> result = new LinkedHashMap<>();
		this.peaks.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach((entry) -> {
			Peak peak = entry.getValue();
			Map<String, Object> view = new LinkedHashMap<>();
			view.put("peak_heap_used_mb", peak.heapUsed() / MB);
			view.put("xmx", peak.maxHeap);
			view.put("peak_rss_mb", peak.rss() / MB);
			view.put("cpu_s", peak.cpuSeconds());
			result.put(entry.getKey(), view);
		});
		Map<String, Object> harness = new LinkedHashMap<>();
		harness.put("peak_rss_mb", procStatus(ProcessHandle.current().pid(), "VmHWM") / MB);
		harness.put("cpu_s", cpuSeconds(ProcessHandle.current().pid()));
		harness.put("note", "harness JVM: embedded Kafka broker, load generator, status consumer");
		result.put("harness", harness);
		return result;
	}

	private void sample() {
		for (ServiceProcess process : this.processes) {
			if (!process.alive()) {
				continue;
			}
			Peak peak = this.peaks.get(process.name());
			peak.rss(procStatus(process.pid(), "VmRSS"));
			peak.rss(procStatus(process.pid(), "VmHWM"));
			peak.cpuSeconds(process.pid(), cpuSeconds(process.pid()));
			heapUsed(process).thenAccept(peak::heapUsed);
		}
	}

	private CompletableFuture<Long> heapUsed(ServiceProcess process) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(process.managementUrl() + "/actuator/metrics/jvm.memory.used?tag=area:heap"))
			.timeout(Duration.ofSeconds(2))
			.GET()
			.build();
		return this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply((response) -> {
			if (response.statusCode() != 200) {
				return 0L;
			}
			JsonNode measurements = Json.mapper().readTree(response.body()).path("measurements");
			return measurements.isEmpty() ? 0L : (long) measurements.get(0).path("value").asDouble();
		}).exceptionally((failure) -> 0L);
	}

	/** A {@code kB} line of {@code /proc/<pid>/status}, in bytes (0 when unreadable). */
	public static long procStatus(long pid, String field) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith(field + ":")) {
					return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim()) * 1024;
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			return 0;
		}
		return 0;
	}

	/**
	 * User plus system CPU seconds of a process ({@code utime} and {@code stime} of
	 * {@code /proc/<pid>/stat}, in clock ticks of 1/100 s); 0 when unreadable.
	 */
	public static double cpuSeconds(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			// fields after the command name, which is in parentheses and may hold spaces
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			return ticks / 100.0;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

	/** The highest values seen; written by the sampler and by HTTP completions. */
	private static final class Peak {

		private final String maxHeap;

		private long rss;

		private long heapUsed;

		/** Per process of the application (a restarted one has a new process). */
		private final Map<Long, Double> cpuSeconds = new LinkedHashMap<>();

		Peak(String maxHeap) {
			this.maxHeap = maxHeap;
		}

		synchronized void rss(long bytes) {
			this.rss = Math.max(this.rss, bytes);
		}

		synchronized long rss() {
			return this.rss;
		}

		synchronized void heapUsed(long bytes) {
			this.heapUsed = Math.max(this.heapUsed, bytes);
		}

		synchronized long heapUsed() {
			return this.heapUsed;
		}

		synchronized void cpuSeconds(long pid, double seconds) {
			this.cpuSeconds.merge(pid, seconds, Math::max);
		}

		/** Summed over the application's processes (restarts). */
		synchronized double cpuSeconds() {
			return Figures.round(this.cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum(), 2);
		}

	}

}
