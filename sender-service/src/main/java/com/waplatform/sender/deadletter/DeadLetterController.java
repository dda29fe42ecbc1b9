package com.waplatform.sender.deadletter;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Operators' dead-letter endpoints (the gateway exposes them publicly later). Like every
 * {@code /internal/**} route they are behind the platform's route security
 * (service-support's {@code PlatformSecurityAutoConfiguration}): a call without
 * {@code Authorization: Bearer <platform.internal-api.token>} is refused with 401 before
 * it reaches this controller. Errors are RFC 9457 problem details.
 */
@RestController
@RequestMapping("/internal/dead-letters")
class DeadLetterController {

	private final DeadLetterReplay replay;

	DeadLetterController(DeadLetterReplay replay) {
		this.replay = replay;
	}

	@GetMapping
	Mono<List<DeadLetter>> list(@RequestParam String organizationId) {
		requireText(organizationId, "organizationId");
		return this.replay.list(organizationId);
	}

	@PostMapping("/replay")
	Mono<ReplayResponse> replay(@RequestBody ReplayRequest request) {
		requireText(request.organizationId(), "organizationId");
		if (request.messageIds() == null || request.messageIds().isEmpty()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "messageIds must list at least one message id");
		}
		return this.replay.replay(request.organizationId(), request.messageIds())
			.map((results) -> new ReplayResponse(request.organizationId(), results));
	}

	private static void requireText(@Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, name + " is required");
		}
	}

	record ReplayRequest(@Nullable String organizationId, @Nullable List<String> messageIds) {
	}

	record ReplayResponse(String organizationId, List<DeadLetterReplay.ReplayResult> results) {
	}

}
