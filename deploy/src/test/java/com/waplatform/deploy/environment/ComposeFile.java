package com.waplatform.deploy.environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml as Compose reads it: YAML with anchors and merge keys, every
 * {@code ${NAME}}, {@code ${NAME:-default}} and {@code ${NAME:?error}} interpolated from
 * the variables of an {@code .env} file, {@code $$} for a literal dollar sign.
 */
public final class ComposeFile {

	private static final Pattern VARIABLE = Pattern
		.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])((?:[^}$]|\\$\\$)*))?}");

	private final Map<String, Object> document;

	private ComposeFile(Map<String, Object> document) {
		this.document = document;
	}

	/**
	 * Reads and interpolates a compose file.
	 * @param file the compose file
	 * @param variables the variables Compose would take from {@code .env} and the shell
	 * @throws IllegalArgumentException when a {@code :?} variable is missing
	 */
	public static ComposeFile read(Path file, Map<String, String> variables) {
		Object loaded = new Yaml().load(text(file));
		return new ComposeFile(asMap(interpolate(loaded, variables)));
	}

	/** The variables of an {@code .env} file ({@code NAME=value} lines, # comments). */
	public static Map<String, String> dotEnv(Path file) {
		Map<String, String> variables = new LinkedHashMap<>();
		for (String line : text(file).split("\n")) {
			String trimmed = line.strip();
			int equals = trimmed.indexOf('=');
			if (!trimmed.isEmpty() && !trimmed.startsWith("#") && equals > 0) {
				variables.put(trimmed.substring(0, equals).strip(), trimmed.substring(equals + 1).strip());
			}
		}
		return variables;
	}

	/**
	 * The names of the variables a compose file refuses to start without
	 * ({@code ${NAME:?message}}).
	 */
	public static List<String> requiredVariables(Path file) {
		Matcher variable = VARIABLE.matcher(text(file));
		return variable.results()
			.filter((match) -> match.group(2) != null && match.group(2).endsWith("?"))
			.map((match) -> match.group(1))
			.distinct()
			.toList();
	}

	/** The whole interpolated document, as maps and lists. */
	public Map<String, Object> document() {
		return this.document;
	}

	/** The services, by name. */
	public Map<String, Object> services() {
		return asMap(this.document.get("services"));
	}

	/** One service's definition. */
	public Map<String, Object> service(String name) {
		Object service = services().get(name);
		if (service == null) {
			throw new IllegalArgumentException("docker-compose.yml has no service " + name);
		}
		return asMap(service);
	}

	/** One service's environment, as the container gets it. */
	public Map<String, String> environment(String name) {
		Map<String, String> environment = new LinkedHashMap<>();
		Object declared = service(name).get("environment");
		if (declared instanceof Map<?, ?> map) {
			map.forEach((key, value) -> environment.put(key.toString(), (value != null) ? value.toString() : ""));
		}
		else if (declared instanceof List<?> list) {
			for (Object entry : list) {
				String[] parts = entry.toString().split("=", 2);
				environment.put(parts[0], (parts.length > 1) ? parts[1] : "");
			}
		}
		return environment;
	}

	private static Object interpolate(Object node, Map<String, String> variables) {
		if (node instanceof Map<?, ?> map) {
			Map<String, Object> result = new LinkedHashMap<>();
			map.forEach((key, value) -> result.put(key.toString(), interpolate(value, variables)));
			return result;
		}
		if (node instanceof List<?> list) {
			return list.stream().map((item) -> interpolate(item, variables)).toList();
		}
		if (node instanceof String text) {
			return interpolate(text, variables);
		}
		return node;
	}

	private static String interpolate(String text, Map<String, String> variables) {
		Matcher variable = VARIABLE.matcher(text);
		StringBuilder result = new StringBuilder();
		while (variable.find()) {
			variable.appendReplacement(result, Matcher.quoteReplacement(value(variable, variables)));
		}
		variable.appendTail(result);
		return result.toString();
	}

	private static String value(Matcher variable, Map<String, String> variables) {
		if (variable.group().equals("$$")) {
			return "$";
		}
		String name = variable.group(1);
		String operator = (variable.group(2) != null) ? variable.group(2) : "";
		String argument = (variable.group(3) != null) ? variable.group(3).replace("$$", "$") : "";
		String value = variables.get(name);
		boolean unset = (value == null) || (operator.startsWith(":") && value.isEmpty());
		if (!unset) {
			return value;
		}
		if (operator.endsWith("?")) {
			throw new IllegalArgumentException("required variable " + name + " is missing: " + argument);
		}
		return operator.endsWith("-") ? argument : "";
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> asMap(Object node) {
		if (!(node instanceof Map)) {
			throw new IllegalArgumentException("expected a mapping, found " + node);
		}
		return (Map<String, Object>) node;
	}

	private static String text(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
