package com.waplatform.deploy.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.internal.KubernetesDeserializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads Kubernetes manifests (YAML, several documents) into fabric8's typed model,
 * refusing any field the model does not know.
 * <p>
 * fabric8's model classes keep unknown fields in an {@code additionalProperties} map (a
 * {@code @JsonAnySetter}), so {@code FAIL_ON_UNKNOWN_PROPERTIES} alone would accept a
 * misspelt {@code readinesProbe} silently. Here the any-setters are ignored, except on
 * {@link GenericKubernetesResource} (a custom resource has no model: its fields are
 * checked by explicit rules), and an unknown field fails with Jackson's
 * {@code UnrecognizedPropertyException} naming it and its path. Kinds of the API groups
 * in {@link #CUSTOM_GROUPS} are read as {@link GenericKubernetesResource}; any other kind
 * must have a model class (found by fabric8's {@link KubernetesDeserializer} registry),
 * else it fails too.
 */
final class StrictKubernetesModel {

	/**
	 * API groups of the operators' custom resources (Strimzi, CloudNativePG, Prometheus
	 * Operator).
	 */
	static final Set<String> CUSTOM_GROUPS = Set.of("kafka.strimzi.io", "postgresql.cnpg.io", "monitoring.coreos.com");

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
		.build();

	private static final JsonMapper STRICT = JsonMapper.builder()
		.annotationIntrospector(new NoAnySetterIntrospector())
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private static final KubernetesDeserializer KINDS = new KubernetesDeserializer();

	private StrictKubernetesModel() {
	}

	/**
	 * Every document of a multi-document YAML text as a typed resource (or, for the
	 * custom groups, a {@link GenericKubernetesResource}).
	 * @param yaml the manifests, as {@code kubectl kustomize} prints them
	 * @return the resources in document order, empty documents skipped
	 * @throws IllegalArgumentException naming the document when one does not parse
	 */
	static List<HasMetadata> parse(String yaml) {
		List<HasMetadata> resources = new ArrayList<>();
		try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
			int index = 0;
			while (documents.hasNext()) {
				JsonNode document = documents.next();
				index++;
				if (document == null || document.isNull() || document.isEmpty()) {
					continue;
				}
				resources.add(resource(document, index));
			}
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Unreadable YAML: " + ex.getMessage(), ex);
		}
		return resources;
	}

	private static HasMetadata resource(JsonNode document, int index) {
		String apiVersion = document.path("apiVersion").asString("");
		String kind = document.path("kind").asString("");
		String name = document.path("metadata").path("name").asString("");
		String where = "document " + index + " (" + apiVersion + " " + kind + " " + name + ")";
		if (apiVersion.isEmpty() || kind.isEmpty()) {
			throw new IllegalArgumentException(where + " has no apiVersion or kind");
		}
		String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
		try {
			if (CUSTOM_GROUPS.contains(group)) {
				return STRICT.treeToValue(document, GenericKubernetesResource.class);
			}
			Class<? extends KubernetesResource> type = KINDS.getRegisteredKind(apiVersion, kind);
			if (type == null || !HasMetadata.class.isAssignableFrom(type)
					|| GenericKubernetesResource.class.isAssignableFrom(type)) {
				throw new IllegalArgumentException(where + ": fabric8's model has no class for " + apiVersion + " "
						+ kind + " (a misspelt apiVersion or kind, or a custom resource of a group not in "
						+ CUSTOM_GROUPS + ")");
			}
			return (HasMetadata) STRICT.treeToValue(document, type);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(where + " does not match the Kubernetes model: " + ex.getMessage(), ex);
		}
	}

	/** Ignores fabric8's catch-all any-setters, so that unknown fields fail. */
	private static final class NoAnySetterIntrospector extends JacksonAnnotationIntrospector {

		@Override
		public Boolean hasAnySetter(MapperConfig<?> config, Annotated annotated) {
			if (annotated instanceof AnnotatedMember member
					&& GenericKubernetesResource.class.isAssignableFrom(member.getDeclaringClass())) {
				return super.hasAnySetter(config, annotated);
			}
			return Boolean.FALSE;
		}

	}

}
