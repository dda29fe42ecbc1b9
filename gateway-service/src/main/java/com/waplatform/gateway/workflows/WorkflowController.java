package com.waplatform.gateway.workflows;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import com.waplatform.gateway.auth.Caller;
import com.waplatform.gateway.web.FieldViolation;
import com.waplatform.gateway.web.Problems;
import com.waplatform.gateway.web.Routes;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/workflows}: the caller organization's workflows, proxied to workflow-service
 * ({@link WorkflowServiceClient}) for the organization of the API key only: nothing of
 * the caller's query string is forwarded, and a body naming another organization is a
 * 422. A {@code workflowId} that is no UUID is a 404 without a call; bodies are JSON
 * objects within the platform's codec limit (1 MB, else 413).
 */
@RestController
class WorkflowController {

	private static final Pattern UUID_SHAPE = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private final WorkflowServiceClient workflows;

	WorkflowController(WorkflowServiceClient workflows) {
		this.workflows = workflows;
	}

	@GetMapping(Routes.WORKFLOWS)
	Mono<ResponseEntity<byte[]>> list(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId) {
		return this.workflows.forward(HttpMethod.GET, organizationId, null, MediaType.APPLICATION_JSON, "");
	}

	@PostMapping(Routes.WORKFLOWS)
	Mono<ResponseEntity<byte[]>> create(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId,
			@RequestBody JsonNode body) {
		return ownObject(body, organizationId, "organizationId")
			.then(this.workflows.forward(HttpMethod.POST, organizationId, body, MediaType.APPLICATION_JSON, ""));
	}

	/** Installs the platform's default workflows for the organization. */
	@PostMapping(Routes.WORKFLOW_DEFAULTS)
	Mono<ResponseEntity<byte[]>> defaults(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId,
			@RequestBody(required = false) @Nullable JsonNode body) {
		JsonNode given = (body != null && !body.isNull() && !body.isMissingNode()) ? body : null;
		Mono<Void> checked = (given != null) ? ownObject(given, organizationId, "organizationId") : Mono.empty();
		return checked.then(Mono.defer(() -> this.workflows.forward(HttpMethod.POST, organizationId, given,
				MediaType.APPLICATION_JSON, "/defaults")));
	}

	@GetMapping(Routes.WORKFLOW)
	Mono<ResponseEntity<byte[]>> find(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId,
			@PathVariable String workflowId) {
		return id(workflowId).flatMap((id) -> this.workflows.forward(HttpMethod.GET, organizationId, null,
				MediaType.APPLICATION_JSON, "/{id}", id));
	}

	@PutMapping(Routes.WORKFLOW)
	Mono<ResponseEntity<byte[]>> replace(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId,
			@PathVariable String workflowId, @RequestBody JsonNode body) {
		return id(workflowId).flatMap((id) -> ownObject(body, organizationId, "organizationId").then(
				this.workflows.forward(HttpMethod.PUT, organizationId, body, MediaType.APPLICATION_JSON, "/{id}", id)));
	}

	@DeleteMapping(Routes.WORKFLOW)
	Mono<ResponseEntity<byte[]>> delete(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId,
			@PathVariable String workflowId) {
		return id(workflowId).flatMap((id) -> this.workflows.forward(HttpMethod.DELETE, organizationId, null,
				MediaType.APPLICATION_JSON, "/{id}", id));
	}

	@PostMapping(Routes.WORKFLOW_ENABLE)
	Mono<ResponseEntity<byte[]>> enable(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId,
			@PathVariable String workflowId) {
		return id(workflowId).flatMap((id) -> this.workflows.forward(HttpMethod.POST, organizationId, null,
				MediaType.APPLICATION_JSON, "/{id}/enable", id));
	}

	@PostMapping(Routes.WORKFLOW_DISABLE)
	Mono<ResponseEntity<byte[]>> disable(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId,
			@PathVariable String workflowId) {
		return id(workflowId).flatMap((id) -> this.workflows.forward(HttpMethod.POST, organizationId, null,
				MediaType.APPLICATION_JSON, "/{id}/disable", id));
	}

	@GetMapping(Routes.WORKFLOW_VERSIONS)
	Mono<ResponseEntity<byte[]>> versions(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId,
			@PathVariable String workflowId) {
		return id(workflowId).flatMap((id) -> this.workflows.forward(HttpMethod.GET, organizationId, null,
				MediaType.APPLICATION_JSON, "/{id}/versions", id));
	}

	/**
	 * Tries a workflow on a sample CloudEvent in structured JSON form, forwarded with the
	 * caller's JSON media type ({@code application/cloudevents+json} or
	 * {@code application/json}).
	 */
	@PostMapping(Routes.WORKFLOW_TEST)
	Mono<ResponseEntity<byte[]>> test(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId,
			@PathVariable String workflowId, @RequestBody JsonNode event,
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType) {
		MediaType type = jsonType(contentType);
		return id(workflowId).flatMap((id) -> ownObject(event, organizationId, "organizationid")
			.then(this.workflows.forward(HttpMethod.POST, organizationId, event, type, "/{id}/test", id)));
	}

	/** The workflow id in its canonical form, or a 404 when it cannot be one. */
	private static Mono<String> id(String workflowId) {
		if (!UUID_SHAPE.matcher(workflowId).matches()) {
			return Mono.error(Problems.notFound("No workflow " + workflowId));
		}
		return Mono.just(UUID.fromString(workflowId).toString());
	}

	/**
	 * A body is a JSON object, and it names no organization but the caller's (the
	 * organization is always the API key's).
	 */
	private static Mono<Void> ownObject(JsonNode body, String organizationId, String member) {
		if (!body.isObject()) {
			return Mono.error(Problems.invalidFields(HttpStatus.BAD_REQUEST,
					List.of(new FieldViolation("body", "must be a JSON object"))));
		}
		JsonNode named = body.get(member);
		if (named != null && !named.isNull() && !(named.isString() && named.stringValue().equals(organizationId))) {
			return Mono
				.error(Problems.invalidFields(HttpStatus.UNPROCESSABLE_CONTENT, List.of(new FieldViolation(member,
						"must be left out or name this API key's organization: workflows are the caller's own"))));
		}
		return Mono.empty();
	}

	private static MediaType jsonType(@Nullable String contentType) {
		try {
			MediaType type = (contentType != null) ? MediaType.parseMediaType(contentType) : null;
			if (type != null && (MediaType.APPLICATION_JSON.isCompatibleWith(type)
					|| type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"))) {
				return new MediaType(type.getType(), type.getSubtype());
			}
		}
		catch (IllegalArgumentException ex) {
			// not a media type: the decoder has refused the body already
		}
		return MediaType.APPLICATION_JSON;
	}

}
