package com.waplatform.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.waplatform.common.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Meta's OpenAPI 3.1 spec ({@code openapi/business-messaging-api_v23.0.yaml}) as JSON
 * Schema 2020-12 validators of the send-message body. {@link #patched()} works around the
 * spec's quirks (each documented in README.md, "Spec quirks we work around");
 * {@link #raw()} is the spec as published.
 */
public final class MetaOpenApiSpec {

	private static final String SPEC = "/openapi/business-messaging-api_v23.0.yaml";

	private static final JsonNode COMPONENTS = loadComponents();

	private static final MetaOpenApiSpec RAW = new MetaOpenApiSpec(false);

	private static final MetaOpenApiSpec PATCHED = new MetaOpenApiSpec(true);

	private final Schema message;

	private final Schema markRead;

	private MetaOpenApiSpec(boolean patched) {
		ObjectNode components = (ObjectNode) COMPONENTS.deepCopy();
		if (patched) {
			patch(components);
		}
		this.message = schema(components, "Message");
		this.markRead = schema(components, "MarkMessageRequestPayload");
	}

	public static MetaOpenApiSpec raw() {
		return RAW;
	}

	public static MetaOpenApiSpec patched() {
		return PATCHED;
	}

	/** Violations of the request body of {@code sendMessage} ({@code Message}). */
	public List<String> validateMessage(JsonNode body) {
		return messages(this.message.validate(body));
	}

	/**
	 * Violations of a mark-as-read body: quirk 1, validated against the spec's own
	 * (otherwise unused) {@code MarkMessageRequestPayload} when patched.
	 */
	public List<String> validateSend(JsonNode body) {
		boolean markRead = "read".equals(body.path("status").asString(null)) && !body.has("type");
		return (markRead && this == PATCHED) ? messages(this.markRead.validate(body)) : validateMessage(body);
	}

	private static List<String> messages(List<Error> errors) {
		return errors.stream().map(Error::toString).toList();
	}

	private static Schema schema(ObjectNode components, String name) {
		ObjectNode root = Json.mapper().createObjectNode();
		root.put("$schema", SpecificationVersion.DRAFT_2020_12.getDialectId());
		root.put("$ref", "#/components/schemas/" + name);
		root.set("components", components);
		return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
			.getSchema(SchemaLocation.of("urn:meta:business-messaging-api:v23.0:" + name), root);
	}

	/**
	 * The workarounds, one per quirk (numbers as in README.md):
	 * <ol start="2">
	 * <li>{@code recipient_type} and {@code type} are not required
	 * ({@code BaseMessageProperties});</li>
	 * <li>{@code language.policy} is not required ({@code LanguageObject});</li>
	 * <li>the button {@code index} pattern {@code ^[2-6, 11-14]$} becomes
	 * {@code ^[0-9]$};</li>
	 * <li>{@code additionalProperties: false} inside an {@code allOf} branch becomes
	 * {@code unevaluatedProperties: false} on the {@code allOf} schema;</li>
	 * <li>{@code biz_opaque_callback_data} (a string of at most 512 characters) is added
	 * to {@code BaseMessageProperties}.</li>
	 * </ol>
	 * Quirk 1 (mark-as-read) is handled by {@link #validateSend}.
	 */
	private static void patch(ObjectNode components) {
		ObjectNode schemas = (ObjectNode) components.get("schemas");
		removeRequired(schemas.get("BaseMessageProperties"), "recipient_type", "type");
		removeRequired(schemas.get("LanguageObject"), "policy");
		fixIndexPattern(schemas.get("TemplateComponent"));
		fixIndexPattern(schemas.get("ButtonComponent").get("allOf").get(1));
		moveAdditionalPropertiesOutOfAllOf(components);
		ObjectNode callbackData = ((ObjectNode) schemas.get("BaseMessageProperties").get("properties"))
			.putObject("biz_opaque_callback_data");
		callbackData.put("type", "string");
		callbackData.put("maxLength", 512);
	}

	private static void removeRequired(JsonNode schema, String... names) {
		ArrayNode required = (ArrayNode) schema.get("required");
		List<String> remove = List.of(names);
		for (int i = required.size() - 1; i >= 0; i--) {
			if (remove.contains(required.get(i).asString())) {
				required.remove(i);
			}
		}
	}

	private static void fixIndexPattern(JsonNode schema) {
		((ObjectNode) schema.get("properties").get("index")).put("pattern", "^[0-9]$");
	}

	private static void moveAdditionalPropertiesOutOfAllOf(JsonNode node) {
		if (node.isObject()) {
			JsonNode allOf = node.get("allOf");
			if (allOf != null && allOf.isArray()) {
				for (JsonNode branch : allOf) {
					JsonNode additional = branch.get("additionalProperties");
					if (additional != null && additional.isBoolean() && !additional.booleanValue()) {
						((ObjectNode) branch).remove("additionalProperties");
						((ObjectNode) node).put("unevaluatedProperties", false);
					}
				}
			}
			for (Map.Entry<String, JsonNode> field : new ArrayList<>(node.properties())) {
				moveAdditionalPropertiesOutOfAllOf(field.getValue());
			}
		}
		else if (node.isArray()) {
			node.values().forEach(MetaOpenApiSpec::moveAdditionalPropertiesOutOfAllOf);
		}
	}

	private static JsonNode loadComponents() {
		try (InputStream in = MetaOpenApiSpec.class.getResourceAsStream(SPEC)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + SPEC);
			}
			return YAMLMapper.builder().build().readTree(in).get("components");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
