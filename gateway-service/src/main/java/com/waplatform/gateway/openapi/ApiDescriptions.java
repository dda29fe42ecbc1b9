package com.waplatform.gateway.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.core.util.Yaml31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.core.io.Resource;

/**
 * Completes springdoc's document with the maintained descriptions: the document's info,
 * tags and components, and per operation (matched by path and method) its id, summary,
 * description, parameters' descriptions and examples, the request body where the
 * controller reads it raw or proxies it, and its responses. A success response described
 * without content keeps the schema springdoc found (so the records stay the source of
 * truth). Security and the problems every route can answer are added by rule: the admin
 * token on {@code /v1/admin/**}, an API key on the rest of {@code /v1/**}, Meta's
 * signature on {@code POST /webhooks/meta}; the request limits (429) apply to
 * {@code /v1/**} only.
 */
class ApiDescriptions implements OpenApiCustomizer {

	/** The descriptions, an OpenAPI document of their own (without the schemas found). */
	static final String LOCATION = "openapi/gateway-api.yaml";

	private static final String PROBLEMS = "#/components/responses/";

	private static final String JSON_NODE = "JsonNode";

	private static final Pattern SCHEMA_REFERENCE = Pattern.compile("\"#/components/schemas/([^\"]+)\"");

	private final OpenAPI descriptions;

	ApiDescriptions(OpenAPI descriptions) {
		this.descriptions = descriptions;
	}

	static OpenAPI load(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return Yaml31.mapper().readValue(in, OpenAPI.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the API descriptions " + resource, ex);
		}
	}

	@Override
	public void customise(OpenAPI api) {
		api.setInfo(this.descriptions.getInfo());
		api.setServers(this.descriptions.getServers());
		api.setTags(this.descriptions.getTags());
		api.setExternalDocs(this.descriptions.getExternalDocs());
		api.setComponents(merged((api.getComponents() != null) ? api.getComponents() : new Components(),
				this.descriptions.getComponents()));
		if (api.getPaths() == null) {
			return;
		}
		api.getPaths().forEach((path, item) -> {
			PathItem described = (this.descriptions.getPaths() != null) ? this.descriptions.getPaths().get(path) : null;
			item.readOperationsMap().forEach((method, operation) -> {
				Operation given = (described != null) ? described.readOperationsMap().get(method) : null;
				if (given != null) {
					describe(operation, given);
				}
				secure(path, method, operation);
			});
		});
		dropUnusedSchemas(api);
		Map<String, Schema> schemas = api.getComponents().getSchemas();
		if (schemas != null && schemas.containsKey(JSON_NODE)) {
			// a record member that holds JSON as Meta gave it, not Jackson's node API
			schemas.put(JSON_NODE, new Schema<>().description("Any JSON value, as Meta gives it"));
		}
	}

	/**
	 * Drops the schemas nothing refers to any more (springdoc's of the bodies the
	 * descriptions replaced, such as a raw {@code JsonNode}).
	 */
	private static void dropUnusedSchemas(OpenAPI api) {
		Map<String, Schema> schemas = api.getComponents().getSchemas();
		if (schemas == null) {
			return;
		}
		boolean dropped = true;
		while (dropped) {
			Set<String> used = new HashSet<>();
			Matcher reference = SCHEMA_REFERENCE.matcher(Json31.pretty(api));
			while (reference.find()) {
				used.add(reference.group(1));
			}
			dropped = schemas.keySet().retainAll(used);
		}
	}

	private static Components merged(Components found, @Nullable Components given) {
		if (given == null) {
			return found;
		}
		putAll(found::getSchemas, found::setSchemas, given.getSchemas());
		putAll(found::getResponses, found::setResponses, given.getResponses());
		putAll(found::getExamples, found::setExamples, given.getExamples());
		putAll(found::getParameters, found::setParameters, given.getParameters());
		putAll(found::getHeaders, found::setHeaders, given.getHeaders());
		putAll(found::getSecuritySchemes, found::setSecuritySchemes, given.getSecuritySchemes());
		return found;
	}

	private static <V> void putAll(Supplier<@Nullable Map<String, V>> current, Consumer<Map<String, V>> set,
			@Nullable Map<String, V> given) {
		if (given == null) {
			return;
		}
		Map<String, V> all = new LinkedHashMap<>();
		Map<String, V> found = current.get();
		if (found != null) {
			all.putAll(found);
		}
		all.putAll(given);
		set.accept(all);
	}

