package com.waplatform.gateway.callbacks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.waplatform.gateway.auth.Caller;
import com.waplatform.gateway.web.FieldViolation;
import com.waplatform.gateway.web.Problems;
import com.waplatform.gateway.web.Routes;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/callbacks}: the caller organization's callback endpoints and their delivery
 * logs, proxied to callback-service ({@link CallbackServiceClient}) for the organization
 * of the API key only: of the caller's query string only the delivery log's
 * {@code limit}, {@code cursor} and {@code state} are passed on, and a body naming
 * another organization is a 422. An id that is no UUID is a 404 without a call.
 */
@RestController
class CallbackController {

	private static final Pattern UUID_SHAPE = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private final CallbackServiceClient callbacks;

	CallbackController(CallbackServiceClient callbacks) {
		this.callbacks = callbacks;
	}

	@GetMapping(Routes.CALLBACKS)
	Mono<ResponseEntity<byte[]>> list(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId) {
		return this.callbacks.forward(HttpMethod.GET, organizationId, null, Map.of(), "");
	}

	/** Registers an endpoint; the answer carries its signing secret, shown this once. */
	@PostMapping(Routes.CALLBACKS)
	Mono<ResponseEntity<byte[]>> create(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId,
			@RequestBody JsonNode body) {
		return ownObject(body, organizationId)
			.then(this.callbacks.forward(HttpMethod.POST, organizationId, body, Map.of(), ""));
	}

	@GetMapping(Routes.CALLBACK)
	Mono<ResponseEntity<byte[]>> find(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId,
			@PathVariable String callbackId) {
		return id(callbackId, "callback endpoint")
			.flatMap((id) -> this.callbacks.forward(HttpMethod.GET, organizationId, null, Map.of(), "/{id}", id));
	}

	@PatchMapping(Routes.CALLBACK)
	Mono<ResponseEntity<byte[]>> change(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId,
			@PathVariable String callbackId, @RequestBody JsonNode body) {
		return id(callbackId, "callback endpoint").flatMap((id) -> ownObject(body, organizationId)
			.then(this.callbacks.forward(HttpMethod.PATCH, organizationId, body, Map.of(), "/{id}", id)));
	}

	@DeleteMapping(Routes.CALLBACK)
	Mono<ResponseEntity<byte[]>> delete(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId,
			@PathVariable String callbackId) {
		return id(callbackId, "callback endpoint")
			.flatMap((id) -> this.callbacks.forward(HttpMethod.DELETE, organizationId, null, Map.of(), "/{id}", id));
	}

	/** A new signing secret, shown this once; the old one stops signing at once. */
	@PostMapping(Routes.CALLBACK_ROTATE_SECRET)
	Mono<ResponseEntity<byte[]>> rotateSecret(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId,
			@PathVariable String callbackId) {
		return id(callbackId, "callback endpoint").flatMap((id) -> this.callbacks.forward(HttpMethod.POST,
				organizationId, null, Map.of(), "/{id}/rotate-secret", id));
	}

	@GetMapping(Routes.CALLBACK_DELIVERIES)
	Mono<ResponseEntity<byte[]>> deliveries(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId,
			@PathVariable String callbackId, @RequestParam(required = false) @Nullable String limit,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable String state) {
		Map<String, String> query = new LinkedHashMap<>();
		putIfGiven(query, "limit", limit);
		putIfGiven(query, "cursor", cursor);
		putIfGiven(query, "state", state);
		return id(callbackId, "callback endpoint").flatMap(
				(id) -> this.callbacks.forward(HttpMethod.GET, organizationId, null, query, "/{id}/deliveries", id));
	}

	/** A new attempt series for a delivered or given-up delivery. */
	@PostMapping(Routes.CALLBACK_REPLAY)
	Mono<ResponseEntity<byte[]>> replay(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId,
			@PathVariable String callbackId, @PathVariable String deliveryId) {
		return id(callbackId, "callback endpoint").zipWith(id(deliveryId, "delivery"))
			.flatMap((ids) -> this.callbacks.forward(HttpMethod.POST, organizationId, null, Map.of(),
					"/{id}/deliveries/{deliveryId}/replay", ids.getT1(), ids.getT2()));
	}

	private static void putIfGiven(Map<String, String> query, String name, @Nullable String value) {
		if (value != null) {
			query.put(name, value);
		}
	}

	private static Mono<String> id(String value, String what) {
		if (!UUID_SHAPE.matcher(value).matches()) {
			return Mono.error(Problems.notFound("No " + what + " " + value));
		}
		return Mono.just(UUID.fromString(value).toString());
	}

	/** A body is a JSON object that names no organization but the caller's. */
	private static Mono<Void> ownObject(JsonNode body, String organizationId) {
		if (!body.isObject()) {
			return Mono.error(Problems.invalidFields(HttpStatus.BAD_REQUEST,
					List.of(new FieldViolation("body", "must be a JSON object"))));
		}
		JsonNode named = body.get("organizationId");
		if (named != null && !named.isNull() && !(named.isString() && named.stringValue().equals(organizationId))) {
			return Mono.error(Problems.invalidFields(HttpStatus.UNPROCESSABLE_CONTENT,
					List.of(new FieldViolation("organizationId",
							"must be left out or name this API key's organization: callbacks are the caller's own"))));
		}
		return Mono.empty();
	}

}
