package com.waplatform.simulator.management;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.simulator.accounts.AccountRegistry;
import com.waplatform.simulator.graph.GraphErrors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST} and {@code DELETE /{version}/{waba-id}/message_templates}: create a
 * template (answered {@code {"id","status":"PENDING","category"}}) and delete one by name
 * (all its languages) or by name and {@code hsm_id}.
 */
@RestController
class TemplateManagementController {

	private final AccountRegistry accounts;

	private final TemplateLifecycle lifecycle;

	TemplateManagementController(AccountRegistry accounts, TemplateLifecycle lifecycle) {
		this.accounts = accounts;
		this.lifecycle = lifecycle;
	}

	@PostMapping("/{version:v\\d+\\.\\d+}/{wabaId}/message_templates")
	Map<String, Object> create(@PathVariable String wabaId,
			@RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
			@RequestParam(name = "access_token", required = false) @Nullable String accessToken,
			@RequestBody(required = false) @Nullable JsonNode body) {
		this.accounts.authorizeWaba(wabaId, AccountRegistry.token(authorization, accessToken), "POST");
		if (body == null) {
			throw GraphErrors.invalidParameter("The request body is required");
		}
		MessageTemplate created = this.lifecycle.create(wabaId, TemplateDefinition.parse(body));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", created.id());
		answer.put("status", created.status());
		answer.put("category", created.category());
		return answer;
	}

	@DeleteMapping("/{version:v\\d+\\.\\d+}/{wabaId}/message_templates")
	Map<String, Boolean> delete(@PathVariable String wabaId,
			@RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
			@RequestParam(name = "access_token", required = false) @Nullable String accessToken,
			@RequestParam(required = false) @Nullable String name,
			@RequestParam(name = "hsm_id", required = false) @Nullable String hsmId) {
		this.accounts.authorizeWaba(wabaId, AccountRegistry.token(authorization, accessToken), "DELETE");
		if (name == null || name.isBlank()) {
			throw GraphErrors.invalidParameter("The parameter name is required.");
		}
		List<MessageTemplate> deleted = this.lifecycle.delete(wabaId, name, hsmId);
		if (deleted.isEmpty()) {
			throw GraphErrors.invalidParameter("Message template " + name + " not found");
		}
		return Map.of("success", true);
	}

}
