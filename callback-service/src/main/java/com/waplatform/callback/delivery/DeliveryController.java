package com.waplatform.callback.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.waplatform.callback.delivery.domain.Envelope;
import com.waplatform.callback.endpoints.Endpoint;
import com.waplatform.callback.endpoints.EndpointStore;
import com.waplatform.callback.endpoints.domain.FieldProblem;
import com.waplatform.callback.web.CallbackProblems;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An endpoint's delivery log and manual replay,
 * {@code /internal/callbacks/{callbackId}/deliveries?organizationId=} (service token
 * only; the gateway calls it with the caller's organization). The log is paged newest
 * first: {@code limit} (1 to 200, default 50), {@code cursor} (the {@code next} of the
 * previous page), {@code state}. A replay is a new delivery of the same event (a new
 * delivery id and attempt series, due now), for a delivery that was delivered or given
 * up.
 */
@RestController
class DeliveryController {

	static final String BASE = "/internal/callbacks/{callbackId}/deliveries";

	private static final List<String> STATES = List.of("pending", "failed", "delivered", "gave_up", "superseded");

	private final EndpointStore endpoints;

	private final DeliveryStore deliveries;

	private final Clock clock;

	DeliveryController(EndpointStore endpoints, DeliveryStore deliveries, Clock clock) {
		this.endpoints = endpoints;
		this.deliveries = deliveries;
		this.clock = clock;
	}

	@GetMapping(BASE)
	Mono<Map<String, Object>> log(@RequestParam String organizationId, @PathVariable String callbackId,
			@RequestParam(required = false) @Nullable String limit,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable String state) {
		int size = limit(limit);
		Long before = cursor(cursor);
		if (state != null && !STATES.contains(state)) {
			throw CallbackProblems.invalid(List.of(new FieldProblem("state", "must be one of " + STATES)));
		}
		return endpoint(organizationId, callbackId).flatMap(
				(endpoint) -> this.deliveries.log(organizationId, endpoint.id(), before, state, size + 1).collectList())
			.map((rows) -> {
				Map<String, Object> page = new LinkedHashMap<>();
				List<Map<String, Object>> items = rows.subList(0, Math.min(size, rows.size()));
				page.put("items", items.stream().map(DeliveryController::withoutCursor).toList());
				page.put("next", (rows.size() > size) ? items.get(items.size() - 1).get("cursor") : null);
				return page;
			});
	}

	@PostMapping(BASE + "/{deliveryId}/replay")
	Mono<ResponseEntity<Map<String, Object>>> replay(@RequestParam String organizationId,
			@PathVariable String callbackId, @PathVariable String deliveryId) {
		UUID original = CallbackProblems.id(deliveryId, "delivery");
		return endpoint(organizationId, callbackId)
			.flatMap((endpoint) -> this.deliveries.find(organizationId, endpoint.id(), original)
				.switchIfEmpty(Mono.error(() -> CallbackProblems
					.notFound("No delivery " + deliveryId + " of callback endpoint " + callbackId)))
				.flatMap((stored) -> {
					if (DeliveryStore.UNFINISHED.contains(stored.state())) {
						return Mono.error(CallbackProblems.conflict("Delivery " + deliveryId + " is " + stored.state()
								+ ": only a delivered or given-up delivery can be replayed"));
					}
					UUID id = UUID.randomUUID();
					Instant now = this.clock.instant();
					return this.deliveries.replay(organizationId, endpoint.id(), original,
							Envelope.rewrap(stored.body(), id, now), id, now);
				}))
			.map((view) -> ResponseEntity.status(HttpStatus.ACCEPTED).body(withoutCursor(view)));
	}

	private Mono<Endpoint> endpoint(String organizationId, String callbackId) {
		return this.endpoints.find(organizationId, CallbackProblems.id(callbackId, "callback endpoint"))
			.switchIfEmpty(Mono.error(
					() -> CallbackProblems.notFound("No callback endpoint " + callbackId + " in this organization")));
	}

	private static Map<String, Object> withoutCursor(Map<String, Object> view) {
		Map<String, Object> copy = new LinkedHashMap<>(view);
		copy.remove("cursor");
		return copy;
	}

	private static int limit(@Nullable String limit) {
		if (limit == null) {
			return 50;
		}
		try {
			int value = Integer.parseInt(limit);
			if (value >= 1 && value <= 200) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw CallbackProblems.invalid(List.of(new FieldProblem("limit", "must be a number from 1 to 200")));
	}

	private static @Nullable Long cursor(@Nullable String cursor) {
		if (cursor == null) {
			return null;
		}
		try {
			return Long.parseLong(cursor);
		}
		catch (NumberFormatException ex) {
			throw CallbackProblems.invalid(List.of(new FieldProblem("cursor", "is not a cursor of this log")));
		}
	}

}
