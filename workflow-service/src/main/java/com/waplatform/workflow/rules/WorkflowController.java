package com.waplatform.workflow.rules;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.waplatform.common.json.Json;
import com.waplatform.workflow.rules.domain.DefaultRules;
import com.waplatform.workflow.rules.domain.RuleDefinition;
import com.waplatform.workflow.rules.domain.RuleProblem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organizations' workflow rules, {@code /internal/workflows?organizationId=} (service
 * token only; the gateway's {@code /v1/workflows} calls it with the caller's
 * organization). Every change is a new version; a rule is checked against the
 * organization's synced templates before it is saved ({@link RuleValidation}); a dry run
 * shows what a sample event would send ({@link DryRun}).
 */
@RestController
class WorkflowController {

	static final String BASE = "/internal/workflows";

	private final RuleStore store;

	private final RuleValidation validation;

	private final DryRun dryRun;

	/** Read once at start-up: no file I/O on a request's event loop. */
	private final List<JsonNode> defaults = DefaultRules.tourOperatorJson();

	WorkflowController(RuleStore store, RuleValidation validation, DryRun dryRun) {
		this.store = store;
		this.validation = validation;
		this.dryRun = dryRun;
	}

	@GetMapping(BASE)
	Mono<Map<String, Object>> list(@RequestParam String organizationId) {
		return this.store.list(organizationId)
			.map(WorkflowController::view)
			.collectList()
			.map((items) -> Map.of("items", items));
	}

	@PostMapping(BASE)
	Mono<ResponseEntity<JsonNode>> create(@RequestParam String organizationId,
			@RequestBody(required = false) String body) {
		JsonNode json = parse(body);
		RuleDefinition definition = validated(organizationId, json);
		boolean enabled = !json.path("enabled").isBoolean() || json.path("enabled").asBoolean();
		return this.store.create(organizationId, definition, stored(json), enabled)
			.onErrorMap(RuleStore.DuplicateRuleName.class, (ex) -> WorkflowProblems.conflict(ex.getMessage()))
			.map((rule) -> ResponseEntity.status(HttpStatus.CREATED)
				.header("Location", "/v1/workflows/" + rule.id())
				.body(view(rule)));
	}

	/**
	 * Installs the tour operator's default rules; those whose name the organization
	 * already uses are left as they are. Answers every default rule as it now stands.
	 */
	@PostMapping(BASE + "/defaults")
	Mono<ResponseEntity<Map<String, Object>>> installDefaults(@RequestParam String organizationId) {
		return this.store.list(organizationId).map(StoredRule::name).collectList().flatMap((existing) -> {
			List<JsonNode> defaults = this.defaults;
			return Flux.fromIterable(defaults)
				.filter((json) -> !existing.contains(json.path("name").asString()))
				// a concurrent install may save the same rule first: it is there, not
				// counted
				.concatMap(
						(json) -> this.store.create(organizationId, validated(organizationId, json), stored(json), true)
							.onErrorResume(RuleStore.DuplicateRuleName.class, (ex) -> Mono.empty()))
				.count()
				.flatMap((installed) -> this.store.list(organizationId)
					.filter((rule) -> defaults.stream()
						.anyMatch((json) -> json.path("name").asString().equals(rule.name())))
					.map(WorkflowController::view)
					.collectList()
					.map((items) -> ResponseEntity.status((installed > 0) ? HttpStatus.CREATED : HttpStatus.OK)
						.body(Map.<String, Object>of("installed", installed, "items", items))));
		});
	}

	@GetMapping(BASE + "/{workflowId}")
	Mono<JsonNode> get(@RequestParam String organizationId, @PathVariable String workflowId) {
		return this.store.find(organizationId, id(workflowId))
			.map(WorkflowController::view)
			.switchIfEmpty(Mono.error(() -> notFound(workflowId)));
	}

	@PutMapping(BASE + "/{workflowId}")
	Mono<JsonNode> update(@RequestParam String organizationId, @PathVariable String workflowId,
			@RequestBody(required = false) String body) {
		UUID id = id(workflowId);
		JsonNode json = parse(body);
		RuleDefinition definition = validated(organizationId, json);
		Mono<StoredRule> updated = this.store.update(organizationId, id, definition, stored(json));
		if (json.path("enabled").isBoolean()) {
			boolean enabled = json.path("enabled").asBoolean();
			updated = updated.flatMap((rule) -> this.store.setEnabled(organizationId, id, enabled));
		}
		return updated.onErrorMap(RuleStore.DuplicateRuleName.class, (ex) -> WorkflowProblems.conflict(ex.getMessage()))
			.map(WorkflowController::view)
			.switchIfEmpty(Mono.error(() -> notFound(workflowId)));
	}

