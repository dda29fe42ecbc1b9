package com.waplatform.gateway.templates;

import java.net.URI;
import java.util.List;

import com.waplatform.gateway.web.Routes;
import com.waplatform.gateway.auth.Caller;
import com.waplatform.gateway.numbers.BusinessNumbers;
import com.waplatform.gateway.web.FieldViolation;
import com.waplatform.gateway.web.Problems;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/templates/sync} and {@code POST /v1/templates}: proxied to
 * template-service for the caller organization's WhatsApp Business Accounts only.
 */
@RestController
class TemplateServiceController {

	private final BusinessNumbers numbers;

	private final TemplateServiceClient client;

	TemplateServiceController(BusinessNumbers numbers, TemplateServiceClient client) {
		this.numbers = numbers;
		this.client = client;
	}

	/** Syncs every account of the organization now and returns what changed. */
	@PostMapping(Routes.TEMPLATE_SYNC)
	Mono<JsonNode> sync(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId) {
		return this.numbers.wabas(organizationId)
			.flatMapMany(Flux::fromIterable)
			.concatMap(this.client::sync)
			.collectList()
			.map(TemplateServiceController::merge);
	}

	/**
	 * Creates a template at Meta (status PENDING until Meta's webhook approves it) in the
	 * given account of the organization, or its default number's account.
	 */
	@PostMapping(Routes.TEMPLATES)
	Mono<ResponseEntity<JsonNode>> create(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId,
			@RequestBody JsonNode body) {
		if (!(body instanceof ObjectNode template)) {
			return Mono.error(Problems.invalidFields(HttpStatus.BAD_REQUEST,
					List.of(new FieldViolation("body", "must be a JSON object"))));
		}
		JsonNode wabaNode = template.get("wabaId");
		if (wabaNode != null && !wabaNode.isNull() && !wabaNode.isString()) {
			return Mono.error(Problems.invalidFields(HttpStatus.BAD_REQUEST,
					List.of(new FieldViolation("wabaId", "must be a string"))));
		}
		String wabaId = (wabaNode != null && wabaNode.isString()) ? wabaNode.stringValue() : null;
		Mono<String> account = (wabaId != null)
				? this.numbers.wabas(organizationId)
					.flatMap((wabas) -> wabas.contains(wabaId) ? Mono.just(wabaId)
							: Mono.error(invalid("wabaId", "not a WhatsApp Business Account of this organization")))
				: this.numbers.resolve(organizationId, null, "wabaId").map(BusinessNumbers.Sender::wabaId);
		return account.flatMap((resolved) -> {
			ObjectNode forwarded = template.deepCopy();
			forwarded.put("wabaId", resolved);
			forwarded.put("organizationId", organizationId);
			return this.client.create(forwarded);
		})
			.map((created) -> ResponseEntity
				.created(location(created.path("name").asString(template.path("name").asString())))
				.body(created));
	}

	private static JsonNode merge(List<JsonNode> answers) {
		ObjectNode merged = JsonNodeFactory.instance.objectNode();
		ArrayNode reports = merged.putArray("reports");
		ArrayNode failures = merged.putArray("failures");
		for (JsonNode answer : answers) {
			answer.path("reports").forEach(reports::add);
			answer.path("failures").forEach(failures::add);
		}
		return merged;
	}

	private static URI location(String name) {
		return URI.create("/v1/templates/" + name);
	}

	private static RuntimeException invalid(String field, String message) {
		return Problems.invalidFields(HttpStatus.UNPROCESSABLE_CONTENT, List.of(new FieldViolation(field, message)));
	}

}
