package com.waplatform.systemtests.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The docs name only what exists: every class named in backticks is a class of the
 * repository (or a library's, listed here), every route a page names is mapped by a
 * controller, and every relative link points to a file. A rename that forgets its page
 * fails the build.
 */
class DocumentationTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	/** Names from libraries, the JDK and Meta that the pages mention on purpose. */
	private static final Set<String> EXTERNAL = Set.of("ArchUnit", "IllegalStateException", "IllegalArgumentException",
			"PostgreSQL", "WebFlux", "WhatsApp", "WebClient", "GiB", "OpenJDK", "GraphMethodException", "OpenAPI",
			"RateLimiter", "CloudEvent", "CloudEvents", "EmbeddedKafkaKraftBroker", "ConfigurationProperties",
			"DirtiesContext", "DynamicPropertySource", "SpringBootTest", "StepVerifier", "TransactionalOperator",
			"R2DBC", "SecurityWebFilterChain", "AuthenticationWebFilter", "PathPattern", "ProblemDetail", "JsonTest",
			"WebFluxTest", "DataR2dbcTest", "SmartLifecycle", "KafkaListener", "MeterRegistry", "JaCoCo",
			"ApplicationListener", "EnvironmentPostProcessor", "NullMarked", "JSpecify", "ByteBuf", "OkHttp",
			"JsonNode", "ObjectNode", "LocalManagementPort", "WebTestClient", "HttpClient", "HttpServer",
			"StartFlightRecording", "VmHWM", "VmRSS", "KafkaConsumer", "StorageTool", "JsonIgnore",
			"WebClientRequestException",
			// JVM and Maven flags
			"MaxRAMPercentage", "ExitOnOutOfMemoryError", "DskipTests",
			// schemas of Meta's OpenAPI document
			"BaseMessageProperties", "ButtonComponent", "ImageMessage", "LanguageObject", "MarkMessageRequestPayload",
			"TemplateComponent", "TextMessage");

	private static final Pattern CODE = Pattern.compile("`([^`\\n]+)`");

	private static final Pattern CLASS_NAME = Pattern.compile("\\b([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+)\\b");

	private static final Pattern ROUTE = Pattern
		.compile("^(GET|POST|PATCH|PUT|DELETE) (/(?:v1|webhooks|internal)[^ ]*)$");

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(?:#[^)]*)?\\)");

	@Test
	void everyClassThePagesNameExists() {
		Set<String> classes = sourceClassNames();
		Map<String, Set<String>> missing = new TreeMap<>();
		for (Path page : pages()) {
			Matcher code = CODE.matcher(read(page));
			while (code.find()) {
				Matcher name = CLASS_NAME.matcher(code.group(1));
				while (name.find()) {
					if (!classes.contains(name.group(1)) && !EXTERNAL.contains(name.group(1))) {
						missing.computeIfAbsent(ROOT.relativize(page).toString(), (p) -> new TreeSet<>())
							.add(name.group(1));
					}
				}
			}
		}
		assertThat(missing).as("classes named in the docs that no source file defines").isEmpty();
	}

	@Test
	void everyRouteThePagesNameIsMapped() {
		Set<String> mapped = mappedRoutes();
		assertThat(mapped).as("routes found in the controllers").hasSizeGreaterThan(10);
		Map<String, Set<String>> missing = new TreeMap<>();
		for (Path page : pages()) {
			Matcher code = CODE.matcher(read(page));
			while (code.find()) {
				Matcher route = ROUTE.matcher(code.group(1).strip());
				if (route.matches() && !mapped.contains(route.group(1) + " " + shape(route.group(2)))) {
					missing.computeIfAbsent(ROOT.relativize(page).toString(), (p) -> new TreeSet<>())
						.add(code.group(1));
				}
			}
		}
		assertThat(missing).as("routes named in the docs that no controller maps").isEmpty();
	}

	@Test
	void everyRelativeLinkPointsToAFile() {
		List<String> broken = new ArrayList<>();
		for (Path page : pages()) {
			Matcher link = LINK.matcher(read(page));
			while (link.find()) {
				String target = link.group(1);
				if (!target.contains("://") && !Files.exists(page.getParent().resolve(target))) {
					broken.add(ROOT.relativize(page) + " -> " + target);
				}
			}
		}
		assertThat(broken).isEmpty();
	}

	/** A route with its variables, query and optional parts taken out. */
	private static String shape(String path) {
		String withoutQuery = path.replaceAll("[?\\[].*$", "");
		String shaped = withoutQuery.replaceAll("\\{[^}]*}", "{}");
		return (shaped.length() > 1 && shaped.endsWith("/")) ? shaped.substring(0, shaped.length() - 1) : shaped;
	}

	private static Set<String> mappedRoutes() {
		Set<String> routes = new TreeSet<>();
		for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("com.waplatform")) {
			if (!type.isAnnotatedWith(RestController.class)) {
				continue;
			}
			Class<?> controller = type.reflect();
			RequestMapping onClass = AnnotatedElementUtils.findMergedAnnotation(controller, RequestMapping.class);
			List<String> prefixes = (onClass != null && onClass.path().length > 0) ? List.of(onClass.path())
					: List.of("");
			for (Method method : controller.getDeclaredMethods()) {
				RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
				if (mapping == null) {
					continue;
				}
				List<String> paths = (mapping.path().length > 0) ? List.of(mapping.path()) : List.of("");
				for (String prefix : prefixes) {
					for (String path : paths) {
						for (var verb : mapping.method()) {
							routes.add(verb.name() + " " + shape(prefix + path));
						}
					}
				}
			}
		}
		return routes;
	}

	private static Set<String> sourceClassNames() {
		try (Stream<Path> files = Files.walk(ROOT)) {
			Set<String> names = new TreeSet<>();
			files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> !file.toString().contains("/target/"))
				.forEach((file) -> {
					names.add(file.getFileName().toString().replace(".java", ""));
					// nested types: record, class, interface and enum declarations
					Matcher nested = Pattern.compile("\\b(?:class|record|interface|enum) ([A-Z]\\w*)")
						.matcher(read(file));
					while (nested.find()) {
						names.add(nested.group(1));
					}
				});
			return names;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Path> pages() {
		try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
			List<Path> pages = new ArrayList<>(
					docs.filter((page) -> page.toString().endsWith(".md")).sorted().toList());
			pages.add(ROOT.resolve("README.md"));
			pages.add(ROOT.resolve("CONTRIBUTING.md"));
			return pages;
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