	private static void describe(Operation operation, Operation given) {
		if (given.getOperationId() != null) {
			operation.setOperationId(given.getOperationId());
		}
		operation.setSummary(given.getSummary());
		operation.setDescription(given.getDescription());
		operation.setTags(given.getTags());
		operation.setParameters(parameters(operation.getParameters(), given.getParameters()));
		if (given.getRequestBody() != null) {
			operation.setRequestBody(given.getRequestBody());
		}
		if (given.getResponses() != null) {
			operation.setResponses(responses(operation.getResponses(), given.getResponses()));
		}
	}

	/**
	 * The parameters found, with what the descriptions say of each (matched by name and
	 * place) and those only they know (headers of a raw request); {@code Content-Type} is
	 * no parameter in OpenAPI.
	 */
	private static @Nullable List<Parameter> parameters(@Nullable List<Parameter> found,
			@Nullable List<Parameter> given) {
		List<Parameter> all = new ArrayList<>();
		if (found != null) {
			found.stream()
				.filter((parameter) -> !"Content-Type".equalsIgnoreCase(parameter.getName()))
				.forEach(all::add);
		}
		if (given != null) {
			for (Parameter described : given) {
				Parameter match = all.stream()
					.filter((parameter) -> parameter.getName().equals(described.getName())
							&& parameter.getIn().equals(described.getIn()))
					.findFirst()
					.orElse(null);
				if (match == null) {
					all.add(described);
					continue;
				}
				match.setDescription(described.getDescription());
				if (described.getExample() != null) {
					match.setExample(described.getExample());
				}
				if (described.getSchema() != null) {
					match.setSchema(described.getSchema());
				}
				if (described.getRequired() != null) {
					match.setRequired(described.getRequired());
				}
			}
		}
		return all.isEmpty() ? null : all;
	}

	/**
	 * The responses described; a success described without content takes the content
	 * springdoc found for the handler's return type (unless it is a 204).
	 */
	private static ApiResponses responses(@Nullable ApiResponses found, ApiResponses given) {
		Content foundContent = (found != null) ? found.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith("2") && entry.getValue().getContent() != null)
			.map((entry) -> entry.getValue().getContent())
			.findFirst()
			.orElse(null) : null;
		boolean successGiven = given.keySet().stream().anyMatch((code) -> code.startsWith("2"));
		ApiResponses all = new ApiResponses();
		if (!successGiven && found != null) {
			found.forEach((code, response) -> {
				if (code.startsWith("2")) {
					all.addApiResponse(code, response);
				}
			});
		}
		given.forEach((code, response) -> {
			ApiResponse copy = new ApiResponse().description(response.getDescription())
				.headers(response.getHeaders())
				.content(response.getContent())
				.links(response.getLinks())
				.extensions(response.getExtensions());
			copy.set$ref(response.get$ref());
			if (code.startsWith("2") && !"204".equals(code) && response.get$ref() == null
					&& response.getContent() == null) {
				copy.setContent(foundContent);
			}
			all.addApiResponse(code, copy);
		});
		return all;
	}

	private static void secure(String path, PathItem.HttpMethod method, Operation operation) {
		if (path.startsWith("/v1/admin/")) {
			operation.setSecurity(List.of(new SecurityRequirement().addList("adminToken")));
			problems(operation, "401", "Unauthorized", "403", "Forbidden", "429", "RateLimited");
		}
		else if (path.startsWith("/v1/")) {
			operation.setSecurity(List.of(new SecurityRequirement().addList("apiKey")));
			problems(operation, "401", "Unauthorized", "403", "Forbidden", "429", "RateLimited");
		}
		else if (method == PathItem.HttpMethod.POST) {
			operation.setSecurity(List.of(new SecurityRequirement().addList("metaSignature")));
			problems(operation, "401", "InvalidSignature");
		}
		else {
			operation.setSecurity(List.of());
		}
		problems(operation, "500", "InternalError");
	}

	/** Adds each {@code code, response name} pair the operation does not describe. */
	private static void problems(Operation operation, String... codesAndNames) {
		if (operation.getResponses() == null) {
			operation.setResponses(new ApiResponses());
		}
		for (int i = 0; i < codesAndNames.length; i += 2) {
			if (!operation.getResponses().containsKey(codesAndNames[i])) {
				operation.getResponses()
					.addApiResponse(codesAndNames[i], new ApiResponse().$ref(PROBLEMS + codesAndNames[i + 1]));
			}
		}
	}

}