	@PostMapping(BASE + "/{workflowId}/enable")
	Mono<JsonNode> enable(@RequestParam String organizationId, @PathVariable String workflowId) {
		return setEnabled(organizationId, workflowId, true);
	}

	@PostMapping(BASE + "/{workflowId}/disable")
	Mono<JsonNode> disable(@RequestParam String organizationId, @PathVariable String workflowId) {
		return setEnabled(organizationId, workflowId, false);
	}

	@DeleteMapping(BASE + "/{workflowId}")
	Mono<ResponseEntity<Void>> delete(@RequestParam String organizationId, @PathVariable String workflowId) {
		return this.store.delete(organizationId, id(workflowId))
			.flatMap((deleted) -> deleted ? Mono.just(ResponseEntity.noContent().<Void>build())
					: Mono.error(notFound(workflowId)));
	}

	@GetMapping(BASE + "/{workflowId}/versions")
	Mono<Map<String, Object>> versions(@RequestParam String organizationId, @PathVariable String workflowId) {
		return this.store.versions(organizationId, id(workflowId)).map((version) -> {
			ObjectNode node = Json.mapper().createObjectNode();
			node.put("version", version.version());
			node.put("change", version.change());
			node.put("enabled", version.enabled());
			node.put("changedAt", version.changedAt().toString());
			node.set("definition", Json.mapper().readTree(version.definition()));
			return (JsonNode) node;
		})
			.collectList()
			.flatMap((items) -> items.isEmpty() ? Mono.error(notFound(workflowId))
					: Mono.just(Map.<String, Object>of("items", items)));
	}

	/** A dry run: what the rule would send for a sample CloudEvent; nothing is sent. */
	@PostMapping(BASE + "/{workflowId}/test")
	Mono<JsonNode> test(@RequestParam String organizationId, @PathVariable String workflowId,
			@RequestBody(required = false) String body) {
		JsonNode sample = parse(body);
		return this.store.find(organizationId, id(workflowId))
			.switchIfEmpty(Mono.error(() -> notFound(workflowId)))
			.flatMap((rule) -> this.dryRun.run(rule, sample));
	}

	private Mono<JsonNode> setEnabled(String organizationId, String workflowId, boolean enabled) {
		return this.store.setEnabled(organizationId, id(workflowId), enabled)
			.map(WorkflowController::view)
			.switchIfEmpty(Mono.error(() -> notFound(workflowId)));
	}

	private RuleDefinition validated(String organizationId, JsonNode json) {
		RuleDefinitions.Parsed parsed = RuleDefinitions.parse(json);
		List<RuleProblem> problems = (parsed.definition() != null)
				? this.validation.problems(organizationId, parsed.definition()) : parsed.problems();
		if (!problems.isEmpty()) {
			throw WorkflowProblems.invalidRule(problems);
		}
		return parsed.definition();
	}

	/** The definition as it is kept: the request without the state fields. */
	private static String stored(JsonNode json) {
		ObjectNode copy = ((ObjectNode) json).deepCopy();
		copy.remove(List.of("id", "enabled", "version", "createdAt", "updatedAt"));
		return Json.mapper().writeValueAsString(copy);
	}

	private static JsonNode parse(String body) {
		if (body == null || body.isBlank()) {
			throw WorkflowProblems.malformed("The request has no body; a JSON object is expected");
		}
		try {
			JsonNode json = Json.mapper().readTree(body);
			if (!json.isObject()) {
				throw WorkflowProblems.malformed("The body must be a JSON object");
			}
			return json;
		}
		catch (JacksonException ex) {
			throw WorkflowProblems.malformed("The body is not valid JSON: " + ex.getOriginalMessage());
		}
	}

	private static UUID id(String workflowId) {
		try {
			return UUID.fromString(workflowId);
		}
		catch (IllegalArgumentException ex) {
			throw notFound(workflowId);
		}
	}

	static JsonNode view(StoredRule rule) {
		ObjectNode view = Json.mapper().createObjectNode();
		view.put("id", rule.id().toString());
		view.put("enabled", rule.enabled());
		view.put("version", rule.version());
		view.put("createdAt", rule.createdAt().toString());
		view.put("updatedAt", rule.updatedAt().toString());
		view.setAll((ObjectNode) Json.mapper().readTree(rule.json()));
		return view;
	}

	private static ErrorResponseException notFound(String workflowId) {
		return WorkflowProblems.notFound("No workflow " + workflowId + " in this organization");
	}

}
