package com.waplatform.systemtests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The machine the figures came from. */
public final class Machine {

	private Machine() {
	}

	public static Map<String, Object> describe() {
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("cpus", Runtime.getRuntime().availableProcessors());
		machine.put("cpu_model", procLine("/proc/cpuinfo", "model name"));
		machine.put("memory_total", procLine("/proc/meminfo", "MemTotal"));
		machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
		machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		// other work on the machine skews every figure: the load averages at the end of
		// the run
		machine.put("load_average_1_5_15_min", firstLine("/proc/loadavg"));
		return machine;
	}

	private static String firstLine(String file) {
		try {
			String[] fields = Files.readAllLines(Path.of(file)).get(0).split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException | IndexOutOfBoundsException ex) {
			return "unknown";
		}
	}

	private static String procLine(String file, String key) {
		try {
			return Files.readAllLines(Path.of(file))
				.stream()
				.filter((line) -> line.startsWith(key))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst()
				.orElse("unknown");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

}
