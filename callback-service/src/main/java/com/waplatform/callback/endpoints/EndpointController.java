package com.waplatform.callback.endpoints;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.waplatform.callback.endpoints.domain.EndpointRequest;
import com.waplatform.callback.endpoints.domain.Secrets;
import com.waplatform.callback.web.CallbackProblems;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organizations' callback endpoints, {@code /internal/callbacks?organizationId=}
 * (service token only; the gateway's {@code /v1/callbacks} calls it with the caller's
 * organization). The signing secret is answered once, when the endpoint is registered and
 * when it is rotated, and never again.
 */
@RestController
class EndpointController {

	static final String BASE = "/internal/callbacks";

	private final EndpointStore store;

	private final UrlPolicy policy;

	EndpointController(EndpointStore store, UrlPolicy policy) {
		this.store = store;
		this.policy = policy;
	}

	@GetMapping(BASE)
	Mono<Map<String, Object>> list(@RequestParam String organizationId) {
		return this.store.list(organizationId).map(Endpoint::view).collectList().map((items) -> Map.of("items", items));
	}

	@PostMapping(BASE)
	Mono<ResponseEntity<Map<String, Object>>> create(@RequestParam String organizationId,
			@RequestBody(required = false) String body) {
		EndpointRequest request = valid(EndpointRequest.read(CallbackProblems.object(body), true));
		String secret = Secrets.generate();
		return this.policy.check(request.url())
			.flatMap((url) -> this.store.create(organizationId, url.toString(), request.events(), request.description(),
					secret))
			.flatMap((endpoint) -> (Boolean.FALSE.equals(request.enabled()))
					? this.store.update(organizationId, endpoint.id(), null, null, false, null, false)
					: Mono.just(endpoint))
			.map((endpoint) -> ResponseEntity.status(HttpStatus.CREATED)
				.location(URI.create("/v1/callbacks/" + endpoint.id()))
				.body(withSecret(endpoint, secret)));
	}

	@GetMapping(BASE + "/{callbackId}")
	Mono<Map<String, Object>> get(@RequestParam String organizationId, @PathVariable String callbackId) {
		return this.store.find(organizationId, id(callbackId))
			.map(Endpoint::view)
			.switchIfEmpty(Mono.error(() -> notFound(callbackId)));
	}

	/**
	 * Changes the URL, the events, the description or whether it is enabled; enabling an
	 * endpoint that was disabled automatically clears the reason, and the deliveries kept
	 * meanwhile go out again.
	 */
	@PatchMapping(BASE + "/{callbackId}")
	Mono<Map<String, Object>> update(@RequestParam String organizationId, @PathVariable String callbackId,
			@RequestBody(required = false) String body) {
		UUID id = id(callbackId);
		EndpointRequest request = valid(EndpointRequest.read(CallbackProblems.object(body), false));
		Mono<String> url = (request.url() != null) ? this.policy.check(request.url()).map(URI::toString)
				: Mono.just("");
		return url
			.flatMap((checked) -> this.store.update(organizationId, id, checked.isEmpty() ? null : checked,
					request.events(), request.descriptionGiven(), request.description(), request.enabled()))
			.map(Endpoint::view)
			.switchIfEmpty(Mono.error(() -> notFound(callbackId)));
	}

	@DeleteMapping(BASE + "/{callbackId}")
	Mono<ResponseEntity<Void>> delete(@RequestParam String organizationId, @PathVariable String callbackId) {
		return this.store.delete(organizationId, id(callbackId))
			.flatMap((deleted) -> deleted ? Mono.just(ResponseEntity.noContent().<Void>build())
					: Mono.error(notFound(callbackId)));
	}

	/**
	 * A new signing secret, answered once. The old one stops signing at once: every
	 * attempt from now on is signed with the new one (an attempt already on its way was
	 * signed with the old one).
	 */
	@PostMapping(BASE + "/{callbackId}/rotate-secret")
	Mono<Map<String, Object>> rotate(@RequestParam String organizationId, @PathVariable String callbackId) {
		String secret = Secrets.generate();
		return this.store.rotateSecret(organizationId, id(callbackId), secret)
			.map((endpoint) -> withSecret(endpoint, secret))
			.switchIfEmpty(Mono.error(() -> notFound(callbackId)));
	}

	private static Map<String, Object> withSecret(Endpoint endpoint, String secret) {
		Map<String, Object> view = new LinkedHashMap<>(endpoint.view());
		view.put("secret", secret);
		return view;
	}

	private static EndpointRequest valid(EndpointRequest request) {
		if (!request.problems().isEmpty()) {
			throw CallbackProblems.invalid(request.problems());
		}
		return request;
	}

	private static UUID id(String callbackId) {
		return CallbackProblems.id(callbackId, "callback endpoint");
	}

	private static ErrorResponseException notFound(String callbackId) {
		return CallbackProblems.notFound("No callback endpoint " + callbackId + " in this organization");
	}

}
