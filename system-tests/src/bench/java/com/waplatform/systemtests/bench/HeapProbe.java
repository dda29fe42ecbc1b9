package com.waplatform.systemtests.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One application's memory at a point of a run: its used heap (the actuator's
 * {@code jvm.memory.used{area=heap}}) and resident memory ({@code VmRSS}) sampled every
 * second over a window, then its live heap: the used heap right after a full collection
 * ({@code jcmd <pid> GC.run}, which the harness can do as the JVM's owner on the same
 * machine). The sampled heap includes whatever garbage the young generation holds at the
 * time, so only the live heap shows reliably whether something grows with the data.
 */
final class HeapProbe {

	private static final double MB = 1024 * 1024;

	private final JsonHttp http = new JsonHttp();

	private final ServiceProcess process;

	HeapProbe(ServiceProcess process) {
		this.process = process;
	}

	Memory measure(Duration window) {
		List<Double> heap = new ArrayList<>();
		List<Double> rss = new ArrayList<>();
		long end = System.currentTimeMillis() + window.toMillis();
		while (System.currentTimeMillis() < end) {
			Double used = heapUsed();
			if (used != null) {
				heap.add(used / MB);
			}
			rss.add(MemorySampler.procStatus(this.process.pid(), "VmRSS") / MB);
			LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
		}
		Double live = collect() ? heapUsed() : null;
		return new Memory(Range.of(heap), Range.of(rss), (live != null) ? live / MB : null);
	}

	private @Nullable Double heapUsed() {
		try {
			JsonNode measurements = this.http
				.get(this.process.managementUrl() + "/actuator/metrics/jvm.memory.used?tag=area:heap")
				.path("measurements");
			return measurements.isEmpty() ? null : measurements.get(0).path("value").asDouble();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** A full collection in the application (false if jcmd could not do it). */
	private boolean collect() {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		try {
			Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(this.process.pid()), "GC.run")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return gc.waitFor(60, TimeUnit.SECONDS) && gc.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Min, average and max of the samples (MB), and how many there were. */
	record Range(double min, double avg, double max, int samples) {

		static Range of(List<Double> values) {
			if (values.isEmpty()) {
				return new Range(0, 0, 0, 0);
			}
			return new Range(values.stream().mapToDouble(Double::doubleValue).min().getAsDouble(),
					values.stream().mapToDouble(Double::doubleValue).average().getAsDouble(),
					values.stream().mapToDouble(Double::doubleValue).max().getAsDouble(), values.size());
		}

		Map<String, Object> json() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("min", Figures.round(this.min, 1));
			json.put("avg", Figures.round(this.avg, 1));
			json.put("max", Figures.round(this.max, 1));
			json.put("samples", this.samples);
			return json;
		}

	}

	/**
	 * @param heap used heap over the window (MB)
	 * @param rss resident memory over the window (MB)
	 * @param liveHeap used heap right after a full collection (MB), null when jcmd failed
	 */
	record Memory(Range heap, Range rss, @Nullable Double liveHeap) {

		Map<String, Object> json() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("heap_used_mb", this.heap.json());
			json.put("rss_mb", this.rss.json());
			json.put("live_heap_after_full_gc_mb", (this.liveHeap != null) ? Figures.round(this.liveHeap, 1) : null);
			return json;
		}

	}

}
