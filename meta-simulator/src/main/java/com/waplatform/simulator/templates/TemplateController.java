package com.waplatform.simulator.templates;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.waplatform.common.json.Json;
import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.simulator.accounts.AccountRegistry;
import com.waplatform.simulator.graph.GraphErrors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** {@code GET /{version}/{waba-id}/message_templates} with Meta's filters and cursors. */
@RestController
class TemplateController {

	private final AccountRegistry accounts;

	private final TemplateStore templates;

	TemplateController(AccountRegistry accounts, TemplateStore templates) {
		this.accounts = accounts;
		this.templates = templates;
	}

	@GetMapping("/{version:v\\d+\\.\\d+}/{wabaId}/message_templates")
	JsonNode list(@PathVariable String wabaId,
			@RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
			@RequestParam(name = "access_token", required = false) @Nullable String accessToken,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String after,
			@RequestParam(required = false) @Nullable String before,
			@RequestParam(required = false) @Nullable String name,
			@RequestParam(name = "name_or_content", required = false) @Nullable String nameOrContent,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String language,
			@RequestParam(required = false) @Nullable String category,
			@RequestParam(required = false) @Nullable String fields, ServerHttpRequest request) {
		this.accounts.authorizeWaba(wabaId, AccountRegistry.token(authorization, accessToken), "GET");
		if (limit != null && limit < 1) {
			throw GraphErrors.invalidParameter("limit must be a positive number");
		}
		TemplateFilter filter = new TemplateFilter(name, nameOrContent, status, language, category);
		List<MessageTemplate> matching = this.templates.list(wabaId).stream().filter(filter::matches).toList();
		int pageSize = (limit != null) ? limit : TemplatePaging.DEFAULT_LIMIT;
		TemplatePaging.Page page = TemplatePaging.page(matching, pageSize, after, before);
		ObjectNode body = Json.mapper().createObjectNode();
		ArrayNode data = body.putArray("data");
		Set<String> projection = projection(fields);
		page.data().forEach((template) -> data.add(project(Json.mapper().valueToTree(template), projection)));
		if (page.before() != null && page.after() != null) {
			ObjectNode paging = body.putObject("paging");
			ObjectNode cursors = paging.putObject("cursors");
			cursors.put("before", page.before());
			cursors.put("after", page.after());
			if (page.hasPrevious()) {
				paging.put("previous", link(request.getURI(), pageSize, "before", page.before()));
			}
			if (page.hasNext()) {
				paging.put("next", link(request.getURI(), pageSize, "after", page.after()));
			}
		}
		return body;
	}

	private static @Nullable Set<String> projection(@Nullable String fields) {
		if (fields == null || fields.isBlank()) {
			return null;
		}
		Set<String> projection = new LinkedHashSet<>();
		projection.add("id");
		for (String field : fields.split(",")) {
			if (!field.isBlank()) {
				projection.add(field.strip());
			}
		}
		return projection;
	}

	private static JsonNode project(JsonNode template, @Nullable Set<String> projection) {
		if (projection == null) {
			return template;
		}
		ObjectNode projected = Json.mapper().createObjectNode();
		projection.forEach((field) -> {
			if (template.has(field)) {
				projected.set(field, template.get(field));
			}
		});
		return projected;
	}

	private static String link(URI requestUri, int limit, String direction, String cursor) {
		return UriComponentsBuilder.fromUri(requestUri)
			.replaceQueryParam("access_token")
			.replaceQueryParam("after")
			.replaceQueryParam("before")
			.replaceQueryParam("limit", limit)
			.replaceQueryParam(direction, cursor)
			.build()
			.toUriString();
	}

	/**
	 * Meta's list filters: exact name, name or body text containing, status, language,
	 * category.
	 */
	record TemplateFilter(@Nullable String name, @Nullable String nameOrContent, @Nullable String status,
			@Nullable String language, @Nullable String category) {

		boolean matches(MessageTemplate template) {
			return (this.name == null || this.name.equals(template.name()))
					&& (this.nameOrContent == null || contains(template, this.nameOrContent))
					&& (this.status == null || anyOf(this.status, template.status()))
					&& (this.language == null || anyOf(this.language, template.language()))
					&& (this.category == null || anyOf(this.category, template.category()));
		}

		private static boolean anyOf(String commaSeparated, @Nullable String value) {
			for (String candidate : commaSeparated.split(",")) {
				if (candidate.strip().equalsIgnoreCase(value)) {
					return true;
				}
			}
			return false;
		}

		private static boolean contains(MessageTemplate template, String text) {
			String needle = text.toLowerCase(Locale.ROOT);
			return template.name().toLowerCase(Locale.ROOT).contains(needle) || template.componentsOrEmpty()
				.stream()
				.anyMatch((component) -> component.text() != null
						&& component.text().toLowerCase(Locale.ROOT).contains(needle));
		}

	}

}
