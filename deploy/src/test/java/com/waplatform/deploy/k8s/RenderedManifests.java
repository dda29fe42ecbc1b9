package com.waplatform.deploy.k8s;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * The Kubernetes objects of a kustomization, as {@code kubectl apply -k} would send them:
 * rendered by {@code kubectl kustomize
 *
<dir>
 * } and parsed strictly by {@link StrictKubernetesModel} (unknown fields fail). Reusable
 * by any test of the manifests:
 * {@code RenderedManifests.render(RenderedManifests.overlay("prod"))}. Renderings are
 * cached per directory for the test JVM.
 */
public final class RenderedManifests {

	private static final Map<Path, RenderedManifests> CACHE = new ConcurrentHashMap<>();

	private final Path directory;

	private final List<HasMetadata> resources;

	private RenderedManifests(Path directory, List<HasMetadata> resources) {
		this.directory = directory;
		this.resources = List.copyOf(resources);
	}

	/**
	 * Renders a kustomization directory with {@code kubectl kustomize} and parses every
	 * document.
	 * @param kustomization a directory with a {@code kustomization.yaml}
	 * @return the rendered objects
	 * @throws IllegalStateException when kubectl is missing or fails (with its message)
	 * @throws IllegalArgumentException when a document does not match the model
	 */
	public static RenderedManifests render(Path kustomization) {
		Path directory = kustomization.toAbsolutePath().normalize();
		return CACHE.computeIfAbsent(directory,
				(dir) -> new RenderedManifests(dir, StrictKubernetesModel.parse(kubectlKustomize(dir))));
	}

	/**
	 * Parses manifests given as text (several YAML documents), as {@link #render} does.
	 * @param yaml the manifests
	 * @return the parsed objects
	 */
	public static RenderedManifests parse(String yaml) {
		return new RenderedManifests(Path.of("."), StrictKubernetesModel.parse(yaml));
	}

	/**
	 * The repository's {@code deploy/k8s} directory, found from the working directory (a
	 * module's directory when Maven runs the tests) upwards.
	 * @return the directory holding {@code base} and {@code overlays}
	 */
	public static Path k8sDirectory() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isDirectory(dir.resolve("deploy/k8s/base"))) {
				return dir.resolve("deploy/k8s");
			}
			if (Files.isDirectory(dir.resolve("k8s/base")) && dir.getFileName().toString().equals("deploy")) {
				return dir.resolve("k8s");
			}
		}
		throw new IllegalStateException("No deploy/k8s above " + Path.of("").toAbsolutePath());
	}

	/**
	 * An overlay's directory.
	 * @param name {@code dev} or {@code prod}
	 * @return {@code deploy/k8s/overlays/<name>}
	 */
	public static Path overlay(String name) {
		return k8sDirectory().resolve("overlays").resolve(name);
	}

	/**
	 * The directory rendered.
	 * @return the absolute kustomization directory
	 */
	public Path directory() {
		return this.directory;
	}

	/**
	 * Every object.
	 * @return the objects in the order kubectl printed them
	 */
	public List<HasMetadata> all() {
		return this.resources;
	}

	/**
	 * The objects of one model class.
	 * @param <T> the class
	 * @param type e.g. {@code Deployment.class}
	 * @return those objects
	 */
	public <T extends HasMetadata> List<T> ofType(Class<T> type) {
		return this.resources.stream().filter((resource) -> resource.getClass() == type).map(type::cast).toList();
	}

	/**
	 * The custom resources of one kind.
	 * @param group the API group, e.g. {@code kafka.strimzi.io}
	 * @param kind e.g. {@code KafkaTopic}
	 * @return those objects
	 */
	public List<GenericKubernetesResource> custom(String group, String kind) {
		return ofType(GenericKubernetesResource.class).stream()
			.filter((resource) -> resource.getApiVersion().startsWith(group + "/") && resource.getKind().equals(kind))
			.toList();
	}

	/**
	 * One object by class and exact name.
	 * @param <T> the class
	 * @param type the class
	 * @param name the object's name (generated ConfigMaps and Secrets carry kustomize's
	 * hash suffix)
	 * @return the object, if any
	 */
	public <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
		return ofType(type).stream().filter((resource) -> resource.getMetadata().getName().equals(name)).findFirst();
	}

	/**
	 * The Deployments.
	 * @return every Deployment
	 */
	public List<Deployment> deployments() {
		return ofType(Deployment.class);
	}

	/**
	 * A ConfigMap by its generator's name (kustomize appends a hash).
	 * @param generatorName e.g. {@code waplatform-config}
	 * @return the ConfigMap
	 */
	public ConfigMap generatedConfigMap(String generatorName) {
		List<ConfigMap> matching = ofType(ConfigMap.class).stream()
			.filter((map) -> map.getMetadata().getName().equals(generatorName)
					|| map.getMetadata().getName().matches(Pattern.quote(generatorName) + "-[a-z0-9]+"))
			.toList();
		if (matching.size() != 1) {
			throw new IllegalStateException(
					"Expected one ConfigMap generated as " + generatorName + " in " + this.directory + ": " + matching);
		}
		return matching.get(0);
	}

	private static String kubectlKustomize(Path directory) {
		Path kubectl = kubectl();
		try {
			File out = File.createTempFile("kustomize", ".yaml");
			File err = File.createTempFile("kustomize", ".err");
			try {
				Process process = new ProcessBuilder(kubectl.toString(), "kustomize", directory.toString())
					.redirectOutput(out)
					.redirectError(err)
					.start();
				if (!process.waitFor(120, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new IllegalStateException("kubectl kustomize " + directory + " did not finish in 120 s");
				}
				if (process.exitValue() != 0) {
					throw new IllegalStateException("kubectl kustomize " + directory + " failed (exit "
							+ process.exitValue() + "): " + Files.readString(err.toPath(), StandardCharsets.UTF_8));
				}
				return Files.readString(out.toPath(), StandardCharsets.UTF_8);
			}
			finally {
				Files.deleteIfExists(out.toPath());
				Files.deleteIfExists(err.toPath());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Path kubectl() {
		return kubectl(System.getenv("PATH"));
	}

	/**
	 * The kubectl of a search path.
	 * @param path a {@code PATH} value
	 * @return the first executable {@code kubectl} on it
	 * @throws IllegalStateException saying how to get one when there is none
	 */
	static Path kubectl(String path) {
		if (path != null) {
			for (String dir : path.split(File.pathSeparator)) {
				Path candidate = Path.of(dir, "kubectl");
				if (Files.isExecutable(candidate)) {
					return candidate;
				}
			}
		}
		throw new IllegalStateException("kubectl is not on the PATH: the deploy module renders deploy/k8s with "
				+ "`kubectl kustomize` (kubectl 1.27 or later, kustomize v5). .ci/run installs it (Debian's "
				+ "kubernetes-client) when it is missing; elsewhere install kubectl and run the build again.");
	}

}
