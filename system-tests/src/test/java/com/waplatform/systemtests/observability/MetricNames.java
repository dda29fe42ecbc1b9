package com.waplatform.systemtests.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metric names the operators' files use: every query of the Grafana dashboards
 * ({@code deploy/grafana/dashboards/*.json}, panels and template variables) and every
 * expression of the alert rules ({@code deploy/prometheus/alerts.yml}). PromQL is read
 * loosely: after strings, label matchers, ranges, label lists ({@code by}, {@code on},
 * ...) and Grafana variables are dropped, a metric name is an identifier that is neither
 * a function (followed by {@code (}) nor a keyword. Good enough for the expressions we
 * write; a name it cannot see is a name the end-to-end check does not check.
 */
public final class MetricNames {

	/** Series Prometheus makes itself, never in a service's output. */
	public static final Set<String> SYNTHETIC = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped",
			"scrape_samples_post_metric_relabeling", "scrape_series_added", "ALERTS", "ALERTS_FOR_STATE");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
			"group_left", "group_right", "offset", "bool", "inf", "nan", "sum", "min", "max", "avg", "group", "stddev",
			"stdvar", "count", "count_values", "bottomk", "topk", "quantile", "atan2");

	private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{?\\w+}?");

	private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");

	private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");

	private static final Pattern LABEL_LIST = Pattern
		.compile("(?i)\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

	private static final Pattern OFFSET = Pattern.compile("(?i)\\boffset\\s+-?\\w+");

	private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

	private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\((.*),\\s*\\w+\\s*\\)\\s*$");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private MetricNames() {
	}

	/** Every metric name used by a dashboard query or an alert expression. */
	public static Set<String> usedByDashboardsAndAlerts(Path repositoryRoot) {
		Set<String> names = new TreeSet<>();
		dashboardQueries(repositoryRoot).forEach((query) -> names.addAll(inExpression(query)));
		dashboardVariableQueries(repositoryRoot).forEach((query) -> names.addAll(inVariableQuery(query)));
		alertExpressions(repositoryRoot).forEach((expression) -> names.addAll(inExpression(expression)));
		return names;
	}

	/** The metric names of one PromQL expression. */
	public static Set<String> inExpression(String expression) {
		String rest = STRING.matcher(expression).replaceAll(" ");
		rest = VARIABLE.matcher(rest).replaceAll(" ");
		rest = MATCHERS.matcher(rest).replaceAll(" ");
		rest = RANGE.matcher(rest).replaceAll(" ");
		rest = LABEL_LIST.matcher(rest).replaceAll(" ");
		rest = OFFSET.matcher(rest).replaceAll(" ");
		Set<String> names = new TreeSet<>();
		Matcher identifier = IDENTIFIER.matcher(rest);
		while (identifier.find()) {
			String name = identifier.group();
			boolean partOfNumber = identifier.start() > 0 && (Character.isDigit(rest.charAt(identifier.start() - 1))
					|| rest.charAt(identifier.start() - 1) == '.');
			if (!partOfNumber && !isFunction(rest, identifier.end())
					&& !KEYWORDS.contains(name.toLowerCase(Locale.ROOT))) {
				names.add(name);
			}
		}
		return names;
	}

	/**
	 * The metric names of a Grafana template variable's query: the series of
	 * {@code label_values(series, label)} (none for {@code label_values(label)}).
	 */
	public static Set<String> inVariableQuery(String query) {
		Matcher labelValues = LABEL_VALUES.matcher(query);
		return labelValues.matches() ? inExpression(labelValues.group(1)) : Set.of();
	}

	/** The expression of every query of every dashboard panel (rows' panels included). */
	public static List<String> dashboardQueries(Path repositoryRoot) {
		List<String> queries = new ArrayList<>();
		for (JsonNode dashboard : dashboards(repositoryRoot)) {
			for (JsonNode panel : dashboard.path("panels")) {
				addTargets(panel, queries);
				panel.path("panels").forEach((nested) -> addTargets(nested, queries));
			}
		}
		return queries;
	}

	/** The query of every template variable of every dashboard. */
	public static List<String> dashboardVariableQueries(Path repositoryRoot) {
		List<String> queries = new ArrayList<>();
		for (JsonNode dashboard : dashboards(repositoryRoot)) {
			dashboard.path("templating")
				.path("list")
				.forEach((variable) -> queries.add(variable.path("definition").asString()));
		}
		return queries;
	}

	/** The expression of every rule of {@code deploy/prometheus/alerts.yml}. */
	@SuppressWarnings("unchecked")
	public static List<String> alertExpressions(Path repositoryRoot) {
		Map<String, Object> rules = new Yaml().load(read(repositoryRoot.resolve("deploy/prometheus/alerts.yml")));
		List<String> expressions = new ArrayList<>();
		for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				expressions.add(String.valueOf(rule.get("expr")));
			}
		}
		return expressions;
	}

	/**
	 * The metric names of samples in Prometheus' text format (what
	 * {@code /actuator/prometheus} answers).
	 */
	public static Set<String> exposedIn(String prometheusText) {
		Set<String> names = new TreeSet<>();
		for (String line : prometheusText.split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			Matcher name = IDENTIFIER.matcher(line);
			if (name.lookingAt()) {
				names.add(name.group());
			}
		}
		return names;
	}

	/**
	 * A dashboard query as Prometheus can answer it: Grafana's interval variables set,
	 * every other variable (organization, number, service...) matching anything;
	 * {@code $1} of a {@code label_replace} stays.
	 */
	public static String withVariablesResolved(String query) {
		return query.replace("$__rate_interval", "1m")
			.replace("$__range", "10m")
			.replaceAll("\\$\\{?[a-zA-Z_]\\w*}?", ".*");
	}

	private static boolean isFunction(String expression, int end) {
		int next = end;
		while (next < expression.length() && Character.isWhitespace(expression.charAt(next))) {
			next++;
		}
		return next < expression.length() && expression.charAt(next) == '(';
	}

	private static void addTargets(JsonNode panel, List<String> queries) {
		panel.path("targets").forEach((target) -> queries.add(target.path("expr").asString()));
	}

	private static List<JsonNode> dashboards(Path repositoryRoot) {
		try (Stream<Path> files = Files.list(repositoryRoot.resolve("deploy/grafana/dashboards"))) {
			return files.filter((file) -> file.toString().endsWith(".json"))
				.sorted()
				.map((file) -> JSON.readTree(file.toFile()))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
